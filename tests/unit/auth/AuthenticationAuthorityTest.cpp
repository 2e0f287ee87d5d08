// The 2015 AuthenticationAuthorityTest as case tables (docs/protocol.md §4.3 step 3, §4.5, §4.6, §7), for
// both authorities. Each table is a scripted sequence: later rows use the sessions earlier rows created.
#include <gtest/gtest.h>

#include "auth/AuthFactory.h"
#include "auth/ShibbolethAuthority.h"
#include "auth/XmppDomainAuthority.h"
#include "support/ManualLoop.h"
#include "unit/auth/AuthTestUtil.h"

using namespace jicofo;
using jicofo::test::conferenceIq;
using jicofo::test::jid;

namespace {

const char* kRoom = "newroom@conference.example.com";

enum class Expect { Ok, NewSession, SameSession, NotAuthorized, SessionInvalid, NotAcceptable };

// Which session-id a row sends: none, one remembered under a name, or a made-up one.
struct Row {
    const char* what;
    const char* from;
    std::optional<std::string> session;  // "@name" = remembered session, other = literal id
    std::optional<std::string> machine;
    bool roomExists;
    Expect expect;
    std::string remember = {};  // name to remember the granted session under
    std::string text = {};      // expected error text, when set
};

class CaseTable {
  public:
    explicit CaseTable(auth::AuthAuthority& a) : authority_(a) {}
    std::map<std::string, std::string> sessions;

    void run(const std::vector<Row>& rows) {
        for (const Row& row : rows) {
            SCOPED_TRACE(row.what);
            std::optional<std::string> sid = row.session;
            if (sid && (*sid)[0] == '@') sid = sessions.at(sid->substr(1));
            util::Jid from = jid(row.from);
            auto r = authority_.authorizeConferenceRequest(
                from, jid(kRoom), conferenceIq(kRoom, sid, row.machine), row.roomExists);
            switch (row.expect) {
                case Expect::Ok:
                    ASSERT_TRUE(r) << r.error().condition;
                    EXPECT_FALSE(r->sessionId);
                    EXPECT_FALSE(authority_.isAuthenticated(from));
                    break;
                case Expect::NewSession:
                case Expect::SameSession: {
                    ASSERT_TRUE(r) << r.error().condition << " " << r.error().text;
                    ASSERT_TRUE(r->sessionId);
                    bool known = false;
                    for (const auto& [n, id] : sessions) known |= id == *r->sessionId;
                    EXPECT_EQ(known, row.expect == Expect::SameSession);
                    EXPECT_TRUE(authority_.isAuthenticated(from));
                    EXPECT_EQ(authority_.sessionForJid(from)->id, *r->sessionId);
                    EXPECT_EQ(r->identity, authority_.session(*r->sessionId)->identity);
                    if (!row.remember.empty()) sessions[row.remember] = *r->sessionId;
                    break;
                }
                case Expect::NotAuthorized:
                    ASSERT_FALSE(r);
                    EXPECT_EQ(r.error().condition, "not-authorized");
                    EXPECT_EQ(r.error().type, "auth");
                    break;
                case Expect::SessionInvalid:
                    ASSERT_FALSE(r);
                    EXPECT_EQ(r.error().condition, "not-acceptable");
                    EXPECT_EQ(r.error().text, "invalid session");
                    ASSERT_TRUE(r.error().appSpecific);
                    EXPECT_EQ(r.error().appSpecific->name(), "session-invalid");
                    break;
                case Expect::NotAcceptable:
                    ASSERT_FALSE(r);
                    EXPECT_EQ(r.error().condition, "not-acceptable");
                    EXPECT_FALSE(r.error().appSpecific);
                    break;
            }
            if (!row.text.empty()) {
                ASSERT_FALSE(r);
                EXPECT_EQ(r.error().text, row.text);
            }
        }
    }

  private:
    auth::AuthAuthority& authority_;
};

const std::string kMismatch = "machine UID mismatch or empty";

}  // namespace

TEST(AuthenticationAuthority, XmppDomainCaseTable) {
    test::ManualLoop loop;
    auth::XmppDomainAuthority authority(loop, {}, "Auth.Example.com");
    CaseTable t(authority);
    t.run({
        {"guest, no session, new room", "g1@guest.example.com/a", {}, "m1", false, Expect::NotAuthorized},
        {"guest, no session, existing room", "g1@guest.example.com/a", {}, "m1", true, Expect::Ok},
        {"domain itself is not a user", "auth.example.com/x", {}, "m1", false, Expect::NotAuthorized},
        {"auth user without machine-uid",
         "alice@auth.example.com/w",
         {},
         {},
         false,
         Expect::NotAcceptable,
         "",
         "Missing mandatory attribute 'machine-uid'"},
        {"auth user gets a session", "alice@auth.example.com/w", {}, "m1", false, Expect::NewSession, "a1"},
        {"auth user again: another new session",
         "alice@auth.example.com/w",
         {},
         "m1",
         false,
         Expect::NewSession,
         "a2"},
        {"guest reusing the session creates the room", "g1@guest.example.com/a", "@a2", "m1", false,
         Expect::SameSession},
        {"unknown session", "g2@guest.example.com/b", std::string("no-such-session"), "m1", true,
         Expect::SessionInvalid},
        {"session from another machine", "g2@guest.example.com/b", "@a2", "m2", true, Expect::NotAcceptable,
         "", kMismatch},
        {"session without machine-uid",
         "g2@guest.example.com/b",
         "@a2",
         {},
         false,
         Expect::NotAcceptable,
         "",
         kMismatch},
        {"same identity on another machine",
         "alice@auth.example.com/w",
         {},
         "m2",
         false,
         Expect::NewSession,
         "other-machine"},
        {"session-id beats the auth domain: bad id refused", "alice@auth.example.com/w",
         std::string("no-such-session"), "m1", false, Expect::SessionInvalid},
    });
    EXPECT_NE(t.sessions["a1"], t.sessions["a2"]);
    EXPECT_EQ(authority.session(t.sessions["other-machine"])->machineUid, "m2");
    EXPECT_EQ(authority.session(t.sessions["a2"])->identity, "alice@auth.example.com");
    // The refused guest g2 never got authenticated.
    EXPECT_FALSE(authority.isAuthenticated(jid("g2@guest.example.com/b")));
}

TEST(AuthenticationAuthority, ShibbolethCaseTable) {
    test::ManualLoop loop;
    auth::ShibbolethAuthority authority(loop, {}, auth::ShibbolethAuthority::kDefaultLoginPattern,
                                        std::nullopt);
    CaseTable t(authority);
    t.sessions["s1"] = authority.createSessionFromLogin("m1", "alice@example.com", jid(kRoom));
    t.run({
        {"no session, new room", "g1@guest.example.com/a", {}, "m1", false, Expect::NotAuthorized},
        {"no session, existing room", "g1@guest.example.com/a", {}, "m1", true, Expect::Ok},
        {"a domain login creates nothing here",
         "alice@auth.example.com/w",
         {},
         "m1",
         false,
         Expect::NotAuthorized},
        {"valid session creates the room", "g1@guest.example.com/a", "@s1", "m1", false, Expect::SameSession},
        {"unknown session", "g2@guest.example.com/b", std::string("nope"), "m1", false,
         Expect::SessionInvalid},
        {"session-id from another machine", "g2@guest.example.com/b", "@s1", "m2", true,
         Expect::NotAcceptable, "", kMismatch},
        {"missing machine-uid",
         "g2@guest.example.com/b",
         "@s1",
         {},
         true,
         Expect::NotAcceptable,
         "",
         kMismatch},
    });
    // Same identity on the same machine: the session is reused; on another machine: a different one.
    EXPECT_EQ(authority.createSessionFromLogin("m1", "alice@example.com", jid(kRoom)), t.sessions["s1"]);
    std::string other = authority.createSessionFromLogin("m2", "alice@example.com", jid(kRoom));
    EXPECT_NE(other, t.sessions["s1"]);
    EXPECT_EQ(authority.sessionCount(), 2u);
}

TEST(AuthenticationAuthority, BindingMovesToTheLatestFullJid) {
    test::ManualLoop loop;
    auth::XmppDomainAuthority authority(loop, {}, "auth.example.com");
    test::RecordingAuthListener listener;
    authority.addListener(&listener);
    util::Jid alice = jid("alice@auth.example.com/w");
    auto first = authority.checkConferenceRequest(alice, jid(kRoom), conferenceIq(kRoom, {}, "m1"));
    ASSERT_TRUE(first);
    std::string sid = *first->sessionId;
    ASSERT_EQ(listener.bound.size(), 1u);
    EXPECT_EQ(listener.bound[0].jid, alice);

    util::Jid guestA = jid("g@guest.example.com/a");
    util::Jid guestB = jid("g@guest.example.com/b");  // another resource is another client
    ASSERT_TRUE(authority.checkConferenceRequest(guestA, jid("other@conference.example.com"),
                                                 conferenceIq("other@conference.example.com", sid, "m1")));
    EXPECT_FALSE(authority.isAuthenticated(alice));
    EXPECT_TRUE(authority.isAuthenticated(guestA));
    EXPECT_FALSE(authority.isAuthenticated(guestB));
    ASSERT_EQ(listener.bound.size(), 2u);
    EXPECT_EQ(listener.bound[1].jid, guestA);
    EXPECT_EQ(listener.bound[1].room, jid("other@conference.example.com"));
    EXPECT_EQ(listener.bound[1].identity, "alice@auth.example.com");

    ASSERT_TRUE(authority.checkConferenceRequest(guestB, jid(kRoom), conferenceIq(kRoom, sid, "m1")));
    EXPECT_FALSE(authority.isAuthenticated(guestA));
    EXPECT_TRUE(authority.isAuthenticated(guestB));

    // A JID that gets a new session loses the old one: one session per full JID.
    auto second = authority.checkConferenceRequest(alice, jid(kRoom), conferenceIq(kRoom, {}, "m1"));
    ASSERT_TRUE(second);
    ASSERT_TRUE(
        authority.checkConferenceRequest(guestB, jid(kRoom), conferenceIq(kRoom, second->sessionId, "m1")));
    EXPECT_EQ(authority.sessionForJid(guestB)->id, *second->sessionId);
    EXPECT_FALSE(authority.session(sid)->boundJid);

    ASSERT_EQ(listener.bound.size(), 5u);  // alice, guestA, guestB, alice's 2nd session, guestB again
    authority.removeListener(&listener);
    ASSERT_TRUE(authority.checkConferenceRequest(guestA, jid(kRoom), conferenceIq(kRoom, sid, "m1")));
    EXPECT_EQ(listener.bound.size(), 5u);  // not told after removal
}

TEST(AuthenticationAuthority, ResultCarriesSessionAndIdentity) {
    test::ManualLoop loop;
    auth::XmppDomainAuthority authority(loop, {}, "auth.example.com");
    auto r = authority.checkConferenceRequest(jid("Alice@Auth.Example.com/w"), jid(kRoom),
                                              conferenceIq(kRoom, {}, "m1"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->identity, "alice@auth.example.com");  // the bare JID, case-folded like every JID
    EXPECT_EQ(r->sessionId->size(), 36u);              // a UUID
    EXPECT_EQ((*r->sessionId)[14], '4');
}
