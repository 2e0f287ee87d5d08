#pragma once
// Real FocusManager + Conference + ChatRoom + IqRouter against two FakeChannels, a ManualLoop and a scripted
// MUC service: the test plays Prosody's part stanza by stanza.
#include <gtest/gtest.h>

#include "conference/FocusManager.h"
#include "protocol/focus/ConferenceIq.h"
#include "protocol/stanza/Namespaces.h"
#include "support/ClientSamples.h"
#include "support/FakeChannel.h"
#include "support/ManualLoop.h"
#include "xmpp/IqRouter.h"

namespace jicofo::test {

inline util::Jid jid(const std::string& s) {
    return *util::Jid::parse(s);
}

class FocusHarness {
  public:
    explicit FocusHarness(conference::FocusSettings settings = defaults())
        : component(jid("focus.example.com")),
          client(jid("focus@auth.example.com/focus1")),
          componentRouter(component, loop),
          clientRouter(client, loop),
          ctx{loop, component, client, clientRouter, settings},
          manager(ctx) {
        componentRouter.registerHandler<protocol::ConferenceIq>(
            protocol::IqType::Set, "conference", protocol::ns::kFocus,
            [this](const protocol::Iq& iq, const protocol::ConferenceIq& c) {
                return manager.handleConferenceIq(iq, c);
            });
    }

    static conference::FocusSettings defaults() {
        conference::FocusSettings s;
        s.focusUserJid = jid("focus@auth.example.com");
        s.nick = "focus";
        s.userHasPassword = false;
        return s;
    }

    // A client's conference IQ arriving on the component.
    void requestConference(const std::string& room, const std::string& from = "u1@example.com/r1",
                           const std::string& id = "c1") {
        protocol::ConferenceIq c;
        c.room = room;
        c.machineUid = "m1";
        c.addProperty("openSctp", "true");
        protocol::Iq iq =
            protocol::Iq::request(protocol::IqType::Set, jid("focus.example.com"), c.toElement());
        iq.id = id;
        iq.from = jid(from);
        componentRouter.handle(iq.toElement());
        loop.runPending();
    }

    // The reply the focus sent on the component, if any.
    std::optional<protocol::Iq> componentReply() {
        auto e = component.take("iq");
        if (!e) return std::nullopt;
        return protocol::Iq::parse(*e).value();
    }

    // Server side of the MUC: a presence from room/nick.
    void presenceFrom(const std::string& room, const std::string& nick, const std::string& realJid,
                      const std::string& affiliation = "none", const std::string& role = "participant",
                      std::vector<int> codes = {}, bool unavailable = false) {
        manager.handlePresence(
            mucOccupantPresence(room, nick, realJid, affiliation, role, codes, unavailable));
        loop.runPending();
    }

    // Answers the next IQ the focus sent on the client stream with a result (optionally with payload).
    protocol::Iq answerClientIq(std::optional<xml::Element> payload = std::nullopt) {
        auto sent = client.take("iq");
        EXPECT_TRUE(sent) << "the focus sent no iq";
        protocol::Iq req = protocol::Iq::parse(*sent).value();
        protocol::Iq res = req.result(std::move(payload));
        res.from = req.to;
        res.to = client.localJid();
        clientRouter.handle(res.toElement());
        loop.runPending();
        return req;
    }

    protocol::Iq failClientIq(const std::string& condition) {
        auto sent = client.take("iq");
        EXPECT_TRUE(sent);
        protocol::Iq req = protocol::Iq::parse(*sent).value();
        protocol::Iq err = req.errorReply(protocol::StanzaError::of(condition));
        err.from = req.to;
        err.to = client.localJid();
        clientRouter.handle(err.toElement());
        loop.runPending();
        return req;
    }

    static xml::Element configForm() {
        xml::Element q("query", protocol::ns::kMucOwner);
        auto& x = q.addChild("x", protocol::ns::kDataForms);
        x.setAttr("type", "form");
        auto& f1 = x.addChild("field");
        f1.setAttr("var", "FORM_TYPE");
        f1.setAttr("type", "hidden");
        f1.addChild("value").setText("http://jabber.org/protocol/muc#roomconfig");
        auto& f2 = x.addChild("field");
        f2.setAttr("var", "muc#roomconfig_whois");
        f2.setAttr("type", "list-single");
        f2.addChild("value").setText("moderators");
        auto& f3 = x.addChild("field");
        f3.setAttr("var", "muc#roomconfig_roomname");
        f3.setAttr("type", "text-single");
        f3.addChild("value").setText("r1");
        return q;
    }

    // Plays a successful join of `room` by the focus (the configuration submit and the form fetch sent with
    // the join are answered, and the self-presence as owner arrives).
    void completeJoin(const std::string& room) {
        ASSERT_TRUE(client.take("presence")) << "no join presence";
        presenceFrom(room, "focus", "focus@auth.example.com/focus1", "owner", "moderator", {110, 201});
        answerClientIq();              // the submit
        answerClientIq(configForm());  // the form fetch (meeting id)
    }

    ManualLoop loop;
    FakeChannel component, client;
    xmpp::IqRouter componentRouter, clientRouter;
    conference::FocusContext ctx;
    conference::FocusManager manager;
};

}  // namespace jicofo::test
