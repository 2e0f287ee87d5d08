// The 2015 ConferenceJsonTest (docs/protocol.md §7): conference and error JSON, the POST fields, and the
// time-zone-dependent start_time format, with TZ set by the test.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "http/reservation/ReservationTime.h"
#include "http/reservation/ReservedConference.h"

using namespace jicofo::http::reservation;
using namespace std::chrono;

namespace {

// Sets TZ for one test and puts the old value back (other tests log with local time).
class ScopedTz {
  public:
    explicit ScopedTz(const char* tz) {
        if (const char* old = std::getenv("TZ")) old_ = old;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~ScopedTz() {
        if (old_)
            setenv("TZ", old_->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }

  private:
    std::optional<std::string> old_;
};

// 2014-01-08T08:02:00Z
WallTime jan8() {
    return WallTime(seconds(1389168120));
}

const char* kCet = "CET-1CEST,M3.5.0,M10.5.0/3";  // POSIX rule: no tz database needed

}  // namespace

TEST(ReservationJson, ParsesConferenceAnswer) {
    ScopedTz tz(kCet);
    auto c = ReservedConference::fromJson(R"({
        "id": 1234, "name": "conference1", "mail_owner": "user@domain.com",
        "start_time": "2014-01-08T09:02:00.000+01", "duration": 900000,
        "url": "http://conference.net/1234", "pin": "1234", "sip_id": 8765, "extra": {"ignored": true}})");
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->id, 1234);
    EXPECT_EQ(c->name, "conference1");
    EXPECT_EQ(c->mailOwner, "user@domain.com");
    EXPECT_EQ(c->startTime, jan8());
    EXPECT_EQ(c->durationSeconds, 900000);
    EXPECT_EQ(c->url, "http://conference.net/1234");
    EXPECT_EQ(c->pin, "1234");
    EXPECT_EQ(c->sipId, 8765);
}

TEST(ReservationJson, NumbersAndStringsConvertLikeTheOriginal) {
    auto c = ReservedConference::fromJson(R"({"id":"77","pin":4321,"duration":null})");
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->id, 77);
    EXPECT_EQ(c->pin, "4321");
    EXPECT_EQ(c->durationSeconds, -1);  // absent or null
    EXPECT_FALSE(c->mailOwner);
    EXPECT_FALSE(c->startTime);
}

TEST(ReservationJson, ParsesErrorAnswers) {
    ApiError e = ApiError::fromJson(R"({"error":"Conflict","message":"Conference already exists"})");
    EXPECT_EQ(e.error, "Conflict");
    EXPECT_EQ(e.message, "Conference already exists");
    EXPECT_EQ(ApiError::fromJson("<html/>").message, "");
    EXPECT_EQ(ApiError::fromJson(R"({"error":"x"})").message, "");
    EXPECT_EQ(conflictIdFromJson(R"({"conflict_id": 17})"), 17);
    EXPECT_EQ(conflictIdFromJson(R"({"conflict_id": "18"})"), 18);
    EXPECT_FALSE(conflictIdFromJson(R"({"conflict": 17})"));
    EXPECT_FALSE(conflictIdFromJson("17"));
}

TEST(ReservationJson, RefusesWhatIsNotAConference) {
    for (const char* bad : {"", "null", "[]", "{", R"({"id":"abc"})", R"({"start_time":"2014-01-08 09:02"})",
                            R"({"start_time":"2014-13-08T09:02:00.000+01"})", R"({"duration":"long"})"})
        EXPECT_FALSE(ReservedConference::fromJson(bad)) << bad;
}

TEST(ReservationJson, CreateFieldsAsTheOriginalMap) {
    ScopedTz tz(kCet);
    auto fields = ReservedConference::createFields("conference1", "user@domain.com", jan8());
    ASSERT_EQ(fields.size(), 4u);
    EXPECT_EQ(fields[0], std::make_pair(std::string("name"), std::string("conference1")));
    EXPECT_EQ(fields[1], std::make_pair(std::string("mail_owner"), std::string("user@domain.com")));
    EXPECT_EQ(fields[2],
              std::make_pair(std::string("start_time"), std::string("2014-01-08T09:02:00.000+01")));
    EXPECT_EQ(fields[3], std::make_pair(std::string("duration"), std::string("-1")));
    EXPECT_EQ(ReservedConference::createForm("my room", "", jan8()),
              "name=my+room&start_time=2014-01-08T09%3A02%3A00.000%2B01&duration=-1");
}

TEST(ReservationTime, FollowsTheLocalZone) {
    WallTime t = jan8() + milliseconds(7);
    {
        ScopedTz tz(kCet);
        EXPECT_EQ(formatStartTime(t), "2014-01-08T09:02:00.007+01");
        // Summer time: +02.
        EXPECT_EQ(formatStartTime(WallTime(seconds(1446738746))), "2015-11-05T16:52:26.000+01");
        EXPECT_EQ(formatStartTime(WallTime(seconds(1436108400))), "2015-07-05T17:00:00.000+02");
    }
    {
        ScopedTz tz("UTC0");
        EXPECT_EQ(formatStartTime(t), "2014-01-08T08:02:00.007Z");
    }
    {
        ScopedTz tz("EST5");
        EXPECT_EQ(formatStartTime(t), "2014-01-08T03:02:00.007-05");
    }
    {
        ScopedTz tz("IST-5:30");  // Java's single X drops the minutes too
        EXPECT_EQ(formatStartTime(t), "2014-01-08T13:32:00.007+05");
    }
}

TEST(ReservationTime, ParsesEveryZoneForm) {
    WallTime t = jan8();
    EXPECT_EQ(parseStartTime("2014-01-08T09:02:00.000+01"), t);
    EXPECT_EQ(parseStartTime("2014-01-08T09:02:00+0100"), t);
    EXPECT_EQ(parseStartTime("2014-01-08T09:02:00.0+01:00"), t);
    EXPECT_EQ(parseStartTime("2014-01-08T08:02:00.000Z"), t);
    EXPECT_EQ(parseStartTime("2014-01-08T02:32:00.000-05:30"), t);
    EXPECT_EQ(parseStartTime("2014-01-08T08:02:00.5Z"), t + milliseconds(500));
    for (const char* bad : {"2014-01-08T09:02:00.000", "2014-01-08 09:02:00Z", "2014-01-08T25:02:00Z",
                            "2014-01-08T09:02:00.0000Z", "2014-1-8T09:02:00Z", "2014-01-08T09:02:00+1"})
        EXPECT_FALSE(parseStartTime(bad)) << bad;
    // Round trip in any zone.
    ScopedTz tz("EST5");
    WallTime now = time_point_cast<milliseconds>(std::chrono::system_clock::now());
    EXPECT_EQ(parseStartTime(formatStartTime(now)), now);
}
