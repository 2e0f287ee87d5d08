#pragma once
// Shared by the XMPP integration tests: one Prosody per suite, and an XmppStream running for real (its own
// run() thread, an EventLoop thread, an IqRouter with the ping responder) whose listener events the test
// thread can wait for.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "protocol/stanza/Namespaces.h"
#include "support/ProsodyFixture.h"
#include "util/EventLoop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/PingResponder.h"
#include "xmpp/XmppStream.h"

namespace jicofo::test {

using namespace std::chrono_literals;

// A running XmppStream. Events are recorded as "connected <jid>", "disconnected <reason>",
// "login-failed <reason>".
class StreamHarness : public xmpp::ChannelListener {
  public:
    explicit StreamHarness(xmpp::XmppStream::Config config) : stream_(std::move(config), loop_, *this) {
        xmpp::installPingResponder(router_);
        stream_.setLoginFailureHandler([this](const std::string& why) { record("login-failed " + why); });
        loopThread_ = std::thread([this] { loop_.run(); });
        runThread_ = std::thread([this] { stream_.run(); });
    }
    ~StreamHarness() override {
        stopStream();
        loop_.stop();
        loopThread_.join();
    }
    // Stops the stream and returns how long run() took to return.
    std::chrono::milliseconds stopStream() {
        auto start = std::chrono::steady_clock::now();
        stream_.stop();
        if (runThread_.joinable()) runThread_.join();
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                     start);
    }

    void onConnected(const util::Jid& jid) override { record("connected " + jid.str()); }
    void onDisconnected(const std::string& reason) override {
        router_.failAll(reason);
        record("disconnected " + reason);
    }
    void onStanza(const xml::Element& stanza) override {
        if (stanza.name() == "iq" && stanza.attr("type") == "result") ++results_;
        if (stanza.name() == "iq") router_.handle(stanza);
    }
    // IQ results received so far (presence the server reflects is not counted).
    int resultsReceived() const { return results_.load(); }

    // Waits for the n-th event (1-based) starting with prefix; returns it, or "" on timeout.
    std::string waitEvent(const std::string& prefix, int n = 1, std::chrono::milliseconds timeout = 10s) {
        std::unique_lock<std::mutex> lock(mutex_);
        std::string found;
        cv_.wait_for(lock, timeout, [&] {
            int seen = 0;
            for (const auto& e : events_)
                if (e.rfind(prefix, 0) == 0 && ++seen == n) {
                    found = e;
                    return true;
                }
            return false;
        });
        return found;
    }
    int count(const std::string& prefix) {
        std::lock_guard<std::mutex> lock(mutex_);
        int n = 0;
        for (const auto& e : events_) n += e.rfind(prefix, 0) == 0;
        return n;
    }
    std::vector<std::string> events() {
        std::lock_guard<std::mutex> lock(mutex_);
        return events_;
    }

    // Sends an IQ through the router on the loop and waits for the outcome: "result", or the error condition.
    std::string roundTrip(protocol::Iq request, std::chrono::milliseconds timeout = 5s) {
        auto done = std::make_shared<std::promise<std::string>>();
        auto answer = done->get_future();
        loop_.post([this, request, done, timeout] {
            router_.sendRequest(request, timeout, [done](auto reply) {
                done->set_value(reply ? std::string("result") : reply.error().condition);
            });
        });
        if (answer.wait_for(timeout + 2s) != std::future_status::ready) return "no callback";
        return answer.get();
    }

    xmpp::XmppStream& stream() { return stream_; }
    util::EventLoop& loop() { return loop_; }
    xmpp::IqRouter& router() { return router_; }

  private:
    void record(std::string e) {
        std::lock_guard<std::mutex> lock(mutex_);
        events_.push_back(std::move(e));
        cv_.notify_all();
    }

    util::EventLoop loop_;
    xmpp::XmppStream stream_;
    xmpp::IqRouter router_{stream_, loop_};
    std::thread loopThread_, runThread_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::string> events_;
    std::atomic<int> results_{0};
};

inline protocol::Iq pingIq(const std::string& to) {
    return protocol::Iq::request(protocol::IqType::Get, *util::Jid::parse(to),
                                 xml::Element("ping", protocol::ns::kPing));
}

// Fast retries so restart tests take a second, not ten.
inline xmpp::XmppStream::Config fast(xmpp::XmppStream::Config c) {
    c.backoffMin = util::Duration(50);
    c.backoffMax = util::Duration(400);
    c.connectTimeout = util::Duration(2000);
    c.loginTimeout = util::Duration(3000);
    return c;
}

inline xmpp::XmppStream::Config componentConfig(const ProsodyFixture& p) {
    return fast(xmpp::XmppStream::Config::component(p.host(), p.componentPort(), p.focusComponent(),
                                                    p.focusSecret()));
}

inline xmpp::XmppStream::Config focusUserConfig(const ProsodyFixture& p) {
    auto c = fast(xmpp::XmppStream::Config::client(p.host(), p.c2sPort(), p.authDomain(), p.focusUser(),
                                                   p.focusPassword(), "focus1446738123456789"));
    c.trustAll = true;
    return c;
}

}  // namespace jicofo::test
