#pragma once
// FocusHarness with an authentication authority and a scripted reservation system: the real FocusManager,
// Conference, ChatRoom, OwnerElection and XMPP-domain (or Shibboleth) authority on a ManualLoop; the test
// plays Prosody, the clients and the reservation API's decisions.
#include <deque>

#include "auth/AuthFactory.h"
#include "auth/ShibbolethAuthority.h"
#include "conference/ReservationGate.h"
#include "logic/conference/FocusHarness.h"

namespace jicofo::test {

// Records what the focus asks; the test decides when and how each request is answered.
class ScriptedReservations : public conference::ReservationGate {
  public:
    struct Asked {
        util::Jid room;
        std::string owner;
    };
    void requestNewRoom(const util::Jid& room, const std::string& owner, Decision done) override {
        asked.push_back({room, owner});
        waiting.push_back(std::move(done));
    }
    void conferenceEnded(const util::Jid& room) override { ended.push_back(room); }
    // Answers the oldest waiting request (the caller runs the loop afterwards).
    void decide(std::optional<protocol::StanzaError> refusal = std::nullopt) {
        ASSERT_FALSE(waiting.empty()) << "nothing waits for a reservation decision";
        auto done = std::move(waiting.front());
        waiting.pop_front();
        done(std::move(refusal));
    }
    std::vector<Asked> asked;
    std::deque<Decision> waiting;
    std::vector<util::Jid> ended;
};

class AuthHarness {
  public:
    struct Options {
        std::string authUrl = "XMPP:example.com";  // users log in on example.com, guests on guest.example.com
        auth::AuthSettings auth;                   // url is taken from authUrl
        conference::FocusSettings focus = FocusHarness::defaults();
        bool reservations = false;
    };

    AuthHarness() : AuthHarness(Options()) {}
    explicit AuthHarness(Options o)
        : component(jid("focus.example.com")),
          client(jid("focus@auth.example.com/focus1")),
          componentRouter(component, loop),
          clientRouter(client, loop),
          authority(makeAuthority(loop, o)),
          ctx{loop,    component, client,          clientRouter,
              o.focus, nullptr,   authority.get(), o.reservations ? &reservations : nullptr},
          manager(ctx) {
        componentRouter.registerHandler<protocol::ConferenceIq>(
            protocol::IqType::Set, "conference", protocol::ns::kFocus,
            [this](const protocol::Iq& iq, const protocol::ConferenceIq& c) {
                return manager.handleConferenceIq(iq, c);
            });
    }

    static std::unique_ptr<auth::AuthAuthority> makeAuthority(util::Loop& loop, Options& o) {
        o.auth.url = o.authUrl;
        auto made = auth::createAuthority(loop, o.auth);
        EXPECT_TRUE(made);
        return made ? std::move(made.value()) : nullptr;
    }

    // A conference IQ from `from`; returns the focus's reply if it answered now (else see componentReply()).
    std::optional<protocol::Iq> request(const std::string& room, const std::string& from,
                                        std::optional<std::string> sessionId = std::nullopt,
                                        std::optional<std::string> machineUid = std::string("m1")) {
        protocol::ConferenceIq c;
        c.room = room;
        c.sessionId = std::move(sessionId);
        c.machineUid = std::move(machineUid);
        protocol::Iq iq =
            protocol::Iq::request(protocol::IqType::Set, jid("focus.example.com"), c.toElement());
        iq.from = jid(from);
        componentRouter.handle(iq.toElement());
        loop.runPending();
        return componentReply();
    }
    std::optional<protocol::Iq> componentReply() {
        auto e = component.take("iq");
        if (!e) return std::nullopt;
        return protocol::Iq::parse(*e).value();
    }
    static protocol::ConferenceIq resultOf(const std::optional<protocol::Iq>& iq) {
        EXPECT_TRUE(iq);
        if (!iq) return {};
        EXPECT_EQ(iq->type, protocol::IqType::Result) << iq->toElement().toString();
        if (iq->type != protocol::IqType::Result || !iq->payload) return {};
        return protocol::ConferenceIq::parse(*iq->payload).value();
    }
    static std::string conditionOf(const std::optional<protocol::Iq>& iq) {
        if (!iq) return "(no reply)";
        if (iq->type != protocol::IqType::Error || !iq->error) return "(no error)";
        return iq->error->condition;
    }

    // Server side of the MUC (see FocusHarness).
    void presenceFrom(const std::string& room, const std::string& nick, const std::string& realJid,
                      const std::string& affiliation = "none", const std::string& role = "participant",
                      std::vector<int> codes = {}, bool unavailable = false) {
        manager.handlePresence(
            mucOccupantPresence(room, nick, realJid, affiliation, role, codes, unavailable));
        loop.runPending();
    }
    // The next IQ the focus sent on its user stream (consumed), answered with a result or not at all.
    std::optional<protocol::Iq> takeClientIq(bool answer = true, std::optional<xml::Element> payload = {}) {
        auto sent = client.take("iq");
        if (!sent) return std::nullopt;
        protocol::Iq req = protocol::Iq::parse(*sent).value();
        if (answer) {
            protocol::Iq res = req.result(std::move(payload));
            res.from = req.to;
            res.to = client.localJid();
            clientRouter.handle(res.toElement());
            loop.runPending();
        }
        return req;
    }
    // The focus joins room (join presence, configuration submit and form fetch, then the self-presence as
    // owner).
    void completeJoin(const std::string& room) {
        ASSERT_TRUE(client.take("presence")) << "no join presence";
        presenceFrom(room, "focus", "focus@auth.example.com/focus1", "owner", "moderator", {110, 201});
        takeClientIq();           // the submit
        takeClientIq();           // the form fetch (meeting id): an empty result
        client.take("presence");  // the etherpad update
    }
    // muc#admin owner grants the focus sent (consumed, answered), as the bare JIDs granted.
    std::vector<std::string> ownerGrants() {
        std::vector<std::string> out;
        while (auto e = client.take("iq", "query", protocol::ns::kMucAdmin)) {
            protocol::Iq req = protocol::Iq::parse(*e).value();
            const auto* item = req.payload->child("item");
            if (item && item->attr("affiliation") == "owner") out.push_back(item->attr("jid"));
            protocol::Iq res = req.result();
            res.from = req.to;
            res.to = client.localJid();
            clientRouter.handle(res.toElement());
            loop.runPending();
        }
        return out;
    }
    // Logs alice@example.com in (a conference IQ for an existing room or a new one) and returns her session.
    std::string login(const std::string& room, const std::string& from = "alice@example.com/web",
                      const std::string& machine = "m1") {
        auto reply = request(room, from, std::nullopt, machine);
        if (!reply) {
            completeJoin(room);
            reply = componentReply();
        }
        return resultOf(reply).sessionId.value_or("");
    }

    ManualLoop loop;
    FakeChannel component, client;
    xmpp::IqRouter componentRouter, clientRouter;
    std::unique_ptr<auth::AuthAuthority> authority;
    ScriptedReservations reservations;
    conference::FocusContext ctx;
    conference::FocusManager manager;
};

}  // namespace jicofo::test
