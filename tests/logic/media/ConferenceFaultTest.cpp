// One conference's fault stays in that conference (issue 10 part 3): an exception escaping a conference's
// code — in a handler or in an asynchronous answer — ends that conference cleanly and nothing else. The
// fault is injected at the seam: the fake stream throws once when the focus sends to one room.
#include <boost/log/attributes/value_extraction.hpp>
#include <boost/log/core.hpp>
#include <boost/log/sinks/basic_sink_backend.hpp>
#include <boost/log/sinks/sync_frontend.hpp>
#include <stdexcept>

#include "logic/media/MediaHarness.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::jingle::Jingle;
using protocol::jingle::JingleAction;

namespace {

const std::string kA = "ra@conference.example.com";
const std::string kB = "rb@conference.example.com";
const std::string kC = "rc@conference.example.com";
const char* kJvb = "jvb1.example.com";

// Log lines (room attribute, message) written while the test runs.
class LogCapture {
  public:
    struct Backend : boost::log::sinks::basic_sink_backend<boost::log::sinks::synchronized_feeding> {
        std::vector<std::pair<std::string, std::string>> lines;
        void consume(const boost::log::record_view& rec) {
            auto room = boost::log::extract<std::string>("Room", rec);
            auto message = boost::log::extract<std::string>("Message", rec);
            lines.emplace_back(room ? *room : "", message ? *message : "");
        }
    };
    LogCapture() : backend_(boost::make_shared<Backend>()) {
        sink_ = boost::make_shared<boost::log::sinks::synchronous_sink<Backend>>(backend_);
        boost::log::core::get()->add_sink(sink_);
    }
    ~LogCapture() { boost::log::core::get()->remove_sink(sink_); }
    bool has(const std::string& room, const std::string& text) const {
        for (const auto& [r, m] : backend_->lines)
            if (r == room && m.find(text) != std::string::npos) return true;
        return false;
    }

  private:
    boost::shared_ptr<Backend> backend_;
    boost::shared_ptr<boost::log::sinks::synchronous_sink<Backend>> sink_;
};

std::optional<Jingle> lastOf(const std::vector<Jingle>& v, JingleAction a) {
    for (auto it = v.rbegin(); it != v.rend(); ++it)
        if (it->action == a) return *it;
    return std::nullopt;
}

bool leftRoom(const MediaHarness& h, const std::string& room) {
    for (const auto& p : h.presencesSent)
        if (p.attr("to") == room + "/focus" && p.attr("type") == "unavailable") return true;
    return false;
}

// Three conferences of two with sessions up: a1+a2 in A, b1+b2 in B, c1+c2 in C.
struct ThreeRooms : MediaHarness {
    std::map<std::string, Jingle> offers;
    ThreeRooms() {
        for (const auto& [room, tag] : {std::pair{kA, "a"}, std::pair{kB, "b"}, std::pair{kC, "c"}}) {
            createConference({}, room);
            join(std::string(tag) + "1", room);
            join(std::string(tag) + "2", room);
        }
        for (const auto& tag : {"a", "b", "c"}) {
            std::string room = tag == std::string("a") ? kA : tag == std::string("b") ? kB : kC;
            uint32_t base = 1000u * static_cast<uint32_t>(tag[0]);
            for (int i = 1; i <= 2; ++i) {
                std::string nick = tag + std::to_string(i);
                offers[nick] = *lastOf(jingleTo(nick), JingleAction::SessionInitiate);
                fromParticipant(nick, accept(offers[nick], base + 10 * i, base + 10 * i + 1), room);
            }
        }
        for (const auto& nick : {"a1", "a2", "b1", "b2", "c1", "c2"}) jingleTo(nick);
    }
    // The next IQ the focus sends into `room` (whose 'to' starts with it) throws, once.
    void failNextIqTo(const std::string& room, std::string jingleAction = {}) {
        client.onSend = [this, room, jingleAction](const xml::Element& e) {
            if (e.name() != "iq" || e.attr("to").rfind(room + "/", 0) != 0) return;
            if (!jingleAction.empty()) {
                const auto* j = e.child("jingle", protocol::ns::kJingle);
                if (!j || j->attr("action") != jingleAction) return;
            }
            client.onSend = nullptr;
            throw std::runtime_error("injected fault");
        };
    }
    // Both other conferences still work: a source-add is relayed in A, a newcomer is offered in C.
    void expectAandCServed() {
        auto r =
            fromParticipant("a1", sources(JingleAction::SourceAdd, offers["a1"].sid, "video", {424242}), kA);
        EXPECT_EQ(r.type, protocol::IqType::Result);
        EXPECT_TRUE(lastOf(jingleTo("a2"), JingleAction::SourceAdd)) << "A relays sources";
        join("c3", kC);
        EXPECT_TRUE(lastOf(jingleTo("c3"), JingleAction::SessionInitiate)) << "C offers a newcomer";
    }
};

}  // namespace

TEST(ConferenceFaults, AThrowInOneConferencesHandlerEndsOnlyThatConference) {
    ThreeRooms h;
    LogCapture log;
    ASSERT_EQ(h.bridges.at(kJvb).liveChannels(), 18u);
    h.failNextIqTo(kB);
    // b2 adds a source: the focus's first IQ into room B (the ack) throws inside the Jingle handler.
    auto reply = h.fromParticipant(
        "b2", MediaHarness::sources(JingleAction::SourceAdd, h.offers["b2"].sid, "audio", {777}), kB);
    EXPECT_EQ(reply.type, protocol::IqType::Error);
    ASSERT_TRUE(reply.error);
    EXPECT_EQ(reply.error->condition, "internal-server-error");

    // B ended cleanly: its participants told, its channels expired, the room left, the room in the log.
    EXPECT_EQ(h.manager.find(jid(kB)), nullptr);
    EXPECT_EQ(h.manager.conferenceCount(), 2u);
    EXPECT_TRUE(lastOf(h.jingleTo("b1"), JingleAction::SessionTerminate));
    EXPECT_TRUE(lastOf(h.jingleTo("b2"), JingleAction::SessionTerminate));
    EXPECT_EQ(h.bridges.at(kJvb).liveChannels(), 12u) << "B's six channels expired, A's and C's stay";
    EXPECT_TRUE(leftRoom(h, kB));
    EXPECT_FALSE(leftRoom(h, kA) || leftRoom(h, kC));
    EXPECT_TRUE(log.has(kB, "injected fault"));

    h.expectAandCServed();
    EXPECT_EQ(h.manager.conferenceCount(), 2u);
}

TEST(ConferenceFaults, AThrowInAnAsynchronousAnswerEndsOnlyItsConference) {
    ThreeRooms h;
    LogCapture log;
    // b3 joins; the session-initiate goes out from the bridge's allocation answer (an IQ callback of
    // conference B, not a call from FocusManager), and that send throws.
    h.failNextIqTo(kB, "session-initiate");
    h.join("b3", kB);  // without fault isolation the exception would escape the loop task (and this call)
    EXPECT_EQ(h.manager.find(jid(kB)), nullptr);
    EXPECT_EQ(h.manager.conferenceCount(), 2u);
    EXPECT_TRUE(lastOf(h.jingleTo("b1"), JingleAction::SessionTerminate));
    EXPECT_EQ(h.bridges.at(kJvb).liveChannels(), 12u) << "B's channels, b3's too, expired";
    EXPECT_TRUE(leftRoom(h, kB));
    EXPECT_TRUE(log.has(kB, "injected fault"));

    h.expectAandCServed();
}

TEST(ConferenceFaults, AFailedConferenceCanStartAgainForTheSameRoom) {
    ThreeRooms h;
    h.failNextIqTo(kB);
    h.fromParticipant("b2",
                      MediaHarness::sources(JingleAction::SourceAdd, h.offers["b2"].sid, "audio", {777}), kB);
    ASSERT_EQ(h.manager.find(jid(kB)), nullptr);
    // The participants' clients ask again (as after the focus left); a fresh conference takes the room.
    h.createConference({}, kB);
    ASSERT_NE(h.manager.find(jid(kB)), nullptr);
    h.join("b4", kB);
    h.join("b5", kB);
    EXPECT_TRUE(lastOf(h.jingleTo("b5"), JingleAction::SessionInitiate));
}
