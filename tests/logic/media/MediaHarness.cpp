#include "logic/media/MediaHarness.h"

#include "protocol/jingle/MediaSources.h"
#include "support/ClientSamples.h"
#include "support/SessionAccept.h"

namespace jicofo::test {

using namespace protocol;

namespace {
const std::vector<std::string> kBridgeFeatures = {
    "http://jitsi.org/protocol/colibri", "urn:xmpp:jingle:apps:dtls:0",
    "urn:xmpp:jingle:transports:ice-udp:1", "urn:xmpp:jingle:transports:raw-udp:1"};
}  // namespace

void MediaHarness::reply(const Iq& request, std::optional<xml::Element> payload) {
    Iq r = request.result(std::move(payload));
    r.from = request.to;
    r.to = client.localJid();
    clientRouter.handle(r.toElement());
}

void MediaHarness::error(const Iq& request, const std::string& condition) {
    Iq r = request.errorReply(StanzaError::of(condition));
    r.from = request.to;
    r.to = client.localJid();
    clientRouter.handle(r.toElement());
}

void MediaHarness::answer(const Iq& iq) {
    const std::string to = iq.to.str();
    const xml::Element& q = *iq.payload;
    if (q.name() == "query" && q.ns() == ns::kDiscoItems) {
        DiscoItems items;
        for (const auto& b : bridgeJids_) items.items.push_back({b, "", ""});
        return reply(iq, items.toElement());
    }
    if (q.name() == "query" && q.ns() == ns::kDiscoInfo) {
        DiscoInfo info;
        if (bridges.count(to)) {
            info.features = kBridgeFeatures;
        } else {
            ++discoAsked[iq.to.resource()];
            if (!participantsAnswerDisco) return discoUnanswered.push_back(iq);
            info.features = clientFeatures2015();
            for (const auto& f : extraFeatures[iq.to.resource()]) info.features.push_back(f);
        }
        return reply(iq, info.toElement());
    }
    if (q.name() == "query" && (q.ns() == ns::kMucAdmin || q.ns() == ns::kMucOwner)) {
        if (iq.type == IqType::Get) return reply(iq, FocusHarness::configForm());
        return reply(iq, std::nullopt);
    }
    if (q.name() == "conference" && q.ns() == ns::kColibri && bridges.count(to)) {
        colibri_[to].push_back(colibri::ColibriConference::parse(q).value());
        if (silent.count(to)) return;
        if (iq.type == IqType::Get) {
            if (refusing.count(to)) return error(iq, "internal-server-error");
            return reply(iq, bridges.at(to).allocate(iq));
        }
        bridges.at(to).expire(iq);
        return reply(iq, std::nullopt);
    }
    if (q.name() == "jingle" && q.ns() == ns::kJingle) {
        jingle_[iq.to.resource()].push_back(jingle::Jingle::parse(q).value());
        if (ackOffers) reply(iq, std::nullopt);
        return;
    }
    reply(iq, std::nullopt);
}

void MediaHarness::pump() {
    loop.runPending();
    for (int round = 0; round < 100; ++round) {
        std::vector<xml::Element> batch;
        batch.swap(client.sent());
        if (batch.empty()) return;
        for (auto& e : batch) {
            if (e.name() == "presence") {
                presencesSent.push_back(e);
                continue;
            }
            if (e.name() != "iq") continue;
            auto iq = Iq::parse(e);
            if (!iq || !iq->payload || (iq->type != IqType::Get && iq->type != IqType::Set)) continue;
            answer(*iq);
        }
        loop.runPending();
    }
}

jingle::Jingle MediaHarness::accept(const jingle::Jingle& offer, uint32_t audio, uint32_t video) {
    return sessionAcceptFor(offer, audio, video, "someone@example.com/web");
}

jingle::Jingle MediaHarness::sources(jingle::JingleAction action, const std::string& sid,
                                     const std::string& media, std::vector<uint32_t> ssrcs) {
    jingle::MediaSources set;
    for (uint32_t s : ssrcs) set.at(media).sources.push_back(jingle::Source::make(s));
    return set.toJingle(action, sid);
}

}  // namespace jicofo::test
