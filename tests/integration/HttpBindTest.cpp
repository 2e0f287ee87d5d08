// Where the focus's HTTP server listens (issue 10 §6): 127.0.0.1 unless org.jitsi.jicofo.auth.jetty.host is
// set, then that address only. Checked from outside, by connecting to other loopback addresses (the whole of
// 127.0.0.0/8 reaches this machine, so a server on every interface would answer on 127.0.0.2 too).
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetworkInterface.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>

#include "integration/OperationHarness.h"

using namespace jicofo;
using namespace jicofo::test;

namespace {

const std::string kJettyHost = "-Dorg.jitsi.jicofo.auth.jetty.host=";

// Whether a TCP connection to host:port is accepted (refused or unreachable: false).
bool accepts(const std::string& host, uint16_t port) {
    try {
        Poco::Net::StreamSocket s;
        s.connect(Poco::Net::SocketAddress(host, port), Poco::Timespan(2, 0));
        return true;
    } catch (const Poco::Exception&) {
        return false;
    }
}

int aliveStatus(const std::string& host, uint16_t port) {
    Poco::Net::HTTPClientSession session(host, port);
    session.setTimeout(Poco::Timespan(5, 0));
    Poco::Net::HTTPRequest request("GET", "/about/alive", Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response).ignore(1 << 20);
    return static_cast<int>(response.getStatus());
}

// An IPv4 address of this machine outside loopback, if it has one.
std::optional<std::string> externalAddress() {
    for (const auto& nic : Poco::Net::NetworkInterface::list()) {
        const auto& a = nic.address();
        if (a.family() == Poco::Net::IPAddress::IPv4 && !a.isLoopback() && !a.isWildcard())
            return a.toString();
    }
    return std::nullopt;
}

class HttpBindTest : public FocusTest {
  protected:
    // The focus as FocusProcess starts it, but without its jetty.host (so the default applies) unless given.
    uint16_t startWithHost(std::optional<std::string> host) {
        auto args = FocusProcess::commandLine(prosody(), true);
        args.erase(std::remove_if(args.begin(), args.end(),
                                  [](const std::string& a) { return a.rfind(kJettyHost, 0) == 0; }),
                   args.end());
        if (host) args.push_back(kJettyHost + *host);
        process_ = std::make_unique<Subprocess>(
            args, prosody().dir() + "/jicofo-bind-" + std::to_string(++runs_) + ".log");
        EXPECT_TRUE(process_->waitForLog("HTTP server listening on", 10000)) << process_->log();
        return httpPortOf(process_->log());
    }
    void TearDown() override {
        if (process_) {
            EXPECT_EQ(process_->stop(SIGTERM, 5000), 0) << process_->log();
        }
    }
    std::unique_ptr<Subprocess> process_;
    static inline int runs_ = 0;
};

}  // namespace

TEST_F(HttpBindTest, ListensOnLoopbackOnlyByDefault) {
    uint16_t port = startWithHost(std::nullopt);
    ASSERT_NE(port, 0) << process_->log();
    EXPECT_NE(process_->log().find("HTTP server listening on 127.0.0.1 port " + std::to_string(port)),
              std::string::npos)
        << process_->log();
    EXPECT_EQ(aliveStatus("127.0.0.1", port), 200);
    EXPECT_FALSE(accepts("127.0.0.2", port)) << "bound to more than 127.0.0.1";
    if (auto external = externalAddress()) {
        EXPECT_FALSE(accepts(*external, port)) << "reachable on " << *external;
    }
}

TEST_F(HttpBindTest, ListensOnTheConfiguredHostOnly) {
    uint16_t port = startWithHost(std::string("127.0.0.2"));
    ASSERT_NE(port, 0) << process_->log();
    EXPECT_NE(process_->log().find("HTTP server listening on 127.0.0.2 port " + std::to_string(port)),
              std::string::npos)
        << process_->log();
    EXPECT_EQ(aliveStatus("127.0.0.2", port), 200);
    EXPECT_FALSE(accepts("127.0.0.1", port)) << "the default address is still served";
}

TEST_F(HttpBindTest, EveryInterfaceWhenAskedFor) {
    uint16_t port = startWithHost(std::string("0.0.0.0"));
    ASSERT_NE(port, 0) << process_->log();
    EXPECT_EQ(aliveStatus("127.0.0.1", port), 200);
    EXPECT_EQ(aliveStatus("127.0.0.2", port), 200);
}
