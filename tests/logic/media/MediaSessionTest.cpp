// Media logic (docs/media.md §2–§5) against a scripted bridge and scripted clients.
#include "logic/media/MediaHarness.h"
#include "protocol/jingle/JingleNamespaces.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::jingle::Jingle;
using protocol::jingle::JingleAction;

namespace {

std::optional<Jingle> lastOf(const std::vector<Jingle>& v, JingleAction a) {
    for (auto it = v.rbegin(); it != v.rend(); ++it)
        if (it->action == a) return *it;
    return std::nullopt;
}

std::vector<uint32_t> ssrcsIn(const Jingle& j, const std::string& media) {
    std::vector<uint32_t> out;
    for (const auto& c : j.contents)
        if (c.description && (c.name == media || c.description->media == media))
            for (const auto& s : c.description->sources) out.push_back(s.ssrc.value_or(0));
    return out;
}

std::string ownerOf(const Jingle& j, uint32_t ssrc) {
    for (const auto& c : j.contents)
        if (c.description)
            for (const auto& s : c.description->sources)
                if (s.ssrc == ssrc && s.ssrcInfo) return s.ssrcInfo->owner;
    return {};
}

struct TwoInRoom : MediaHarness {
    Jingle aliceOffer, bobOffer;
    TwoInRoom() {
        createConference();
        join("alice");
        join("bob");
        aliceOffer = *lastOf(jingleTo("alice"), JingleAction::SessionInitiate);
        bobOffer = *lastOf(jingleTo("bob"), JingleAction::SessionInitiate);
    }
};

}  // namespace

TEST(Media, OneParticipantGetsNoOfferTheSecondStartsMediaForBoth) {
    MediaHarness h;
    h.createConference();
    h.join("alice");
    EXPECT_TRUE(h.jingleTo("alice").empty());
    EXPECT_TRUE(h.colibriTo("jvb1.example.com").empty());
    h.join("bob");
    auto a = h.jingleTo("alice"), b = h.jingleTo("bob");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(a[0].action, JingleAction::SessionInitiate);
    EXPECT_EQ(a[0].initiator, "focus@auth.example.com/focus1");
    EXPECT_NE(a[0].sid, b[0].sid);
    EXPECT_EQ(a[0].contentNames(), (std::vector<std::string>{"audio", "video", "data"}));
    // The bridge's transport is in the offer.
    ASSERT_TRUE(a[0].contents[0].transport);
    EXPECT_EQ(a[0].contents[0].transport->ufrag, "b4mcr1a0nf3v0q");
    EXPECT_EQ(h.bridges.at("jvb1.example.com").liveChannels(), 6u) << "3 channels each";
}

TEST(Media, OpenSctpFalseOffersNoData) {
    MediaHarness h;
    h.createConference({{"openSctp", "false"}});
    h.join("alice");
    h.join("bob");
    auto a = h.jingleTo("alice");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].contentNames(), (std::vector<std::string>{"audio", "video"}));
}

TEST(Media, AcceptUpdatesTheBridgeThenRelaysSourcesAndFlushesQueues) {
    TwoInRoom h;
    h.colibriTo("jvb1.example.com");
    auto ack = h.fromParticipant("alice", MediaHarness::accept(h.aliceOffer, 1111, 2222));
    EXPECT_EQ(ack.type, protocol::IqType::Result)
        << (ack.error ? ack.error->condition + ": " + ack.error->text : "");
    auto updates = h.colibriTo("jvb1.example.com");
    // One IQ with the sources, the transport and the payload types (2015 sent three, issue 10 §5).
    ASSERT_EQ(updates.size(), 1u) << "one merged update to the bridge";
    const auto* audio = updates[0].content("audio");
    ASSERT_TRUE(audio && !audio->channels.empty());
    ASSERT_FALSE(audio->channels[0].sources.empty());
    EXPECT_EQ(audio->channels[0].sources[0].ssrc, 1111u);
    EXPECT_FALSE(audio->channels[0].payloadTypes.empty()) << "the answer's payload types";
    bool transport = audio->channels[0].transport.has_value();
    for (const auto& b : updates[0].channelBundles) transport = transport || b.transport.has_value();
    EXPECT_TRUE(transport) << "the answer's transport";
    // Bob has no session yet: alice's sources are queued for him.
    EXPECT_TRUE(h.jingleTo("bob").empty());
    h.fromParticipant("bob", MediaHarness::accept(h.bobOffer, 3333, 4444));
    auto toBob = h.jingleTo("bob");
    auto add = lastOf(toBob, JingleAction::SourceAdd);
    ASSERT_TRUE(add) << "bob's queue flushed after his accept";
    EXPECT_EQ(ssrcsIn(*add, "audio"), std::vector<uint32_t>{1111});
    EXPECT_EQ(ownerOf(*add, 1111), std::string(MediaHarness::kRoom) + "/alice");
    auto toAlice = h.jingleTo("alice");
    auto addA = lastOf(toAlice, JingleAction::SourceAdd);
    ASSERT_TRUE(addA);
    EXPECT_EQ(ssrcsIn(*addA, "video"), std::vector<uint32_t>{4444});
    EXPECT_EQ(addA->sid, h.aliceOffer.sid);
}

TEST(Media, LateJoinerOfferCarriesEveryoneSources) {
    TwoInRoom h;
    h.fromParticipant("alice", MediaHarness::accept(h.aliceOffer, 1111, 2222));
    h.fromParticipant("bob", MediaHarness::accept(h.bobOffer, 3333, 4444));
    h.join("carol");
    auto offer = lastOf(h.jingleTo("carol"), JingleAction::SessionInitiate);
    ASSERT_TRUE(offer);
    auto audio = ssrcsIn(*offer, "audio");
    EXPECT_NE(std::find(audio.begin(), audio.end(), 1111u), audio.end());
    EXPECT_NE(std::find(audio.begin(), audio.end(), 3333u), audio.end());
    EXPECT_EQ(ownerOf(*offer, 3333), std::string(MediaHarness::kRoom) + "/bob");
}

TEST(Media, SourceAddAndRemoveAreRelayedToOthers) {
    TwoInRoom h;
    h.fromParticipant("alice", MediaHarness::accept(h.aliceOffer, 1111, 2222));
    h.fromParticipant("bob", MediaHarness::accept(h.bobOffer, 3333, 4444));
    h.jingleTo("alice");
    h.colibriTo("jvb1.example.com");
    auto r = h.fromParticipant(
        "bob", MediaHarness::sources(JingleAction::SourceAdd, h.bobOffer.sid, "video", {5555}));
    EXPECT_EQ(r.type, protocol::IqType::Result);
    EXPECT_EQ(h.colibriTo("jvb1.example.com").size(), 1u) << "bob's whole set to the bridge";
    auto add = lastOf(h.jingleTo("alice"), JingleAction::SourceAdd);
    ASSERT_TRUE(add);
    EXPECT_EQ(ssrcsIn(*add, "video"), std::vector<uint32_t>{5555}) << "only the new one";
    h.fromParticipant("bob",
                      MediaHarness::sources(JingleAction::SourceRemove, h.bobOffer.sid, "video", {5555}));
    auto rm = lastOf(h.jingleTo("alice"), JingleAction::SourceRemove);
    ASSERT_TRUE(rm);
    EXPECT_EQ(ssrcsIn(*rm, "video"), std::vector<uint32_t>{5555});
}

TEST(Media, HostileClaimsAreRefusedAndChangeNothing) {
    TwoInRoom h;
    h.fromParticipant("alice", MediaHarness::accept(h.aliceOffer, 1111, 2222));
    h.fromParticipant("bob", MediaHarness::accept(h.bobOffer, 3333, 4444));
    h.jingleTo("alice");
    // Bob claims alice's SSRC.
    auto stolen = h.fromParticipant(
        "bob", MediaHarness::sources(JingleAction::SourceAdd, h.bobOffer.sid, "audio", {1111}));
    EXPECT_EQ(stolen.type, protocol::IqType::Error);
    EXPECT_EQ(stolen.error->condition, "bad-request");
    // Bob claims the bridge's own SSRC from his offer.
    uint32_t bridgeSsrc = h.bobOffer.contents[0].description->sources.front().ssrc.value_or(0);
    auto bridgeOwned = h.fromParticipant(
        "bob", MediaHarness::sources(JingleAction::SourceAdd, h.bobOffer.sid, "audio", {bridgeSsrc}));
    EXPECT_EQ(bridgeOwned.type, protocol::IqType::Error);
    // A flood beyond the per-participant limit.
    std::vector<uint32_t> many;
    for (uint32_t i = 0; i < 100; ++i) many.push_back(900000 + i);
    auto flood = h.fromParticipant(
        "bob", MediaHarness::sources(JingleAction::SourceAdd, h.bobOffer.sid, "video", many));
    EXPECT_EQ(flood.type, protocol::IqType::Error);
    EXPECT_TRUE(h.jingleTo("alice").empty()) << "nothing relayed";
    EXPECT_EQ(h.manager.find(jid(MediaHarness::kRoom))->media()->sources().ownerOf(1111),
              std::string(MediaHarness::kRoom) + "/alice");
    // Removing what alice owns from bob's side does nothing.
    h.fromParticipant("bob",
                      MediaHarness::sources(JingleAction::SourceRemove, h.bobOffer.sid, "audio", {1111}));
    EXPECT_TRUE(h.jingleTo("alice").empty());
}

// Found by fuzzing: a source with a second ssrc-info naming alice kept it as an unknown child; the focus set
// the owner of the first one only, so alice's peers were told the stream was hers.
TEST(Media, SecondSsrcInfoIsRefusedNotRelayed) {
    TwoInRoom h;
    h.fromParticipant("alice", MediaHarness::accept(h.aliceOffer, 1111, 2222));
    h.fromParticipant("bob", MediaHarness::accept(h.bobOffer, 3333, 4444));
    h.jingleTo("alice");
    Jingle add = MediaHarness::sources(JingleAction::SourceAdd, h.bobOffer.sid, "video", {5555});
    auto& source = add.contents.front().description->sources.front();
    source.setOwner(std::string(MediaHarness::kRoom) + "/bob");
    xml::Element second("ssrc-info", protocol::jingle::ns::kJitMeet);
    second.setAttr("owner", std::string(MediaHarness::kRoom) + "/alice");
    source.extraChildren.push_back(second);
    source.order.saw(protocol::jingle::kExtraKind);
    auto r = h.fromParticipant("bob", add);
    EXPECT_EQ(r.type, protocol::IqType::Error);
    EXPECT_EQ(r.error->condition, "bad-request");
    EXPECT_TRUE(h.jingleTo("alice").empty()) << "nothing relayed";
    EXPECT_FALSE(h.manager.find(jid(MediaHarness::kRoom))->media()->sources().ownerOf(5555));
}

TEST(Media, WrongSidOrStrangerGetsUnknownSession) {
    TwoInRoom h;
    auto wrong =
        h.fromParticipant("alice", MediaHarness::sources(JingleAction::SourceAdd, "nope", "audio", {1}));
    EXPECT_EQ(wrong.error->condition, "item-not-found");
    ASSERT_TRUE(wrong.error->appSpecific);
    EXPECT_EQ(wrong.error->appSpecific->name(), "unknown-session");
    // Bob using alice's sid.
    auto spoof = h.fromParticipant(
        "bob", MediaHarness::sources(JingleAction::SourceAdd, h.aliceOffer.sid, "audio", {7}));
    EXPECT_EQ(spoof.error->condition, "item-not-found");
}

TEST(Media, LeaveTerminatesRemovesSourcesAndExpiresChannels) {
    TwoInRoom h;
    h.fromParticipant("alice", MediaHarness::accept(h.aliceOffer, 1111, 2222));
    h.fromParticipant("bob", MediaHarness::accept(h.bobOffer, 3333, 4444));
    h.join("carol");
    h.jingleTo("alice");
    h.jingleTo("bob");
    EXPECT_EQ(h.bridges.at("jvb1.example.com").liveChannels(), 9u);
    h.leave("bob");
    auto term = lastOf(h.jingleTo("bob"), JingleAction::SessionTerminate);
    ASSERT_TRUE(term);
    EXPECT_EQ(term->reason->condition, "gone");
    auto rm = lastOf(h.jingleTo("alice"), JingleAction::SourceRemove);
    ASSERT_TRUE(rm);
    EXPECT_EQ(ssrcsIn(*rm, "audio"), std::vector<uint32_t>{3333});
    EXPECT_EQ(h.bridges.at("jvb1.example.com").liveChannels(), 6u);
}

TEST(Media, ConferenceEndLeavesNoChannel) {
    TwoInRoom h;
    h.fromParticipant("alice", MediaHarness::accept(h.aliceOffer, 1111, 2222));
    h.leave("alice");
    h.leave("bob");
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    EXPECT_EQ(h.bridges.at("jvb1.example.com").liveChannels(), 0u);
}

TEST(Media, LeavingMidAllocationLeaksNothing) {
    TwoInRoom h;
    h.silent.insert("jvb1.example.com");
    h.join("carol");  // allocation for carol sent, unanswered
    h.leave("carol");
    EXPECT_EQ(h.bridges.at("jvb1.example.com").liveChannels(), 6u);
    h.silent.clear();
    // The bridge answers late: the allocator expires what it got.
    auto reqs = h.colibriTo("jvb1.example.com");
    h.loop.advance(std::chrono::seconds(25));
    h.pump();
    EXPECT_EQ(h.bridges.at("jvb1.example.com").liveChannels(), 6u);
    EXPECT_TRUE(h.jingleTo("carol").empty());
}

TEST(Media, UnacknowledgedOfferExpiresTheChannels) {
    MediaHarness h;
    h.ackOffers = false;
    h.createConference();
    h.join("alice");
    h.join("bob");
    EXPECT_EQ(h.bridges.at("jvb1.example.com").liveChannels(), 6u);
    h.loop.advance(std::chrono::seconds(21));
    h.pump();
    EXPECT_EQ(h.bridges.at("jvb1.example.com").liveChannels(), 0u);
    EXPECT_EQ(h.manager.conferenceCount(), 1u) << "they stay in the conference";
}

TEST(Media, NoBridgePublishesBridgeIsDownAndRetriesWhenOneComesUp) {
    MediaHarness h;
    h.refusing.insert("jvb1.example.com");
    h.createConference();
    h.join("alice");
    h.join("bob");
    EXPECT_TRUE(h.jingleTo("alice").empty());
    bool down = false;
    for (const auto& p : h.presencesSent)
        if (p.child("bridgeIsDown", "")) down = true;
    EXPECT_TRUE(down) << "bridgeIsDown presence";
    h.refusing.clear();
    h.loop.advance(std::chrono::seconds(6));  // the retry timer
    h.pump();
    EXPECT_TRUE(lastOf(h.jingleTo("alice"), JingleAction::SessionInitiate))
        << "offered once the bridge works";
    EXPECT_TRUE(lastOf(h.jingleTo("bob"), JingleAction::SessionInitiate));
    bool cleared = false;
    for (const auto& p : h.presencesSent)
        if (!p.child("bridgeIsDown", "") && p.child("etherpad", protocol::ns::kEtherpad)) cleared = true;
    EXPECT_TRUE(cleared) << "bridgeIsDown removed from the focus's presence";
}

TEST(Media, FailedBridgeMovesParticipantsToAnother) {
    MediaHarness h({"jvb1.example.com", "jvb2.example.com"});
    h.createConference({{"bridge", "jvb1.example.com"}});
    h.join("alice");
    h.join("bob");
    auto a = h.jingleTo("alice");
    ASSERT_EQ(a.size(), 1u);
    std::string first =
        h.bridges.at("jvb1.example.com").liveChannels() ? "jvb1.example.com" : "jvb2.example.com";
    std::string other = first == "jvb1.example.com" ? "jvb2.example.com" : "jvb1.example.com";
    h.fromParticipant("alice", MediaHarness::accept(a[0], 1111, 2222));
    // The bridge refuses the next allocation: the room gives it up and everyone moves.
    h.refusing.insert(first);
    h.join("carol");
    auto toAlice = h.jingleTo("alice");
    EXPECT_TRUE(lastOf(toAlice, JingleAction::SessionTerminate)) << "old session ended";
    auto again = lastOf(toAlice, JingleAction::SessionInitiate);
    ASSERT_TRUE(again) << "new offer on the other bridge";
    EXPECT_EQ(h.bridges.at(other).liveChannels(), 9u);
    EXPECT_EQ(h.manager.conferenceCount(), 1u) << "the conference lives on";
}

TEST(Media, StartAudioMutedAppliesToLaterJoiners) {
    MediaHarness h;
    h.createConference({{"startAudioMuted", "1"}});
    h.join("alice");
    h.join("bob");
    auto a = h.jingleTo("alice"), b = h.jingleTo("bob");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_FALSE(a[0].startMuted) << "join number 1 is not above 1";
    ASSERT_TRUE(b[0].startMuted);
    EXPECT_TRUE(b[0].startMuted->audio);
    EXPECT_FALSE(b[0].startMuted->video);
}

TEST(Media, LegacyAddsourceAndRemovesourceAreUnderstood) {
    TwoInRoom h;
    h.fromParticipant("alice", MediaHarness::accept(h.aliceOffer, 1111, 2222));
    h.fromParticipant("bob", MediaHarness::accept(h.bobOffer, 3333, 4444));
    h.jingleTo("alice");
    auto add = MediaHarness::sources(JingleAction::SourceAdd, h.bobOffer.sid, "video", {7777});
    add.legacyAction = true;  // sent as <jingle action='addsource'>, as some 2015 clients did
    EXPECT_NE(add.toElement().toString().find("action=\"addsource\""), std::string::npos);
    EXPECT_EQ(h.fromParticipant("bob", add).type, protocol::IqType::Result);
    auto relayed = lastOf(h.jingleTo("alice"), JingleAction::SourceAdd);
    ASSERT_TRUE(relayed);
    EXPECT_EQ(ssrcsIn(*relayed, "video"), std::vector<uint32_t>{7777});
    auto remove = MediaHarness::sources(JingleAction::SourceRemove, h.bobOffer.sid, "video", {7777});
    remove.legacyAction = true;
    EXPECT_EQ(h.fromParticipant("bob", remove).type, protocol::IqType::Result);
    EXPECT_TRUE(lastOf(h.jingleTo("alice"), JingleAction::SourceRemove));
}

TEST(Media, TransportInfoGoesToTheBridgeEvenBeforeAccept) {
    TwoInRoom h;
    h.colibriTo("jvb1.example.com");
    Jingle info;
    info.action = JingleAction::TransportInfo;
    info.sid = h.aliceOffer.sid;
    protocol::jingle::Content c;
    c.name = "audio";
    c.creator = "responder";
    protocol::jingle::Transport t;
    t.ufrag = "cl1";
    t.pwd = "clientpassword1234567890";
    protocol::jingle::Candidate cand;
    cand.foundation = "1";
    cand.component = 1;
    cand.protocol = "udp";
    cand.priority = 2113937151;
    cand.ip = "192.0.2.5";
    cand.port = 50000;
    cand.type = "host";
    cand.generation = 0;
    cand.network = 1;
    cand.id = "c1";
    t.candidates.push_back(cand);
    c.transport = t;
    info.contents.push_back(c);
    EXPECT_EQ(h.fromParticipant("alice", info).type, protocol::IqType::Result);
    auto updates = h.colibriTo("jvb1.example.com");
    ASSERT_EQ(updates.size(), 1u);
    ASSERT_FALSE(updates[0].channelBundles.empty()) << "bundled: the channel-bundle gets the transport";
    ASSERT_TRUE(updates[0].channelBundles[0].transport);
    EXPECT_EQ(updates[0].channelBundles[0].transport->candidates.size(), 1u);
}

TEST(Media, AnEndedConferencesRequestsAreCancelledAndTheirLateAnswersChangeNothing) {
    // The conference owns its requests (xmpp::IqRequests in MediaSessions): when it ends they are dropped,
    // so answers that come later reach nobody, and nothing is allocated or offered for a room that is gone.
    MediaHarness h;
    h.participantsAnswerDisco = false;
    h.createConference();
    h.join("alice");
    h.join("bob");
    ASSERT_EQ(h.discoUnanswered.size(), 2u);
    EXPECT_EQ(h.clientRouter.pendingCount(), 2u);
    h.leave("alice");
    h.leave("bob");
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    EXPECT_EQ(h.clientRouter.pendingCount(), 0u)
        << "the ended conference's disco#info requests are cancelled";

    for (const auto& asked : h.discoUnanswered) {
        protocol::DiscoInfo info;
        info.features = clientFeatures2015();
        protocol::Iq late = asked.result(info.toElement());
        late.from = asked.to;
        late.to = h.client.localJid();
        h.clientRouter.handle(late.toElement());
    }
    h.loop.advance(std::chrono::seconds(30));  // past every request timeout
    h.pump();
    EXPECT_TRUE(h.colibriTo("jvb1.example.com").empty());
    EXPECT_TRUE(h.jingleTo("alice").empty());
    EXPECT_TRUE(h.jingleTo("bob").empty());
    EXPECT_EQ(h.bridges.at("jvb1.example.com").liveChannels(), 0u);
}
