#pragma once
// One Prosody per suite and a focus process per test, with helpers to ask the focus things.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "protocol/stanza/Namespaces.h"
#include "support/FocusProcess.h"
#include "support/MeetClient.h"
#include "support/ProsodyFixture.h"

namespace jicofo::test {

using namespace std::chrono_literals;

class FocusTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { prosody_ = new ProsodyFixture(); }
    static void TearDownTestSuite() {
        delete prosody_;
        prosody_ = nullptr;
    }
    static ProsodyFixture& prosody() { return *prosody_; }

    // Starts the focus (once per test) and waits for both streams.
    FocusProcess& startFocus(std::vector<std::string> extra = {}, bool withPassword = true) {
        focus_ = std::make_unique<FocusProcess>(prosody(), std::move(extra), withPassword);
        EXPECT_TRUE(focus_->waitReady()) << focus_->log() << prosody().logTail();
        return *focus_;
    }
    FocusProcess& focus() { return *focus_; }

    std::string room(const std::string& name) {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        return name + "-" + std::string(info->name()).substr(0, 20) + "@" + prosody().mucDomain();
    }

    // The focus's stats IQ value for name (docs/protocol.md §6.9), asked by client.
    static std::string stat(MeetClient& client, const std::string& name) {
        auto iq = protocol::Iq::request(protocol::IqType::Get, *util::Jid::parse(prosody().focusComponent()),
                                        xml::Element("stats", protocol::ns::kColibri));
        auto reply = client.xmpp().request(iq);
        if (const auto* stats = reply.child("stats", protocol::ns::kColibri))
            for (const auto* s : stats->childrenNamed("stat"))
                if (s->attr("name") == name) return s->attr("value");
        return {};
    }
    static bool waitStat(MeetClient& client, const std::string& name, const std::string& value,
                         std::chrono::milliseconds timeout = 5000ms) {
        auto end = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < end) {
            if (stat(client, name) == value) return true;
            std::this_thread::sleep_for(50ms);
        }
        return false;
    }

    std::unique_ptr<FocusProcess> focus_;
    static inline ProsodyFixture* prosody_ = nullptr;
};

}  // namespace jicofo::test
