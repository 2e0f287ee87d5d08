// The operation endpoints over real local HTTP, against a scripted probe.
#include <gtest/gtest.h>

#include <atomic>

#include "http/OperationHandler.h"
#include "unit/http/HttpTestUtil.h"

namespace jicofo::http {
namespace {

struct ScriptedProbe : FocusProbe {
    std::optional<FocusStats> statsAnswer = FocusStats{};
    HealthReport healthAnswer, livenessAnswer;
    std::atomic<int> healthCalls{0}, livenessCalls{0};

    std::optional<FocusStats> stats() override { return statsAnswer; }
    HealthReport health() override {
        ++healthCalls;
        return healthAnswer;
    }
    HealthReport liveness() override {
        ++livenessCalls;
        return livenessAnswer;
    }
};

class OperationHandlerTest : public ::testing::Test {
  protected:
    OperationHandlerTest()
        : server_([this]() -> Poco::Net::HTTPRequestHandler* {
              // The route table of app/HttpRoutes, reduced to what these tests need.
              return new Dispatch(probe_, version_);
          }) {}

    struct Dispatch : Poco::Net::HTTPRequestHandler {
        Dispatch(std::shared_ptr<ScriptedProbe> p, const VersionInfo& v) : probe(std::move(p)), version(v) {}
        void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
            std::string path = req.getURI().substr(0, req.getURI().find('?'));
            for (const auto& [p, endpoint] : OperationHandler::routes())
                if (p == path) return OperationHandler(probe, version, endpoint).handleRequest(req, resp);
            resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
            resp.send();
        }
        std::shared_ptr<ScriptedProbe> probe;
        VersionInfo version;
    };

    test::HttpReply get(const std::string& uri, const std::string& method = "GET") {
        return test::httpRequest(server_.port(), method, uri);
    }

    std::shared_ptr<ScriptedProbe> probe_ = std::make_shared<ScriptedProbe>();
    VersionInfo version_{"jicofo", "1.0.0-gabc", "abc", "Linux"};
    test::LocalHttpServer server_;
};

TEST_F(OperationHandlerTest, HealthAnswersTheProbeStatusWithJsonAndCors) {
    probe_->healthAnswer.add("conference", true, "joined");
    auto ok = get("/about/health");
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.contentType, "application/json;charset=UTF-8");
    EXPECT_EQ(ok.headers["Access-Control-Allow-Origin"], "*");
    EXPECT_NE(ok.body.find("\"conference\":{\"ok\":true,\"detail\":\"joined\"}"), std::string::npos);

    probe_->healthAnswer.add("graceful_shutdown", false, "shutting down");
    EXPECT_EQ(get("/about/health").status, 500);
    probe_->healthAnswer.status = 503;
    EXPECT_EQ(get("/about/health").status, 503);
    EXPECT_EQ(probe_->livenessCalls, 0);
}

TEST_F(OperationHandlerTest, LivenessQueryAndAliveSkipTheFullCheck) {
    probe_->healthAnswer.status = 500;
    EXPECT_EQ(get("/about/health?liveness").status, 200);
    EXPECT_EQ(get("/about/health?liveness=true").status, 200);
    EXPECT_EQ(get("/about/alive").status, 200);
    EXPECT_EQ(probe_->livenessCalls, 3);
    EXPECT_EQ(probe_->healthCalls, 0);
    EXPECT_EQ(get("/about/health?liveness=false").status, 500);
    EXPECT_EQ(probe_->healthCalls, 1);
}

TEST_F(OperationHandlerTest, OtherMethodsGet405) {
    for (const char* path : {"/about/health", "/about/version", "/stats", "/metrics", "/about/alive"}) {
        for (const char* method : {"POST", "PUT", "DELETE"}) {
            auto r = get(path, method);
            EXPECT_EQ(r.status, 405) << method << ' ' << path;
            EXPECT_EQ(r.headers["Allow"], "GET, HEAD");
        }
    }
    EXPECT_EQ(probe_->healthCalls, 0);
}

TEST_F(OperationHandlerTest, HeadGetsHeadersOnly) {
    auto r = get("/about/version", "HEAD");
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.body.empty());
    EXPECT_EQ(r.contentType, "application/json;charset=UTF-8");
}

TEST_F(OperationHandlerTest, VersionIsTheBuildsVersion) {
    auto r = get("/about/version");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body,
              "{\"name\":\"jicofo\",\"version\":\"1.0.0-gabc\",\"revision\":\"abc\",\"os\":\"Linux\"}");
}

TEST_F(OperationHandlerTest, StatsAndMetrics) {
    probe_->statsAnswer->conferences = 2;
    auto stats = get("/stats");
    EXPECT_EQ(stats.status, 200);
    EXPECT_EQ(stats.body.rfind("{\"conferences\":2,", 0), 0u);
    auto metrics = get("/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_EQ(metrics.contentType, "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_NE(metrics.body.find("\njitsi_jicofo_conferences 2\n"), std::string::npos);
}

TEST_F(OperationHandlerTest, StatsAndMetricsAre503WhenTheLoopDoesNotAnswer) {
    probe_->statsAnswer.reset();
    auto stats = get("/stats");
    EXPECT_EQ(stats.status, 503);
    EXPECT_NE(stats.body.find("did not answer"), std::string::npos);
    EXPECT_EQ(get("/metrics").status, 503);
}

TEST_F(OperationHandlerTest, RootIsTheOperatorPage) {
    probe_->statsAnswer->conferences = 1;
    probe_->statsAnswer->conferenceList.push_back({"r1@conference.example.com", 2, 30, {"jvb.example.com"}});
    auto page = get("/");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.contentType, "text/html; charset=utf-8");
    EXPECT_NE(page.body.find("<td class='room'>r1@conference.example.com</td>"), std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("jicofo 1.0.0-gabc"), std::string::npos);
    EXPECT_EQ(get("/", "POST").status, 405);

    probe_->statsAnswer.reset();
    auto down = get("/");
    EXPECT_EQ(down.status, 503);
    EXPECT_EQ(down.contentType, "text/html; charset=utf-8");
    EXPECT_NE(down.body.find("did not answer"), std::string::npos);
}

TEST(OperationRoutes, LivenessQueryParsing) {
    EXPECT_TRUE(OperationHandler::wantsLiveness("/about/health?liveness"));
    EXPECT_TRUE(OperationHandler::wantsLiveness("/about/health?a=b&liveness=1"));
    EXPECT_FALSE(OperationHandler::wantsLiveness("/about/health"));
    EXPECT_FALSE(OperationHandler::wantsLiveness("/about/health?livenessx"));
    EXPECT_FALSE(OperationHandler::wantsLiveness("/about/health?liveness=no"));
}

}  // namespace
}  // namespace jicofo::http
