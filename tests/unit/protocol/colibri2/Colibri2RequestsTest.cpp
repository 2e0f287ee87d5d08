// The focus's Colibri2 requests built from an offer and a participant's sources, and what it reads of the
// bridge's answer (docs/media.md §2b).
#include <gtest/gtest.h>

#include "media/OfferFactory.h"
#include "protocol/colibri2/Colibri2Requests.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;
using namespace jicofo::protocol::colibri2;

namespace {

jingle::Source named(uint32_t ssrc, const std::string& name) {
    jingle::Source s = jingle::Source::make(ssrc);
    if (!name.empty()) setSourceName(s, name);
    s.setParam("msid", "stream track");  // not carried to the bridge
    return s;
}

// Audio without a name (a client from before source names), a named camera with RTX and a named screen share.
jingle::MediaSources participantSources() {
    jingle::MediaSources ms;
    ms.at("audio").sources.push_back(named(11, ""));
    auto& video = ms.at("video");
    video.sources = {named(21, "ep1-v0"), named(22, "ep1-v0"), named(31, "ep1-v1"), named(32, "ep1-v1")};
    video.groups = {{"FID", {21, 22}, {}}, {"FID", {31, 32}, {}}};
    ms.at("data");
    return ms;
}

EndpointOptions options(bool createConference) {
    EndpointOptions o;
    o.meetingId = "m1";
    o.conferenceName = "r1@conference.example.com";
    o.createConference = createConference;
    o.endpoint = "ep1";
    o.statsId = "Garett-w1o";
    return o;
}

TEST(Colibri2Requests, CreateFromTheOfferAndTheSources) {
    auto offer = media::OfferFactory::createTemplate({});
    ConferenceModify req = buildCreateEndpoint(offer, participantSources(), options(true));
    EXPECT_TRUE(req.create);
    EXPECT_EQ(req.name, "r1@conference.example.com");
    EXPECT_EQ(req.meetingId, "m1");
    ASSERT_EQ(req.endpoints.size(), 1u);
    const Endpoint& ep = req.endpoints[0];
    EXPECT_TRUE(ep.create);
    EXPECT_EQ(ep.statsId, "Garett-w1o");
    ASSERT_EQ(ep.medias.size(), 2u);  // audio and video; data is the sctp below
    EXPECT_EQ(ep.medias[0].type, "audio");
    EXPECT_EQ(ep.medias[0].payloadTypes.size(), offer[0].description->payloadTypes.size());
    EXPECT_EQ(ep.medias[1].hdrExts.size(), offer[1].description->hdrExts.size());
    ASSERT_TRUE(ep.transport);
    EXPECT_EQ(ep.transport->iceControlling, true);
    EXPECT_TRUE(ep.transport->sctp);
    EXPECT_FALSE(ep.transport->ice);
    EXPECT_TRUE(ep.hasCapability(kCapSourceNames));
    EXPECT_FALSE(ep.forceMute);
    ASSERT_TRUE(ep.sources);
    std::vector<std::string> ids;
    for (const auto& m : ep.sources->mediaSources) ids.push_back(m.type + ":" + m.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"audio:ep1-a0", "video:ep1-v0", "video:ep1-v1"}));
    const MediaSource* screen = ep.sources->find("ep1-v1");
    EXPECT_EQ(screen->ssrcs(), (std::vector<uint32_t>{31, 32}));
    ASSERT_EQ(screen->groups.size(), 1u);
    EXPECT_EQ(screen->groups[0].ssrcs, (std::vector<uint32_t>{31, 32}));
    EXPECT_EQ(sourceName(ep.sources->find("ep1-a0")->sources[0]), "ep1-a0");  // the made-up name is written
    EXPECT_TRUE(screen->sources[0].parameters.empty());
    // It reads back as it was built.
    auto back = ConferenceModify::parse(req.toElement());
    ASSERT_TRUE(back) << back.error().text;
    EXPECT_TRUE(test::sameXml(back->toElement(), req.toElement()));
}

TEST(Colibri2Requests, LaterEndpointsNeitherCreateNorNameTheConference) {
    media::ParticipantFeatures noData;
    noData.sctp = false;
    EndpointOptions o = options(false);
    o.forceMute = ForceMute{true, false, {}};
    ConferenceModify req = buildCreateEndpoint(media::OfferFactory::createTemplate(noData), {}, o);
    EXPECT_FALSE(req.create);
    EXPECT_TRUE(req.name.empty());
    const Endpoint& ep = req.endpoints[0];
    EXPECT_TRUE(ep.create);
    EXPECT_FALSE(ep.transport->sctp);
    EXPECT_FALSE(ep.sources);  // no sources yet
    ASSERT_TRUE(ep.forceMute);
    EXPECT_TRUE(ep.forceMute->audio);
}

TEST(Colibri2Requests, UpdateCarriesTheClientTransportAndTheCompleteSources) {
    auto accept = test::goldenJingle("jingle/session-accept-2015.xml");
    const jingle::Transport& t = *accept.contents.at(2).transport;  // the data content: with an sctpmap
    jingle::MediaSources none;
    ConferenceModify req = buildEndpointUpdate("m1", "ep1", &t, &none);
    const Endpoint& ep = req.endpoints.at(0);
    EXPECT_FALSE(ep.create);
    ASSERT_TRUE(ep.transport && ep.transport->ice);
    EXPECT_EQ(ep.transport->ice->ufrag, t.ufrag);
    EXPECT_EQ(ep.transport->ice->candidates.size(), t.candidates.size());
    EXPECT_TRUE(ep.transport->ice->sctpMaps.empty());
    EXPECT_FALSE(ep.transport->iceControlling);
    ASSERT_TRUE(ep.sources);  // empty, and written: the endpoint sends nothing now
    EXPECT_NE(req.toElement().child("endpoint")->child("sources"), nullptr);
    ConferenceModify sourcesOnly = buildEndpointUpdate("m1", "ep1", nullptr, nullptr);
    EXPECT_FALSE(sourcesOnly.endpoints[0].transport);
    EXPECT_FALSE(sourcesOnly.endpoints[0].sources);
}

TEST(Colibri2Requests, Expires) {
    EXPECT_EQ(
        buildEndpointExpire("m1", "ep1").toElement().toString(),
        "<conference-modify xmlns=\"jitsi:colibri2\" meeting-id=\"m1\"><endpoint id=\"ep1\" expire=\"true\"/>"
        "</conference-modify>");
    EXPECT_EQ(buildConferenceExpire("m1").toElement().toString(),
              "<conference-modify xmlns=\"jitsi:colibri2\" meeting-id=\"m1\" expire=\"true\"/>");
}

TEST(Colibri2Requests, AllocationFromTheAnswer) {
    auto answer = ConferenceModified::parse(test::goldenPayload("colibri2/create-response.xml"));
    ASSERT_TRUE(answer);
    auto a = readAllocation(*answer, "79f0273e");
    ASSERT_TRUE(a) << a.error().text;
    EXPECT_EQ(a->transport.ufrag, "2ivqh1fvtf0l3h");
    EXPECT_EQ(a->transport.candidates.size(), 2u);
    EXPECT_EQ(a->sctpPort, 5000);
    ASSERT_EQ(a->webSockets.size(), 1u);
    EXPECT_EQ(a->feedbackSsrcs.at("audio"), 411312308u);
    EXPECT_EQ(a->feedbackSsrcs.at("video"), 3929652146u);
    EXPECT_EQ(readAllocation(*answer, "nobody").error().condition, "bad-request");
    auto noTransport = ConferenceModified::parse(test::goldenPayload("colibri2/update-response.xml"));
    EXPECT_EQ(readAllocation(*noTransport, "79f0273e").error().condition, "bad-request");
}

}  // namespace
