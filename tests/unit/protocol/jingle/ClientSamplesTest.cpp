// The stanzas real clients sent (shared/reference/samples, copied to tests/golden/jingle with their folder
// name as prefix) must be read completely: every source, group, fingerprint, sctpmap and candidate.
#include <gtest/gtest.h>

#include "protocol/jingle/MediaSources.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol::jingle;

namespace {

void expectAcceptShape(const Jingle& j, const std::string& sid, uint32_t audioSsrc, uint32_t videoSsrc,
                       const std::string& fingerprint) {
    EXPECT_EQ(j.action, JingleAction::SessionAccept);
    EXPECT_EQ(j.sid, sid);
    ASSERT_TRUE(j.group);
    EXPECT_EQ(j.group->semantics, "BUNDLE");
    EXPECT_EQ(j.group->contents, (std::vector<std::string>{"audio", "video", "data"}));
    ASSERT_EQ(j.contents.size(), 3u);

    const Content& audio = j.contents[0];
    EXPECT_EQ(audio.creator, "responder");
    ASSERT_TRUE(audio.description);
    EXPECT_EQ(audio.description->media, "audio");
    EXPECT_EQ(audio.description->ssrc, std::to_string(audioSsrc));
    ASSERT_EQ(audio.description->payloadTypes.size(), 5u);
    const PayloadType& opus = audio.description->payloadTypes[0];
    EXPECT_EQ(opus.id, 111);
    EXPECT_EQ(opus.name, "opus");
    EXPECT_EQ(opus.clockrate, 48000u);
    EXPECT_EQ(opus.channels, 2u);
    ASSERT_EQ(opus.parameters.size(), 2u);
    EXPECT_EQ(opus.parameters[1].name, "useinbandfec");
    EXPECT_EQ(audio.description->payloadTypes[1].channels, 1u);  // PCMU channels='1' kept
    ASSERT_EQ(audio.description->sources.size(), 1u);
    EXPECT_EQ(audio.description->sources[0].ssrc, audioSsrc);
    EXPECT_EQ(audio.description->sources[0].parameters.size(), 2u);
    ASSERT_NE(audio.description->sources[0].param("msid"), nullptr);
    EXPECT_TRUE(audio.description->rtcpMux);
    ASSERT_EQ(audio.description->hdrExts.size(), 1u);
    EXPECT_EQ(audio.description->hdrExts[0].id, 1);

    const Content& video = j.contents[1];
    ASSERT_TRUE(video.description);
    ASSERT_EQ(video.description->payloadTypes.size(), 3u);
    EXPECT_EQ(video.description->payloadTypes[0].rtcpFbs.size(), 4u);
    EXPECT_EQ(video.description->payloadTypes[0].rtcpFbs[3].subtype, "pli");
    ASSERT_EQ(video.description->sources.size(), 1u);
    EXPECT_EQ(video.description->sources[0].ssrc, videoSsrc);
    EXPECT_EQ(video.description->hdrExts.size(), 2u);

    for (const Content* c : {&audio, &video, &j.contents[2]}) {
        ASSERT_TRUE(c->transport) << c->name;
        EXPECT_EQ(c->transport->kind, Transport::Kind::IceUdp);
        EXPECT_FALSE(c->transport->ufrag.empty());
        EXPECT_FALSE(c->transport->pwd.empty());
        ASSERT_EQ(c->transport->fingerprints.size(), 1u);
        EXPECT_EQ(c->transport->fingerprints[0].hash, "sha-256");
        EXPECT_EQ(c->transport->fingerprints[0].setup, "active");
        EXPECT_EQ(c->transport->fingerprints[0].value, fingerprint);
        EXPECT_TRUE(c->transport->candidates.empty());
    }
    const Content& data = j.contents[2];
    EXPECT_FALSE(data.description);
    ASSERT_EQ(data.transport->sctpMaps.size(), 1u);
    EXPECT_EQ(data.transport->sctpMaps[0].number, 5000);
    EXPECT_EQ(data.transport->sctpMaps[0].protocol, "webrtc-datachannel");
    EXPECT_EQ(data.transport->sctpMaps[0].streams, 65535u);

    MediaSources sources = MediaSources::fromContents(j.contents);
    ASSERT_EQ(sources.entries.size(), 3u);  // data yields an empty entry, as in 2015
    EXPECT_EQ(sources.entries[2].media, "data");
    EXPECT_EQ(sources.sourceCount(), 2u);
    EXPECT_EQ(sources.groupCount(), 0u);
}

TEST(ClientSamples, LibJitsiMeet106SessionAccept) {
    Jingle j = test::goldenJingle("jingle/lib-jitsi-meet-1.0.6-session-accept.xml");
    expectAcceptShape(
        j, "yc1rzv27wukos", 420114914u, 1592415118u,
        "C3:31:E1:42:04:28:BB:71:AA:4D:C7:0F:00:86:CA:40:DA:AF:74:27:38:D0:36:C2:77:63:7F:AF:50:DA:4A:80");
    EXPECT_EQ(j.responder, "oputers8j3ii046mknhydstf@jitsi.example.test/5_jzSBzbCDJg");
}

TEST(ClientSamples, LibJitsiMeet2020SessionAccept) {
    Jingle j = test::goldenJingle("jingle/lib-jitsi-meet-2020-unified-session-accept.xml");
    expectAcceptShape(
        j, "apj3f9g6svgq8", 2169716910u, 2414842572u,
        "70:DA:78:E5:29:C2:E1:C6:52:BA:06:E0:A9:97:5B:6F:FD:CF:BE:F5:3F:63:00:17:0E:F3:95:A2:B4:7B:21:4B");
}

TEST(ClientSamples, LibJitsiMeet106TransportInfo) {
    Jingle j = test::goldenJingle("jingle/lib-jitsi-meet-1.0.6-transport-info.xml");
    EXPECT_EQ(j.action, JingleAction::TransportInfo);
    ASSERT_EQ(j.contents.size(), 1u);
    EXPECT_EQ(mediaOf(j.contents[0]), "audio");
    const Transport& t = *j.contents[0].transport;
    EXPECT_EQ(t.ufrag, "wq++");
    ASSERT_EQ(t.candidates.size(), 2u);
    const Candidate& c = t.candidates[0];
    EXPECT_EQ(c.foundation, "2864026217");
    EXPECT_EQ(c.component, 1u);
    EXPECT_EQ(c.protocol, "udp");
    EXPECT_EQ(c.priority, 2122194687u);
    EXPECT_EQ(c.ip, "192.0.2.2");
    EXPECT_EQ(c.port, 36186);
    EXPECT_EQ(c.type, "host");
    EXPECT_EQ(c.generation, 0u);
    EXPECT_EQ(c.network, 1u);
    EXPECT_EQ(c.id, "6eg9tm1s0a");
    EXPECT_TRUE(c.extra.empty());
    EXPECT_EQ(t.candidates[1].ip, "fd00::2");
    EXPECT_EQ(t.candidates[1].port, 60056);
    ASSERT_EQ(t.fingerprints.size(), 1u);
    EXPECT_EQ(t.fingerprints[0].required, true);
    EXPECT_TRUE(t.fingerprints[0].setup.empty());
}

TEST(ClientSamples, LibJitsiMeet2020TransportInfoNamesContentByMid) {
    Jingle j = test::goldenJingle("jingle/lib-jitsi-meet-2020-unified-transport-info.xml");
    ASSERT_EQ(j.contents.size(), 1u);
    EXPECT_EQ(j.contents[0].name, "0");
    EXPECT_FALSE(j.contents[0].description);
    // The mid is the index of the m-line, i.e. of the content in our offer.
    EXPECT_EQ(mediaOf(j.contents[0], {"audio", "video", "data"}), "audio");
    EXPECT_EQ(mediaOf(j.contents[0]), "0");
    ASSERT_EQ(j.contents[0].transport->candidates.size(), 2u);
    EXPECT_EQ(j.contents[0].transport->candidates[1].port, 58310);
}

TEST(ClientSamples, SessionAccept2015WithSimulcastGroup) {
    Jingle j = test::goldenJingle("jingle/session-accept-2015.xml");
    MediaSources s = MediaSources::fromContents(j.contents);
    const MediaSourceSet* video = s.find("video");
    ASSERT_NE(video, nullptr);
    ASSERT_EQ(video->sources.size(), 2u);
    EXPECT_EQ(video->sources[1].ssrc, 3645473245u);  // above 2^31
    ASSERT_EQ(video->groups.size(), 1u);
    EXPECT_EQ(video->groups[0].semantics, "SIM");
    EXPECT_EQ(video->groups[0].ssrcs, (std::vector<uint32_t>{2945130167u, 3645473245u}));
}

TEST(ClientSamples, TransportInfo2015CandidatesWithRelatedAddressAndTcpType) {
    Jingle j = test::goldenJingle("jingle/transport-info-2015.xml");
    const auto& cands = j.contents.at(0).transport->candidates;
    ASSERT_EQ(cands.size(), 3u);
    EXPECT_EQ(cands[1].type, "srflx");
    EXPECT_EQ(cands[1].relAddr, "192.0.2.10");
    EXPECT_EQ(cands[1].relPort, 57698);
    EXPECT_EQ(cands[2].protocol, "tcp");
    EXPECT_EQ(cands[2].tcptype, "active");
}

}  // namespace
