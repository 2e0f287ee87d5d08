// What the typed Colibri2 objects read from the goldens (docs/media.md §2b), and requests built in code.
#include <gtest/gtest.h>

#include "protocol/colibri2/ConferenceModified.h"
#include "protocol/colibri2/ConferenceModify.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol::colibri2;

namespace {

ConferenceModify goldenModify(const std::string& file) {
    auto c = ConferenceModify::parse(test::goldenPayload("colibri2/" + file));
    EXPECT_TRUE(c) << file << ": " << (c ? "" : c.error().text);
    return c ? *c : ConferenceModify{};
}

ConferenceModified goldenModified(const std::string& file) {
    auto c = ConferenceModified::parse(test::goldenPayload("colibri2/" + file));
    EXPECT_TRUE(c) << file << ": " << (c ? "" : c.error().text);
    return c ? *c : ConferenceModified{};
}

TEST(Colibri2Fields, CreateRequest) {
    ConferenceModify req = goldenModify("create-request.xml");
    EXPECT_EQ(req.meetingId, "beccf2ed-5441-4bfe-96d6-f0f3a6796378");
    EXPECT_EQ(req.name, "r1@conference.example.com");
    EXPECT_TRUE(req.create);
    EXPECT_FALSE(req.expire);
    const Endpoint* ep = req.endpoint("79f0273e");
    ASSERT_NE(ep, nullptr);
    EXPECT_TRUE(ep->create);
    EXPECT_EQ(ep->statsId, "Garett-w1o");
    ASSERT_EQ(ep->medias.size(), 2u);
    const Media* audio = ep->media("audio");
    ASSERT_NE(audio, nullptr);
    EXPECT_EQ(audio->payloadTypes.at(0).name, "opus");
    EXPECT_EQ(audio->payloadTypes.at(0).parameters.size(), 2u);
    EXPECT_EQ(audio->hdrExts.size(), 2u);
    EXPECT_TRUE(audio->extmapAllowMixed);
    EXPECT_EQ(ep->media("video")->payloadTypes.size(), 2u);
    ASSERT_TRUE(ep->transport);
    EXPECT_EQ(ep->transport->iceControlling, true);
    EXPECT_FALSE(ep->transport->ice);
    ASSERT_TRUE(ep->transport->sctp);
    EXPECT_FALSE(ep->transport->sctp->port);
    ASSERT_TRUE(ep->sources);
    const MediaSource* video = ep->sources->find("79f0273e-v0");
    ASSERT_NE(video, nullptr);
    EXPECT_EQ(video->type, "video");
    EXPECT_EQ(video->ssrcs(), (std::vector<uint32_t>{437485591u, 2958490935u}));
    EXPECT_EQ(sourceName(video->sources.at(1)), "79f0273e-v0");
    EXPECT_EQ(video->groups.at(0).semantics, "FID");
    EXPECT_EQ(ep->sources->ssrcCount(), 3u);
    EXPECT_TRUE(ep->hasCapability(kCapSourceNames));
    EXPECT_FALSE(ep->hasCapability("ssrc-rewriting"));
    ASSERT_TRUE(ep->forceMute);
    EXPECT_TRUE(ep->forceMute->audio);
    EXPECT_FALSE(ep->forceMute->video);
}

TEST(Colibri2Fields, CreateResponse) {
    ConferenceModified resp = goldenModified("create-response.xml");
    const Endpoint* ep = resp.endpoint("79f0273e");
    ASSERT_NE(ep, nullptr);
    ASSERT_TRUE(ep->transport && ep->transport->ice);
    const auto& ice = *ep->transport->ice;
    EXPECT_EQ(ice.ufrag, "2ivqh1fvtf0l3h");
    EXPECT_EQ(ice.pwd, "1a5ejbent91k6io6a3fauikg22");
    EXPECT_TRUE(ice.rtcpMux);
    ASSERT_EQ(ice.fingerprints.size(), 1u);
    EXPECT_EQ(ice.fingerprints[0].setup, "actpass");
    EXPECT_EQ(ice.fingerprints[0].hash, "sha-256");
    ASSERT_EQ(ice.candidates.size(), 2u);
    EXPECT_EQ(ice.candidates[0].ip, "127.0.0.1");
    EXPECT_EQ(ice.candidates[1].relPort, 10000);
    ASSERT_EQ(ep->transport->webSockets().size(), 1u);
    EXPECT_EQ(ep->transport->webSockets()[0].rfind("wss://jvb1.example.com:443/colibri-ws/", 0), 0u);
    ASSERT_TRUE(ep->transport->sctp);
    EXPECT_EQ(ep->transport->sctp->port, 5000);
    EXPECT_EQ(ep->transport->sctp->role, "server");
    ASSERT_TRUE(resp.sources);
    ASSERT_EQ(resp.sources->mediaSources.size(), 2u);
    const MediaSource* a0 = resp.sources->find("jvb-a0");
    ASSERT_NE(a0, nullptr);
    EXPECT_EQ(a0->ssrcs(), std::vector<uint32_t>{411312308u});
    EXPECT_EQ(sourceName(a0->sources[0]), "jvb-a0");
    EXPECT_EQ(*a0->sources[0].param("msid"), "mixedmslabel mixedlabelaudio0");
}

TEST(Colibri2Fields, ExpiresAndUnknownChildrenKept) {
    EXPECT_TRUE(goldenModify("expire-conference.xml").expire);
    EXPECT_TRUE(goldenModify("expire-conference.xml").endpoints.empty());
    EXPECT_TRUE(goldenModify("expire-endpoint.xml").endpoints.at(0).expire);
    EXPECT_TRUE(goldenModified("expire-endpoint-response.xml").endpoints.at(0).expire);
    ConferenceModify mute = goldenModify("force-mute-update.xml");
    EXPECT_EQ(mute.endpoints.at(0).mucRole, "visitor");
    EXPECT_EQ(mute.endpoints.at(0).extraChildren.at(0).name(), "initial-last-n");
    EXPECT_EQ(mute.extraChildren.at(0).name(), "relay");  // never sent by this focus, kept when read
    EXPECT_EQ(mute.extraAttrs.at(0).first, "callstats-enabled");
}

TEST(Colibri2Fields, RequestBuiltInCodeUsesTheDefaultOrder) {
    ConferenceModify req;
    req.meetingId = "m1";
    req.name = "r1@conference.example.com";
    req.create = true;
    Endpoint& ep = req.addEndpoint("e1");
    ep.create = true;
    ep.capabilities.push_back({kCapSourceNames, {}});
    ep.sources = Sources{{MediaSource::single("audio", "e1-a0", 11)}, {}};
    ep.transport = Colibri2Transport{};
    ep.transport->iceControlling = true;
    ep.transport->sctp = Sctp{};
    Media audio;
    audio.type = "audio";
    audio.payloadTypes.push_back(protocol::jingle::PayloadType::make(111, "opus", 48000, 2));
    ep.medias.push_back(audio);
    EXPECT_EQ(
        req.toElement().toString(),
        "<conference-modify xmlns=\"jitsi:colibri2\" meeting-id=\"m1\" name=\"r1@conference.example.com\" "
        "create=\"true\"><endpoint create=\"true\" id=\"e1\"><media type=\"audio\"><payload-type "
        "xmlns=\"urn:xmpp:jingle:apps:rtp:1\" id=\"111\" name=\"opus\" clockrate=\"48000\" channels=\"2\"/>"
        "</media><transport ice-controlling=\"true\"><sctp/></transport><sources><media-source "
        "type=\"audio\" id=\"e1-a0\"><source xmlns=\"urn:xmpp:jingle:apps:rtp:ssma:0\" ssrc=\"11\" "
        "name=\"e1-a0\"/></media-source></sources><capability name=\"source-names\"/></endpoint>"
        "</conference-modify>");
    auto back = ConferenceModify::parse(req.toElement());
    ASSERT_TRUE(back) << back.error().text;
    EXPECT_TRUE(test::sameXml(back->toElement(), req.toElement()));
}

TEST(Colibri2Fields, BridgeTransportBuiltInCode) {
    Colibri2Transport t;
    t.ice = protocol::jingle::Transport{};
    t.ice->ufrag = "u";
    t.ice->pwd = "p";
    t.ice->rtcpMux = true;
    t.addWebSocket("wss://b/colibri-ws/x");
    t.sctp = Sctp::serverDefault();
    EXPECT_EQ(t.toElement().toString(),
              "<transport xmlns=\"jitsi:colibri2\"><transport xmlns=\"urn:xmpp:jingle:transports:ice-udp:1\" "
              "ufrag=\"u\" pwd=\"p\"><rtcp-mux/><web-socket xmlns=\"http://jitsi.org/protocol/colibri\" "
              "url=\"wss://b/colibri-ws/x\"/></transport><sctp port=\"5000\" role=\"server\"/></transport>");
    auto back = Colibri2Transport::parse(t.toElement());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->webSockets(), std::vector<std::string>{"wss://b/colibri-ws/x"});
}

TEST(Colibri2Fields, SourceNameSetAndReplaced) {
    protocol::jingle::Source s = protocol::jingle::Source::make(5);
    EXPECT_EQ(sourceName(s), "");
    setSourceName(s, "a-v0");
    setSourceName(s, "a-v1");
    EXPECT_EQ(sourceName(s), "a-v1");
    EXPECT_EQ(s.extraAttrs.size(), 1u);
}

}  // namespace
