// The reservation client against a real local HTTP server (docs/protocol.md §4.3 step 4, §4.5, §6.7):
// success, conflict, API errors, malformed, slow and missing answers.
#include <gtest/gtest.h>

#include "unit/http/ReservationFixture.h"

using namespace jicofo;
using namespace std::chrono_literals;
using jicofo::http::reservation::ReservationClient;
using jicofo::http::reservation::ReservationSettings;
using jicofo::protocol::StanzaError;
using jicofo::test::conferenceJson;
using jicofo::test::kRoom;
using Reply = jicofo::test::FakeReservationApi::Reply;

namespace {
using Reservations = jicofo::test::ReservationFixture;
}  // namespace

TEST_F(Reservations, CreatedConferenceAllowsItsOwner) {
    api_.on("POST", "/conference", {201, conferenceJson(42, "alice@example.com", now(), 3600)});
    EXPECT_EQ(decide("alice@example.com"), std::nullopt);
    auto seen = api_.seen();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].contentType, "application/x-www-form-urlencoded; charset=UTF-8");
    // name=myroom&mail_owner=alice%40example.com&start_time=...&duration=-1
    const std::string& body = seen[0].body;
    EXPECT_EQ(body.rfind("name=myroom&mail_owner=alice%40example.com&start_time=", 0), 0u) << body;
    EXPECT_NE(body.find("&duration=-1"), std::string::npos) << body;
    auto known = loop_.sync([&] { return *client_->conference(kRoom); });
    EXPECT_EQ(known.id, 42);
    EXPECT_EQ(known.pin, "1234");
    EXPECT_EQ(known.sipId, 5551);
    EXPECT_EQ(known.durationSeconds, 3600);

    // Known now: a second request is answered from the cache, owner compared, no new call.
    EXPECT_EQ(decide("alice@example.com"), std::nullopt);
    auto other = decide("bob@example.com");
    ASSERT_TRUE(other);
    EXPECT_EQ(codeOf(*other), 3);
    EXPECT_EQ(api_.count("POST", "/conference"), 1u);
}

TEST_F(Reservations, EmptyOwnerIsNotSent) {
    api_.on("POST", "/conference", {200, R"({"id":7,"name":"myroom","duration":3600})"});
    EXPECT_EQ(decide(""), std::nullopt);  // no mail_owner on either side
    EXPECT_EQ(api_.seen().at(0).body.find("mail_owner"), std::string::npos);
}

TEST_F(Reservations, AnotherOwnerIsRefusedWithCode3AndNoText) {
    api_.on("POST", "/conference", {200, conferenceJson(42, "bob@example.com", now(), 3600)});
    auto r = decide("alice@example.com");
    ASSERT_TRUE(r);
    EXPECT_EQ(codeOf(*r), 3);
    EXPECT_EQ(r->text, "");
}

TEST_F(Reservations, ConflictLooksUpTheExistingConference) {
    api_.on("POST", "/conference", {409, R"({"conflict_id": 17})"});
    api_.on("GET", "/conference/17", {200, conferenceJson(17, "alice@example.com", now(), 3600)});
    EXPECT_EQ(decide("alice@example.com"), std::nullopt);
    EXPECT_EQ(api_.count("GET", "/conference/17"), 1u);
    EXPECT_EQ(loop_.sync([&] { return *client_->conference(kRoom)->id; }), 17);
}

TEST_F(Reservations, ConflictOwnedBySomeoneElse) {
    api_.on("POST", "/conference", {409, R"({"conflict_id": 17})"});
    api_.on("GET", "/conference/17", {200, conferenceJson(17, "bob@example.com", now(), 3600)});
    auto r = decide("alice@example.com");
    ASSERT_TRUE(r);
    EXPECT_EQ(codeOf(*r), 3);
}

TEST_F(Reservations, FailedConflictLookupIs100) {
    api_.on("POST", "/conference", {409, R"({"conflict_id": 17})"});
    api_.on("GET", "/conference/17", {404, R"({"error":"not_found","message":"Conference gone"})"});
    auto r = decide("alice@example.com");
    ASSERT_TRUE(r);
    EXPECT_EQ(codeOf(*r), 100);
    EXPECT_EQ(r->text, "Conference gone");
    api_.on("POST", "/conference", {409, R"({"no_conflict_id": true})"});
    auto bad = decide("alice@example.com", *util::Jid::parse("r2@conference.example.com"));
    ASSERT_TRUE(bad);
    EXPECT_EQ(codeOf(*bad), 100);
}

TEST_F(Reservations, ApiErrorMessageBecomesTheText) {
    api_.on("POST", "/conference",
            {403, R"({"error":"forbidden","message":"You may not book rooms today"})"});
    auto r = decide("alice@example.com");
    ASSERT_TRUE(r);
    EXPECT_EQ(codeOf(*r), 100);  // the focus's code, not the HTTP status
    EXPECT_EQ(r->text, "You may not book rooms today");
    // Refusals are not cached: the next request asks again.
    api_.on("POST", "/conference", {201, conferenceJson(1, "alice@example.com", now(), 3600)});
    EXPECT_EQ(decide("alice@example.com"), std::nullopt);
}

TEST_F(Reservations, MalformedAnswersAre100WithoutText) {
    struct Case {
        const char* what;
        Reply reply;
    };
    int n = 0;
    for (const Case& c : std::vector<Case>{
             {"malformed JSON", {200, R"({"id": 42, "name": )"}},
             {"not an object", {201, "[1,2,3]"}},
             {"bad start_time", {200, R"({"id":1,"name":"myroom","start_time":"yesterday"})"}},
             {"id of the wrong type", {200, R"({"id":"forty-two","name":"myroom"})"}},
             {"no id", {200, R"({"name":"myroom"})"}},
             {"another room's conference", {200, R"({"id":1,"name":"otherroom"})"}},
             {"500 with an HTML page", {500, "<html>oops</html>"}},
         }) {
        SCOPED_TRACE(c.what);
        util::Jid room = *util::Jid::parse("myroom@conference" + std::to_string(++n) + ".example.com");
        api_.on("POST", "/conference", c.reply);
        auto r = decide("alice@example.com", room);
        ASSERT_TRUE(r);
        EXPECT_EQ(codeOf(*r), 100);
        EXPECT_EQ(r->text, "");
    }
}

TEST_F(Reservations, SlowApiTimesOutWith100AndTheLoopGoesOn) {
    api_.on("POST", "/conference", {201, conferenceJson(1, "alice@example.com", now(), 3600), 3000ms});
    auto started = std::chrono::steady_clock::now();
    auto p = std::make_shared<std::promise<std::optional<StanzaError>>>();
    auto decided = p->get_future();
    loop_.loop.post(
        [&, p] { client_->createConference(kRoom, "alice@example.com", [p](auto r) { p->set_value(r); }); });
    ASSERT_TRUE(api_.waitFor("POST", "/conference", 1));
    // While the call hangs the loop keeps serving other work.
    EXPECT_EQ(loop_.sync([] { return 7; }), 7);
    ASSERT_EQ(decided.wait_for(3s), std::future_status::ready);
    auto took = std::chrono::steady_clock::now() - started;
    auto r = decided.get();
    ASSERT_TRUE(r);
    EXPECT_EQ(codeOf(*r), 100);
    EXPECT_GE(took, 400ms);
    EXPECT_LT(took, 2500ms);
}

TEST_F(Reservations, UnreachableApiIs100) {
    ReservationSettings s;
    {
        test::LocalHttpServer gone([] { return nullptr; });
        s.baseUrl = gone.baseUrl("/api");
    }  // closed: connections are refused now
    s.requestTimeout = 400ms;
    auto made = ReservationClient::create(loop_.loop, s, nullptr);
    ASSERT_TRUE(made);
    auto& other = *made.value();
    other.start();
    auto p = std::make_shared<std::promise<std::optional<StanzaError>>>();
    auto f = p->get_future();
    loop_.loop.post([&, p] { other.createConference(kRoom, "a@b", [p](auto r) { p->set_value(r); }); });
    ASSERT_EQ(f.wait_for(3s), std::future_status::ready);
    auto r = f.get();
    ASSERT_TRUE(r);
    EXPECT_EQ(codeOf(*r), 100);
    loop_.sync([&] {
        other.stop();
        return 0;
    });
}

TEST_F(Reservations, ConcurrentRequestsForOneRoomShareOneCall) {
    api_.on("POST", "/conference", {201, conferenceJson(9, "alice@example.com", now(), 3600), 100ms});
    std::vector<std::shared_ptr<std::promise<std::optional<StanzaError>>>> ps;
    std::vector<std::future<std::optional<StanzaError>>> fs;
    for (int i = 0; i < 3; ++i) {
        ps.push_back(std::make_shared<std::promise<std::optional<StanzaError>>>());
        fs.push_back(ps.back()->get_future());
    }
    loop_.loop.post([&] {
        const char* owners[] = {"alice@example.com", "bob@example.com", "alice@example.com"};
        for (int i = 0; i < 3; ++i)
            client_->createConference(kRoom, owners[i], [p = ps[i]](auto r) { p->set_value(r); });
    });
    for (auto& f : fs) ASSERT_EQ(f.wait_for(3s), std::future_status::ready);
    EXPECT_EQ(fs[0].get(), std::nullopt);
    auto bob = fs[1].get();
    ASSERT_TRUE(bob);
    EXPECT_EQ(codeOf(*bob), 3);
    EXPECT_EQ(fs[2].get(), std::nullopt);
    EXPECT_EQ(api_.count("POST", "/conference"), 1u);
}
