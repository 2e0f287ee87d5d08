// Mute end to end (docs/protocol.md §6.1, issue 5): the focus binary, the bridge simulator and 2015
// participants as real XMPP clients through a real Prosody. alice is the first participant and so the
// moderator; bob and carol are plain participants; mallory is not in the room.
#include "integration/FocusHarness.h"
#include "protocol/focus/MuteIq.h"
#include "support/BridgeSimProcess.h"
#include "support/MediaClient.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::jingle::JingleAction;

namespace {

std::string errorOf(const xml::Element& reply) {
    if (reply.attr("type") != "error") return "(no error: " + reply.toString() + ")";
    auto iq = protocol::Iq::parse(reply);
    return iq && iq->error ? iq->error->condition : "?";
}

class MuteOverProsody : public FocusTest {
  protected:
    void SetUp() override {
        bridge_ = std::make_unique<BridgeSimProcess>(prosody());
        ASSERT_TRUE(bridge_->waitReady()) << bridge_->log();
        startFocus();
        r_ = room("mute");
        alice_ = participant("alice");
        ASSERT_TRUE(alice_->waitPresence(
            r_ + "/alice",
            [](const protocol::MucPresence& p) { return p.role == protocol::MucRole::Moderator; }))
            << "alice is made moderator\n"
            << focus().log();
        bob_ = participant("bob");
        carol_ = participant("carol");
        // Everybody has channels once offered.
        for (auto* c : {alice_.get(), bob_.get(), carol_.get()})
            ASSERT_TRUE(c->waitJingle(JingleAction::SessionInitiate)) << focus().log();
    }
    void TearDown() override {
        focus_.reset();
        bridge_.reset();
    }
    std::unique_ptr<MediaClient> participant(const std::string& nick) {
        auto c = std::make_unique<MediaClient>(prosody());
        EXPECT_EQ(c->requestConference(r_).attr("type"), "result");
        EXPECT_TRUE(c->join(r_, nick));
        return c;
    }
    // <mute jid=target>text</mute> from `from` to `to` (default: the focus occupant); returns the answer.
    xml::Element mute(MeetClient& from, const std::string& target, const std::string& text,
                      const std::string& to = {}) {
        protocol::MuteIq m;
        m.jid = *util::Jid::parse(target);
        m.mute = text == "true";
        xml::Element payload = m.toElement();
        payload.setText(text);
        auto iq = protocol::Iq::request(protocol::IqType::Set,
                                        *util::Jid::parse(to.empty() ? r_ + "/focus" : to), payload);
        return from.xmpp().request(iq);
    }
    // A mute IQ the focus forwarded to c (consumed), if one comes within timeout.
    static std::optional<xml::Element> forwardedTo(MeetClient& c,
                                                   util::Duration timeout = util::Duration(2000)) {
        return c.xmpp().waitFor(
            [](const xml::Element& e) {
                return e.name() == "iq" && e.attr("type") == "set" &&
                       e.child("mute", protocol::ns::kAudioMute);
            },
            timeout);
    }
    // The direction of nick's audio channel on the bridge ("sendrecv" when unmuted).
    std::string audioDirection(const std::string& nick) {
        for (const auto& conf : bridge_->listing(alice_->xmpp()).conferences)
            for (const auto* ch : conf.channelsOf(nick))
                if (ch->content == "audio") return ch->direction;
        return "(no channel)";
    }

    std::unique_ptr<BridgeSimProcess> bridge_;
    std::string r_;
    std::unique_ptr<MediaClient> alice_, bob_, carol_;
};

}  // namespace

TEST_F(MuteOverProsody, TheModeratorMutesAGuestOnTheBridgeAndTheGuestIsTold) {
    EXPECT_EQ(audioDirection("bob"), "sendrecv");
    auto reply = mute(*alice_, r_ + "/bob", "true");
    EXPECT_EQ(reply.attr("type"), "result") << reply.toString() << focus().log();
    EXPECT_EQ(audioDirection("bob"), "sendonly");
    EXPECT_EQ(audioDirection("carol"), "sendrecv");
    auto told = forwardedTo(*bob_);
    ASSERT_TRUE(told) << focus().log();
    EXPECT_EQ(util::Jid::parse(told->attr("from"))->str(), util::Jid::parse(r_ + "/focus")->str())
        << "from the focus occupant, as the client requires";
    const auto* m = told->child("mute", protocol::ns::kAudioMute);
    EXPECT_TRUE(m->attr("jid").empty());
    EXPECT_EQ(m->text(), "true");
    EXPECT_FALSE(forwardedTo(*carol_, util::Duration(300)));
}

TEST_F(MuteOverProsody, AGuestMutingAnotherIsRefused) {
    EXPECT_EQ(errorOf(mute(*bob_, r_ + "/carol", "true")), "not-allowed");
    EXPECT_EQ(audioDirection("carol"), "sendrecv");
    EXPECT_FALSE(forwardedTo(*carol_, util::Duration(500)));
}

TEST_F(MuteOverProsody, UnmutingSomeoneElseIsRefusedButOneselfIsFine) {
    ASSERT_EQ(mute(*alice_, r_ + "/bob", "true").attr("type"), "result");
    ASSERT_TRUE(forwardedTo(*bob_));
    EXPECT_EQ(errorOf(mute(*alice_, r_ + "/bob", "false")), "not-allowed");
    EXPECT_EQ(audioDirection("bob"), "sendonly");
    auto self = mute(*bob_, r_ + "/bob", "false");
    EXPECT_EQ(self.attr("type"), "result") << self.toString();
    EXPECT_EQ(audioDirection("bob"), "sendrecv");
}

TEST_F(MuteOverProsody, ASpoofedFromIsOverwrittenByProsody) {
    // bob claims to be alice: Prosody stamps his own occupant JID, so he is still a guest to the focus.
    protocol::MuteIq m;
    m.jid = *util::Jid::parse(r_ + "/carol");
    m.mute = true;
    auto iq = protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(r_ + "/focus"), m.toElement());
    iq.from = *util::Jid::parse(r_ + "/alice");
    EXPECT_EQ(errorOf(bob_->xmpp().request(iq)), "not-allowed");
    EXPECT_EQ(audioDirection("carol"), "sendrecv");
}

TEST_F(MuteOverProsody, AMuteForARoomTheSenderIsNotInIsRefused) {
    MeetClient mallory(prosody());
    // Through the room: Prosody does not route IQs of non-occupants to occupants.
    EXPECT_EQ(mute(mallory, r_ + "/bob", "true").attr("type"), "error");
    // Straight to the focus's real JID (visible to all: the room is non-anonymous): he is in no room of the
    // focus, whatever jid he names.
    auto focusPresence = alice_->waitPresence(
        r_ + "/focus", [](const protocol::MucPresence& p) { return !p.realJid.empty(); });
    ASSERT_TRUE(focusPresence);
    auto direct = mute(mallory, r_ + "/bob", "true", focusPresence->realJid.str());
    EXPECT_EQ(errorOf(direct), "forbidden") << direct.toString();
    EXPECT_EQ(audioDirection("bob"), "sendrecv");
    EXPECT_FALSE(forwardedTo(*bob_, util::Duration(500)));
}

TEST_F(MuteOverProsody, AMalformedMuteIsABadRequest) {
    xml::Element noJid("mute", protocol::ns::kAudioMute);
    noJid.setText("true");
    auto reply = alice_->xmpp().request(
        protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(r_ + "/focus"), noJid));
    EXPECT_EQ(errorOf(reply), "bad-request");
}
