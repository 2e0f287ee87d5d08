// Mute (docs/protocol.md §6.1) through the real FocusManager, Conference, MediaSessions and ColibriAllocator
// against a scripted bridge: who may mute whom, the Colibri update, the answer and the forwarded IQ.
#include "logic/media/MediaHarness.h"
#include "protocol/colibri/ColibriConference.h"
#include "protocol/focus/MuteIq.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::Iq;

namespace {

const std::string kRoomJid = MediaHarness::kRoom;
const std::string kBridge = "jvb1.example.com";

// alice (owner), bob and carol (plain participants) in a room with media: everybody has channels.
struct MuteRoom : MediaHarness {
    MuteRoom() {
        clientRouter.registerHandler<protocol::MuteIq>(
            protocol::IqType::Set, "mute", protocol::ns::kAudioMute,
            [this](const Iq& iq, const protocol::MuteIq& m) { return manager.handleMute(iq, m); });
        createConference();
        presence("alice", "alice@example.com/web", "owner");
        pump();
        join("bob");
        join("carol");
        colibriTo(kBridge);  // forget the allocations
    }

    // A mute IQ from `from` (an occupant JID or anything else) to the focus. The Colibri update it causes is
    // answered (with an error when bridgeFails); returns the focus's answer to the requester.
    Iq mute(const std::string& from, const std::string& target, const std::string& text,
            bool bridgeFails = false) {
        xml::Element m("mute", protocol::ns::kAudioMute);
        if (!target.empty()) m.setAttr("jid", target);
        if (!text.empty()) m.setText(text);
        Iq iq = Iq::request(protocol::IqType::Set, client.localJid(), m);
        iq.from = jid(from);
        clientRouter.handle(iq.toElement());
        loop.runPending();
        answerColibri(bridgeFails);
        for (auto it = client.sent().begin(); it != client.sent().end(); ++it) {
            if (it->name() == "iq" && it->attr("id") == iq.id) {
                Iq reply = Iq::parse(*it).value();
                client.sent().erase(it);
                return reply;
            }
        }
        ADD_FAILURE() << "no answer to the mute request";
        return iq;
    }
    void answerColibri(bool fail) {
        std::vector<xml::Element> keep;
        for (auto& e : client.sent()) {
            auto iq = Iq::parse(e);
            if (iq && iq->type == protocol::IqType::Set && iq->to.str() == kBridge) {
                updates.push_back(protocol::colibri::ColibriConference::parse(*iq->payload).value());
                Iq r = fail ? iq->errorReply(protocol::StanzaError::of("bad-request")) : iq->result();
                r.from = iq->to;
                r.to = client.localJid();
                pendingReplies.push_back(r);
                continue;
            }
            keep.push_back(e);
        }
        client.sent() = keep;
        for (auto& r : pendingReplies) clientRouter.handle(r.toElement());
        pendingReplies.clear();
        loop.runPending();
    }
    // The forwarded mute IQs the focus sent (consumed).
    std::vector<Iq> forwarded() {
        std::vector<Iq> out;
        while (auto e = client.take("iq", "mute", protocol::ns::kAudioMute))
            out.push_back(Iq::parse(*e).value());
        return out;
    }
    // The direction the last Colibri update gave the audio channel ("" = sendrecv).
    std::optional<std::string> lastAudioDirection() {
        if (updates.empty()) return std::nullopt;
        const auto* audio = updates.back().content("audio");
        if (!audio || audio->channels.empty()) return std::nullopt;
        return audio->channels[0].direction;
    }
    std::string occupant(const std::string& nick) { return kRoomJid + "/" + nick; }

    std::vector<protocol::colibri::ColibriConference> updates;
    std::vector<Iq> pendingReplies;
};

std::string conditionOf(const Iq& iq) {
    return iq.type == protocol::IqType::Error && iq.error ? iq.error->condition : "(no error)";
}

}  // namespace

TEST(Mute, ModeratorMutesAnotherOnTheBridgeThenTheTargetHearsIt) {
    MuteRoom h;
    Iq reply = h.mute(h.occupant("alice"), h.occupant("bob"), "true");
    EXPECT_EQ(reply.type, protocol::IqType::Result);
    EXPECT_FALSE(reply.payload) << "an empty result";
    EXPECT_EQ(reply.to.str(), h.occupant("alice"));
    ASSERT_EQ(h.updates.size(), 1u);
    const auto* audio = h.updates[0].content("audio");
    ASSERT_TRUE(audio);
    ASSERT_EQ(audio->channels.size(), 1u);
    EXPECT_EQ(audio->channels[0].direction, "sendonly");
    EXPECT_FALSE(h.updates[0].content("video")) << "only audio is muted";
    // bob's audio channel, no one else's.
    std::string bobAudio;
    for (const auto& c :
         h.manager.find(jid(kRoomJid))->media()->participant("bob")->allocation->channels.contents)
        if (c.name == "audio" && !c.channels.empty()) bobAudio = c.channels[0].id;
    EXPECT_EQ(audio->channels[0].id, bobAudio);
    auto fwd = h.forwarded();
    ASSERT_EQ(fwd.size(), 1u);
    EXPECT_EQ(fwd[0].to.str(), h.occupant("bob"));
    EXPECT_EQ(fwd[0].type, protocol::IqType::Set);
    auto forwardedMute = protocol::MuteIq::parse(*fwd[0].payload).value();
    EXPECT_FALSE(forwardedMute.jid) << "the forwarded IQ has no jid attribute";
    EXPECT_EQ(forwardedMute.mute, true);
}

TEST(Mute, GuestMutingAnotherIsNotAllowed) {
    MuteRoom h;
    Iq reply = h.mute(h.occupant("bob"), h.occupant("carol"), "true");
    EXPECT_EQ(conditionOf(reply), "not-allowed");
    EXPECT_TRUE(h.updates.empty()) << "nothing reaches the bridge";
    EXPECT_TRUE(h.forwarded().empty());
}

TEST(Mute, UnmutingSomeoneElseIsNotAllowedEvenForTheOwner) {
    MuteRoom h;
    EXPECT_EQ(conditionOf(h.mute(h.occupant("alice"), h.occupant("bob"), "false")), "not-allowed");
    EXPECT_EQ(conditionOf(h.mute(h.occupant("alice"), h.occupant("bob"), "whatever")), "not-allowed")
        << "any text but true means unmute";
    EXPECT_TRUE(h.updates.empty());
    EXPECT_TRUE(h.forwarded().empty());
}

TEST(Mute, EveryoneMayMuteAndUnmuteItself) {
    MuteRoom h;
    EXPECT_EQ(h.mute(h.occupant("bob"), h.occupant("bob"), "TRUE").type, protocol::IqType::Result);
    EXPECT_EQ(h.lastAudioDirection(), "sendonly");
    EXPECT_EQ(h.mute(h.occupant("bob"), h.occupant("bob"), "false").type, protocol::IqType::Result);
    EXPECT_EQ(h.lastAudioDirection(), "") << "unmute: no direction, i.e. sendrecv";
    EXPECT_TRUE(h.forwarded().empty()) << "nothing is forwarded to oneself";
}

TEST(Mute, MalformedRequestsAreBadRequest) {
    MuteRoom h;
    EXPECT_EQ(conditionOf(h.mute(h.occupant("alice"), "", "true")), "bad-request") << "no jid";
    EXPECT_EQ(conditionOf(h.mute(h.occupant("alice"), h.occupant("bob"), "")), "bad-request") << "no text";
    EXPECT_TRUE(h.updates.empty());
}

TEST(Mute, RequestsFromOutsideTheRoomAreForbidden) {
    MuteRoom h;
    // A real JID writing to the focus's full JID directly, and an occupant of a room the focus is not in.
    EXPECT_EQ(conditionOf(h.mute("mallory@example.com/x", h.occupant("bob"), "true")), "forbidden");
    EXPECT_EQ(conditionOf(h.mute("other@conference.example.com/alice", h.occupant("bob"), "true")),
              "forbidden");
    // Someone claiming alice's nick in our room while not being an occupant: the room has no such nick.
    EXPECT_EQ(conditionOf(h.mute(h.occupant("ghost"), h.occupant("bob"), "true")), "forbidden");
    EXPECT_TRUE(h.updates.empty());
    EXPECT_TRUE(h.forwarded().empty());
}

TEST(Mute, TheTargetMustBeAParticipantOfThisRoom) {
    MuteRoom h;
    EXPECT_EQ(conditionOf(h.mute(h.occupant("alice"), h.occupant("nobody"), "true")), "item-not-found");
    EXPECT_EQ(conditionOf(h.mute(h.occupant("alice"), "other@conference.example.com/bob", "true")),
              "item-not-found");
    EXPECT_TRUE(h.updates.empty());
}

TEST(Mute, AnOccupantWithoutAParticipantRecordMayNotMute) {
    MediaHarness h;
    h.clientRouter.registerHandler<protocol::MuteIq>(
        protocol::IqType::Set, "mute", protocol::ns::kAudioMute,
        [&h](const Iq& iq, const protocol::MuteIq& m) { return h.manager.handleMute(iq, m); });
    h.createConference();
    h.presence("alice", "alice@example.com/web", "owner");  // alone: media has not started
    h.pump();
    xml::Element m("mute", protocol::ns::kAudioMute);
    m.setAttr("jid", kRoomJid + "/alice");
    m.setText("true");
    Iq iq = Iq::request(protocol::IqType::Set, h.client.localJid(), m);
    iq.from = jid(kRoomJid + "/alice");
    h.clientRouter.handle(iq.toElement());
    h.loop.runPending();
    auto e = h.client.take("iq");
    ASSERT_TRUE(e);
    EXPECT_EQ(conditionOf(Iq::parse(*e).value()), "forbidden");
}

TEST(Mute, ABridgeErrorIsAnInternalServerErrorAndNothingIsForwarded) {
    MuteRoom h;
    Iq reply = h.mute(h.occupant("alice"), h.occupant("bob"), "true", /*bridgeFails=*/true);
    EXPECT_EQ(conditionOf(reply), "internal-server-error");
    EXPECT_EQ(reply.error->type, "wait");
    EXPECT_TRUE(h.forwarded().empty());
}
