#pragma once
// Builds the focus's session-initiate as the 2015 focus did (docs/media.md §3.2, JingleOfferFactory +
// createOffer): a template from the participant's features, which also drives the Colibri allocate request
// (colibri::buildAllocate), then the offer from the template plus the bridge's transports and SSRCs and the
// other participants' sources.
//
// Typical use by the conference:
//   auto tmpl = OfferFactory::createTemplate(features, openSctp);
//   auto alloc = colibri::buildAllocate(tmpl, options);            // IQ get to the bridge
//   auto channels = colibri::ParticipantChannels::fromAllocateResponse(response, nick);
//   OfferFactory::OfferParams p{sid, focusJid, features.useBundle(), channels->offerTransports(),
//                               channels->bridgeSsrcs(), sourceMap.allExcept(occupantJid), startMuted};
//   auto offer = OfferFactory::createOffer(tmpl, p);               // <jingle> of the IQ set
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "media/ParticipantFeatures.h"
#include "protocol/jingle/Jingle.h"
#include "protocol/jingle/MediaSources.h"

namespace jicofo::media {

class OfferFactory {
  public:
    // Contents in order audio, video, data (each only when the features allow it; data also needs
    // openSctp), creator='initiator' senders='both', with the 2015 payload types, rtcp-fb and rtp-hdrext and
    // a placeholder transport (ICE, or raw-UDP without the ICE feature) holding only an empty fingerprint
    // required='false' when DTLS is supported. No bundle markers: those come with createOffer.
    static std::vector<protocol::jingle::Content> createTemplate(const ParticipantFeatures& features,
                                                                 bool openSctp = true);

    struct OfferParams {
        std::string sid;
        std::string initiator;  // the focus's full JID
        bool bundle = true;     // ParticipantFeatures::useBundle()
        std::map<std::string, protocol::jingle::Transport>
            transports;                                          // per content name, from the allocation
        std::map<std::string, uint32_t> bridgeSsrcs;             // per content name (audio, video)
        protocol::jingle::MediaSources peers;                    // the other participants' stored sources
        std::optional<protocol::jingle::StartMuted> startMuted;  // written only when audio or video is true
        // The offer's <bridge-session id> (docs/media.md §3.7); "" ⇒ none.
        std::string bridgeSessionId;
        // The receiver reads http://jitsi.org/json-encoded-sources: the peers' sources go in a <json-message>
        // (protocol/jingle/JsonSources) instead of the descriptions; the bridge's own stay in XML.
        bool jsonSources = false;
    };
    // The session-initiate <jingle>. Fails (internal-server-error) when a content has no bridge transport.
    static protocol::ParseResult<protocol::jingle::Jingle> createOffer(
        const std::vector<protocol::jingle::Content>& offerTemplate, const OfferParams& params);

    // The bridge's own source in an offer: parameters cname=mixed, label=mixedlabel<content>0,
    // msid=mixedmslabel mixedlabel<content>0, mslabel=mixedmslabel and ssrc-info owner='jvb'.
    static protocol::jingle::Source bridgeSource(uint32_t ssrc, const std::string& content);
    // The bridge transport as offered: ufrag, pwd, candidates, rtcp-mux (forced on when bundling) and
    // fingerprints with required='false' and no setup; plus the 2015 sctpmap for the data content.
    static protocol::jingle::Transport offerTransport(const protocol::jingle::Transport& bridge, bool bundle,
                                                      bool data);
};

}  // namespace jicofo::media
