// Hostile input from participants through a real Prosody (issue 9): the focus binary, the bridge simulator
// and 2015 participants as real XMPP clients. A foreign-namespaced `x:from` beside the real `from` never
// lends anyone else's authority; a stanza over a parser limit costs that stanza (an error answer), never the
// focus's stream, its rooms or other conferences.
#include <algorithm>
#include <cctype>

#include "integration/FocusHarness.h"
#include "protocol/focus/MuteIq.h"
#include "protocol/jingle/MediaSources.h"
#include "support/BridgeSimProcess.h"
#include "support/MediaClient.h"
#include "support/RawStanza.h"
#include "support/SessionAccept.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::jingle::JingleAction;

namespace {

std::string errorOf(const xml::Element& reply) {
    if (reply.attr("type") != "error") return "(no error: " + reply.toString().substr(0, 300) + ")";
    auto iq = protocol::Iq::parse(reply);
    return iq && iq->error ? iq->error->condition : "?";
}

// Sends raw XML as c and waits for the answer to id; nullopt when none comes.
std::optional<xml::Element> rawRequest(MeetClient& c, const std::string& xml, const std::string& id,
                                       util::Duration timeout = util::Duration(5000)) {
    // Prosody's own expat (Debian's, with reparse deferral) holds a large start tag back until about as many
    // bytes again arrive; a real client's later traffic does that, whitespace keep-alives here.
    c.xmpp().sendRaw(xml + std::string(xml.size() > 4096 ? xml.size() : 0, ' '));
    return c.xmpp().waitFor(TestEndpoint::iqResponse(id), timeout);
}

std::string spoof(const std::string& claimed) {
    return " xmlns:x='urn:example:spoof' x:from='" + claimed + "'";
}

// The owner the focus gave ssrc in a source-add relayed to c, or "" when none came.
std::string relayedOwner(MediaClient& c, uint32_t ssrc) {
    for (;;) {
        auto add = c.waitJingle(JingleAction::SourceAdd, util::Duration(5000));
        if (!add) return "";
        auto sources = protocol::jingle::MediaSources::fromContents(add->contents, {});
        if (const auto* s = sources.findSource(ssrc)) return s->ssrcInfo ? s->ssrcInfo->owner : "(no owner)";
    }
}

class HostileParticipants : public FocusTest {
  protected:
    void SetUp() override {
        bridge_ = std::make_unique<BridgeSimProcess>(prosody());
        ASSERT_TRUE(bridge_->waitReady()) << bridge_->log();
        startFocus();
        r_ = room("hostile");
        // Prosody and the focus name the room in lower case.
        std::transform(r_.begin(), r_.end(), r_.begin(), [](unsigned char c) { return std::tolower(c); });
        alice_ = participant("alice");
        ASSERT_TRUE(alice_->waitPresence(r_ + "/alice", [](const protocol::MucPresence& p) {
            return p.role == protocol::MucRole::Moderator;
        })) << focus().log();
        bob_ = participant("bob");
        carol_ = participant("carol");
        for (auto* c : {alice_.get(), bob_.get(), carol_.get()}) {
            auto offer = c->waitJingle(JingleAction::SessionInitiate);
            ASSERT_TRUE(offer) << focus().log();
            offers_.push_back(*offer);
        }
        // alice has a session, so what others add is relayed to her at once.
        ASSERT_EQ(alice_->accept(offers_[0], 1001, 1002).attr("type"), "result") << focus().log();
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
    std::string audioDirection(const std::string& nick) {
        for (const auto& conf : bridge_->listing(alice_->xmpp()).conferences)
            for (const auto* ch : conf.channelsOf(nick))
                if (ch->content == "audio") return ch->direction;
        return "(no channel)";
    }
    // The focus is still in the room, on the same stream, and serves this conference and new ones.
    void expectFocusUnharmed() {
        EXPECT_EQ(focus().log().find("connection to"), std::string::npos) << "a stream was lost\n"
                                                                          << focus().log();
        ASSERT_EQ(carol_->accept(offers_[2], 7001, 7002).attr("type"), "result") << focus().log();
        EXPECT_EQ(relayedOwner(*alice_, 7002), r_ + "/carol") << "the conference goes on\n" << focus().log();
        MeetClient fresh(prosody());
        auto reply = fresh.requestConference(room("after"));
        EXPECT_EQ(reply.attr("type"), "result") << reply.toString() << focus().log();
    }

    std::unique_ptr<BridgeSimProcess> bridge_;
    std::string r_;
    std::unique_ptr<MediaClient> alice_, bob_, carol_;
    std::vector<protocol::jingle::Jingle> offers_;  // alice's, bob's, carol's
};

}  // namespace

TEST_F(HostileParticipants, AMuteWithASpoofedNamespacedFromIsJudgedAsTheRealSenders) {
    protocol::MuteIq m;
    m.jid = *util::Jid::parse(r_ + "/carol");
    m.mute = true;
    for (int i = 0; i < 12; ++i) {
        auto iq =
            protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(r_ + "/focus"), m.toElement());
        auto reply =
            rawRequest(*bob_, withStartTagAttributes(iq.toElement(), spoof(r_ + "/alice"), i % 2), iq.id);
        ASSERT_TRUE(reply) << "try " << i << "\n" << focus().log();
        EXPECT_EQ(errorOf(*reply), "not-allowed") << "try " << i;
    }
    EXPECT_EQ(audioDirection("carol"), "sendrecv");
}

TEST_F(HostileParticipants, ASessionAcceptWithASpoofedFromIsTheRealSenders) {
    auto iq = protocol::Iq::request(protocol::IqType::Set, bob_->focusJid(),
                                    sessionAcceptFor(offers_[1], 5001, 5002, bob_->jid().str()).toElement());
    auto reply = rawRequest(*bob_, withStartTagAttributes(iq.toElement(), spoof(r_ + "/carol"), true), iq.id);
    ASSERT_TRUE(reply) << focus().log();
    EXPECT_EQ(reply->attr("type"), "result") << reply->toString();
    EXPECT_EQ(relayedOwner(*alice_, 5002), r_ + "/bob") << focus().log();
}

TEST_F(HostileParticipants, ASourceAddWithASpoofedFromIsTheRealSenders) {
    ASSERT_EQ(bob_->accept(offers_[1], 5001, 5002).attr("type"), "result");
    ASSERT_EQ(relayedOwner(*alice_, 5002), r_ + "/bob");
    for (uint32_t i = 0; i < 6; ++i) {
        protocol::jingle::MediaSources set;
        set.at("video").sources.push_back(protocol::jingle::Source::make(6000 + i));
        auto iq = protocol::Iq::request(protocol::IqType::Set, bob_->focusJid(),
                                        set.toJingle(JingleAction::SourceAdd, offers_[1].sid).toElement());
        auto reply =
            rawRequest(*bob_, withStartTagAttributes(iq.toElement(), spoof(r_ + "/carol"), i % 2), iq.id);
        ASSERT_TRUE(reply) << focus().log();
        EXPECT_EQ(reply->attr("type"), "result") << "try " << i << ": " << reply->toString();
        EXPECT_EQ(relayedOwner(*alice_, 6000 + i), r_ + "/bob") << "try " << i;
    }
}

// Each hostile Jingle IQ gets an answer; the focus keeps its stream, its room and its conferences.
TEST_F(HostileParticipants, OversizedJingleIqsAreAnsweredAndCostNothingElse) {
    struct Case {
        std::string name, inner, condition;  // condition "" = any answer
    };
    std::string children, sources;
    for (int i = 0; i < 4000; ++i) children += "<c/>";
    for (int i = 0; i < 1200; ++i)
        sources +=
            "<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='" + std::to_string(100000 + i) + "'/>";
    std::string attributes = "<a xmlns='urn:attrs'";
    for (int i = 0; i < 2000; ++i) attributes += " a" + std::to_string(i) + "='v'";
    attributes += "/>";
    std::vector<Case> cases = {
        {"nesting 40", nested(40), "policy-violation"},
        {"nesting 120", nested(120), "policy-violation"},
        {"nesting 600", nested(600), "policy-violation"},
        {"200 kB of text", "<t xmlns='urn:text'>" + std::string(200 * 1000, 'x') + "</t>", ""},
        {"4000 children", "<many xmlns='urn:many'>" + children + "</many>", "policy-violation"},
        {"2000 attributes", attributes, "policy-violation"},
        {"1200 sources",
         "<content name='video'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='video'>" + sources +
             "</description></content>",
         "bad-request"},
    };
    for (const auto& c : cases) {
        protocol::jingle::MediaSources none;
        auto iq = protocol::Iq::request(protocol::IqType::Set, bob_->focusJid(),
                                        none.toJingle(JingleAction::SourceAdd, offers_[1].sid).toElement());
        auto reply =
            rawRequest(*bob_, withPayloadContent(iq.toElement(), c.inner), iq.id, util::Duration(10000));
        ASSERT_TRUE(reply) << c.name << ": no answer"
                           << (bob_->xmpp().closed() ? "; bob's stream closed: " + bob_->xmpp().closeReason() : "")
                           << "\n"
                           << focus().log() << prosody().logTail();
        if (!c.condition.empty()) {
            EXPECT_EQ(errorOf(*reply), c.condition) << c.name;
        }
    }
    expectFocusUnharmed();
}

// The component stream too: a nested conference IQ is refused, the next one served.
TEST_F(HostileParticipants, ANestedConferenceIqIsRefusedOnTheComponentStream) {
    protocol::ConferenceIq conf;
    conf.room = room("nested");
    auto iq = protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(prosody().focusComponent()),
                                    conf.toElement());
    MeetClient guest(prosody());
    auto reply = rawRequest(guest, withPayloadContent(iq.toElement(), nested(40)), iq.id);
    ASSERT_TRUE(reply) << focus().log();
    EXPECT_EQ(errorOf(*reply), "policy-violation");
    expectFocusUnharmed();
}

namespace {

class SecureDomainSpoofing : public FocusTest {
  protected:
    static void SetUpTestSuite() {
        ProsodyFixture::Options o;
        o.secureDomain = true;
        prosody_ = new ProsodyFixture(o);
        prosody_->registerUser("alice", prosody_->domain(), "alice-pw");
    }
};

}  // namespace

TEST_F(SecureDomainSpoofing, AnAnonymousGuestNamingAnAccountInXFromCannotCreateARoom) {
    startFocus({"-Dorg.jitsi.jicofo.auth.URL=XMPP:" + prosody().domain()});
    MeetClient guest(prosody());
    for (int i = 0; i < 10; ++i) {
        protocol::ConferenceIq conf;
        conf.room = room("spoof" + std::to_string(i));
        conf.machineUid = "7d5e0f1c2b3a";
        auto iq = protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(prosody().focusComponent()),
                                        conf.toElement());
        auto reply = rawRequest(
            guest, withStartTagAttributes(iq.toElement(), spoof("alice@" + prosody().domain() + "/x"), i % 2),
            iq.id, util::Duration(10000));
        ASSERT_TRUE(reply) << focus().log();
        EXPECT_EQ(errorOf(*reply), "not-authorized") << "try " << i << ": " << reply->toString();
        EXPECT_EQ(reply->toString().find("session-id"), std::string::npos) << "no session was made";
    }
}
