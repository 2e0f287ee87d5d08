// Allocation on the simulated bridge: the response has the 2015 shape of docs/media.md §2.3 field by field
// (compared with the golden allocate responses), and the focus's own code reads it and builds an offer.
#include <regex>
#include <set>

#include "support/Golden.h"
#include "unit/bridgesim/BridgeTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;

namespace {

std::set<std::string> attrNames(const xml::Element& e) {
    std::set<std::string> out;
    for (const auto& [n, v] : e.attributes()) out.insert(n);
    return out;
}

std::vector<std::string> childNames(const xml::Element& e) {
    std::vector<std::string> out;
    for (const auto& c : e.children())
        if (out.empty() || out.back() != c.name()) out.push_back(c.name());
    return out;
}

const xml::Element& firstDescendant(const xml::Element& e, const std::string& name) {
    if (const auto* c = e.child(name)) return *c;
    for (const auto& c : e.children())
        if (const auto& d = firstDescendant(c, name); !d.name().empty()) return d;
    static const xml::Element none;
    return none;
}

const xml::Element& contentChild(const xml::Element& conf, const std::string& content) {
    for (const auto* c : conf.childrenNamed("content"))
        if (c->attr("name") == content) return c->children().front();
    static const xml::Element none;
    return none;
}

class BridgeSimAllocate : public test::BridgeTest {};

TEST_F(BridgeSimAllocate, BundleResponseHasTheShapeOfThe2015Bridge) {
    xml::Element got = allocate("aa11").toElement();
    xml::Element want = test::golden("colibri/allocate-response-bundle.xml").children().front();

    EXPECT_EQ(attrNames(got), attrNames(want));
    EXPECT_TRUE(std::regex_match(got.attr("id"), std::regex("[0-9a-f]{16}"))) << got.attr("id");
    EXPECT_EQ(got.attr("name"), "r1");
    std::vector<std::string> contents;
    for (const auto* c : got.childrenNamed("content")) contents.push_back(c->attr("name"));
    EXPECT_EQ(contents, (std::vector<std::string>{"audio", "video", "data"}));

    // Channel: same attributes as the golden audio channel, a single <source ssrc> and nothing else.
    const xml::Element& audio = contentChild(got, "audio");
    EXPECT_EQ(attrNames(audio), attrNames(contentChild(want, "audio")));
    EXPECT_EQ(audio.attr("endpoint"), "aa11");
    EXPECT_EQ(audio.attr("expire"), "60");
    EXPECT_EQ(audio.attr("initiator"), "true");
    EXPECT_EQ(audio.attr("channel-bundle-id"), "aa11");
    EXPECT_EQ(audio.attr("rtp-level-relay-type"), "translator");
    ASSERT_EQ(audio.children().size(), 1u);
    EXPECT_EQ(audio.children()[0].name(), "source");
    EXPECT_EQ(audio.children()[0].ns(), "urn:xmpp:jingle:apps:rtp:ssma:0");
    EXPECT_EQ(attrNames(audio.children()[0]), std::set<std::string>{"ssrc"});
    // No last-n asked for, none described.
    EXPECT_FALSE(contentChild(got, "video").hasAttr("last-n"));

    const xml::Element& sctp = contentChild(got, "data");
    EXPECT_EQ(sctp.name(), "sctpconnection");
    EXPECT_EQ(attrNames(sctp), attrNames(contentChild(want, "data")));
    EXPECT_EQ(sctp.attr("port"), "5000");
    EXPECT_TRUE(sctp.children().empty());

    // One channel-bundle: ufrag, pwd; rtcp-mux, fingerprint (hash, no setup), candidates.
    auto bundles = got.childrenNamed("channel-bundle");
    ASSERT_EQ(bundles.size(), 1u);
    EXPECT_EQ(bundles[0]->attr("id"), "aa11");
    const xml::Element& transport = bundles[0]->children().at(0);
    const xml::Element& wantTransport = want.childrenNamed("channel-bundle")[0]->children().at(0);
    EXPECT_EQ(transport.ns(), "urn:xmpp:jingle:transports:ice-udp:1");
    EXPECT_EQ(attrNames(transport), attrNames(wantTransport));
    EXPECT_GE(transport.attr("ufrag").size(), 4u);
    EXPECT_GE(transport.attr("pwd").size(), 22u);
    EXPECT_EQ(childNames(transport), (std::vector<std::string>{"rtcp-mux", "fingerprint", "candidate"}));
    const xml::Element& fp = firstDescendant(transport, "fingerprint");
    EXPECT_EQ(attrNames(fp), std::set<std::string>{"hash"});
    EXPECT_EQ(fp.attr("hash"), "sha-1");
    EXPECT_TRUE(std::regex_match(fp.text(), std::regex("([0-9A-F]{2}:){19}[0-9A-F]{2}"))) << fp.text();

    auto candidates = transport.childrenNamed("candidate");
    ASSERT_EQ(candidates.size(), 2u);
    EXPECT_EQ(attrNames(*candidates[0]), attrNames(*wantTransport.childrenNamed("candidate")[0]));
    EXPECT_EQ(candidates[0]->attr("ip"), "127.0.0.1");
    EXPECT_EQ(candidates[0]->attr("protocol"), "udp");
    EXPECT_EQ(candidates[0]->attr("type"), "host");
    EXPECT_EQ(candidates[0]->attr("component"), "1");
    EXPECT_EQ(candidates[0]->attr("generation"), "0");
    EXPECT_EQ(candidates[0]->attr("network"), "0");
    EXPECT_EQ(candidates[0]->attr("priority"), "2130706431");
    EXPECT_EQ(attrNames(*candidates[1]), attrNames(*wantTransport.childrenNamed("candidate")[1]));
    EXPECT_EQ(candidates[1]->attr("protocol"), "tcp");
    EXPECT_EQ(candidates[1]->attr("tcptype"), "passive");
    EXPECT_EQ(candidates[1]->attr("port"), "4443");
    EXPECT_EQ(candidates[1]->attr("priority"), "1694498815");
}

TEST_F(BridgeSimAllocate, TheFocusReadsTheResponseAndBuildsAnOffer) {
    auto resp = allocate("aa11");
    auto channels = channelsOf(resp, "aa11");
    EXPECT_EQ(channels.conferenceId, resp.id);
    ASSERT_TRUE(channels.bundle);
    auto transports = channels.offerTransports();
    EXPECT_EQ(transports.size(), 3u);
    EXPECT_EQ(transports.at("audio").ufrag, channels.bundle->transport->ufrag);
    auto ssrcs = channels.bridgeSsrcs();
    ASSERT_EQ(ssrcs.size(), 2u);
    EXPECT_NE(ssrcs.at("audio"), ssrcs.at("video"));

    media::OfferFactory::OfferParams p;
    p.sid = "s1";
    p.initiator = focus_.str();
    p.transports = transports;
    p.bridgeSsrcs = ssrcs;
    auto offer = media::OfferFactory::createOffer(media::OfferFactory::createTemplate({}), p);
    ASSERT_TRUE(offer) << offer.error().text;
    EXPECT_EQ(offer->contents.size(), 3u);
}

TEST_F(BridgeSimAllocate, SecondEndpointJoinsTheConferenceAndSeesEveryBundle) {
    auto first = allocate("aa11");
    auto second = allocate("bb22", first.id);
    EXPECT_EQ(second.id, first.id);
    ASSERT_EQ(second.channelBundles.size(), 2u);
    EXPECT_EQ(second.channelBundles[0].id, "aa11");
    EXPECT_EQ(second.channelBundles[1].id, "bb22");
    EXPECT_NE(second.channelBundles[0].transport->ufrag, second.channelBundles[1].transport->ufrag);
    // The bridge SSRC is the content's, shared by all its channels; channel ids are not.
    auto a = channelsOf(first, "aa11"), b = channelsOf(second, "bb22");
    EXPECT_EQ(a.bridgeSsrcs(), b.bridgeSsrcs());
    EXPECT_NE(a.channel("audio")->id, b.channel("audio")->id);
    EXPECT_EQ(bridge_->conferenceCount(), 1u);
    EXPECT_EQ(bridge_->channelCount(), 6u);
}

TEST_F(BridgeSimAllocate, NonBundleChannelsEachCarryTheirOwnTwoComponentTransport) {
    media::ParticipantFeatures noBundle;
    noBundle.bundle = false;
    xml::Element got = allocate("cc33", {}, noBundle).toElement();
    xml::Element want = test::golden("colibri/allocate-response-nobundle.xml").children().front();
    EXPECT_TRUE(got.childrenNamed("channel-bundle").empty());

    std::set<std::string> ufrags;
    for (const char* content : {"audio", "video", "data"}) {
        const xml::Element& ch = contentChild(got, content);
        EXPECT_EQ(attrNames(ch), attrNames(contentChild(want, content))) << content;
        const xml::Element* t = ch.child("transport", "urn:xmpp:jingle:transports:ice-udp:1");
        ASSERT_TRUE(t) << content;
        EXPECT_FALSE(t->child("rtcp-mux")) << content;
        ufrags.insert(t->attr("ufrag"));
        std::set<std::string> components;
        for (const auto* c : t->childrenNamed("candidate")) components.insert(c->attr("component"));
        EXPECT_EQ(components, (std::string(content) == "data" ? std::set<std::string>{"1"}
                                                              : std::set<std::string>{"1", "2"}));
    }
    EXPECT_EQ(ufrags.size(), 3u);
    auto channels = channelsOf(*colibri::ColibriConference::parse(got), "cc33");
    EXPECT_EQ(channels.offerTransports().size(), 3u);
}

TEST_F(BridgeSimAllocate, ClientsWithoutIceGetRawUdpTransports) {
    media::ParticipantFeatures raw;
    raw.ice = false;
    raw.bundle = false;
    raw.sctp = false;
    auto resp = allocate("dd44", {}, raw);
    const auto& t = *resp.content("audio")->channels.at(0).transport;
    EXPECT_EQ(t.kind, jingle::Transport::Kind::RawUdp);
    EXPECT_TRUE(t.ufrag.empty());
    ASSERT_EQ(t.candidates.size(), 2u);
    EXPECT_EQ(t.candidates[1].component, 2u);
    EXPECT_EQ(t.fingerprints.size(), 1u);
}

TEST_F(BridgeSimAllocate, LastNIsDescribedOnTheVideoChannel) {
    auto resp = allocate("aa11", {}, {}, 5);
    EXPECT_EQ(resp.content("video")->channels.at(0).lastN, 5);
    EXPECT_FALSE(resp.content("audio")->channels.at(0).lastN);
}

TEST_F(BridgeSimAllocate, ExpireInTheRequestIsKeptAndDescribed) {
    colibri::ColibriConference req;
    colibri::Channel ch;
    ch.endpoint = "aa11";
    ch.expire = 10;
    req.getOrAddContent("audio").channels.push_back(ch);
    auto resp = request(req);
    ASSERT_TRUE(resp);
    EXPECT_EQ(resp->content("audio")->channels.at(0).expire, 10u);
}

TEST_F(BridgeSimAllocate, CandidatesUseTheConfiguredAddressAndPorts) {
    config_.localAddress = "192.0.2.1";
    config_.firstPort = 20000;
    config_.tcpPort = 0;
    reset();
    auto resp = allocate("aa11");
    const auto& t = *resp.channelBundles.at(0).transport;
    ASSERT_EQ(t.candidates.size(), 1u);
    EXPECT_EQ(t.candidates[0].ip, "192.0.2.1");
    EXPECT_EQ(t.candidates[0].port, 20000);
}

}  // namespace
