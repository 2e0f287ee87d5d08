#include "support/MediaClient.h"

#include "protocol/disco/DiscoInfo.h"
#include "protocol/jingle/MediaSources.h"
#include "protocol/stanza/Namespaces.h"
#include "support/ClientSamples.h"
#include "support/SessionAccept.h"

namespace jicofo::test {

using namespace protocol;

MediaClient::MediaClient(const ProsodyFixture& prosody, std::vector<std::string> extraFeatures)
    : MeetClient(prosody) {
    if (!extraFeatures.empty()) sendCaps(false);
    xmpp().setAutoResponder([this, extraFeatures](const xml::Element& e) {
        if (e.name() != "iq") return false;
        auto iq = Iq::parse(e);
        if (!iq || !iq->payload || (iq->type != IqType::Get && iq->type != IqType::Set)) return false;
        if (iq->payload->name() == "query" && iq->payload->ns() == ns::kDiscoInfo) {
            // The features the caps of its join presence (MeetClient::join) are the hash of.
            DiscoInfo info;
            info.features = clientFeatures2015();
            info.features.insert(info.features.end(), extraFeatures.begin(), extraFeatures.end());
            xmpp().send(iq->result(info.toElement()).toElement());
            return true;
        }
        if (iq->payload->name() == "jingle" && iq->payload->ns() == ns::kJingle) {
            // The client acks first (docs/media.md §3.4); the stanza stays queued for the test.
            xmpp().send(iq->result().toElement());
            return false;
        }
        return false;
    });
}

std::optional<jingle::Jingle> MediaClient::waitJingle(jingle::JingleAction action, util::Duration timeout) {
    std::optional<jingle::Jingle> found;
    xmpp().waitFor(
        [&](const xml::Element& e) {
            if (e.name() != "iq" || e.attr("type") != "set") return false;
            const auto* j = e.child("jingle", ns::kJingle);
            if (!j) return false;
            auto parsed = jingle::Jingle::parse(*j);
            if (!parsed || parsed->action != action) return false;
            if (action == jingle::JingleAction::SessionInitiate) {
                focus_ = *util::Jid::parse(e.attr("from"));
                sid_ = parsed->sid;
            }
            found = parsed.value();
            return true;
        },
        timeout);
    return found;
}

xml::Element MediaClient::accept(const jingle::Jingle& offer, uint32_t audio, uint32_t video) {
    // The real client puts its real JID in 'responder' (samples README).
    auto iq =
        Iq::request(IqType::Set, focus_, sessionAcceptFor(offer, audio, video, jid().str()).toElement());
    return xmpp().request(iq);
}

xml::Element MediaClient::sourceAdd(const std::string& media, std::vector<uint32_t> ssrcs) {
    jingle::MediaSources set;
    for (uint32_t s : ssrcs) set.at(media).sources.push_back(jingle::Source::make(s));
    return xmpp().request(
        Iq::request(IqType::Set, focus_, set.toJingle(jingle::JingleAction::SourceAdd, sid_).toElement()));
}

xml::Element MediaClient::sendJingle(const jingle::Jingle& j) {
    return xmpp().request(Iq::request(IqType::Set, focus_, j.toElement()));
}

}  // namespace jicofo::test
