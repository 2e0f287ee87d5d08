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

#include "protocol/jingle/Jingle.h"
#include "protocol/jingle/MediaSources.h"
#include "protocol/jingle/ParticipantFeatures.h"

namespace jicofo::protocol::jingle {

class OfferFactory {
  public:
    // Contents in order audio, video, data (each only when the features allow it; data also needs
    // openSctp), creator='initiator' senders='both', with the 2015 payload types, rtcp-fb and rtp-hdrext and
    // a placeholder transport (ICE, or raw-UDP without the ICE feature) holding only an empty fingerprint
    // required='false' when DTLS is supported. No bundle markers: those come with createOffer.
    static std::vector<Content> createTemplate(const ParticipantFeatures& features, bool openSctp = true);

    struct OfferParams {
        std::string sid;
        std::string initiator;                        // the focus's full JID
        bool bundle = true;                           // ParticipantFeatures::useBundle()
        std::map<std::string, Transport> transports;  // per content name, from the allocation
        std::map<std::string, uint32_t> bridgeSsrcs;  // per content name (audio, video)
        MediaSources peers;                           // the other participants' stored sources
        std::optional<StartMuted> startMuted;         // written only when audio or video is true
    };
    // The session-initiate <jingle>. Fails (internal-server-error) when a content has no bridge transport.
    static ParseResult<Jingle> createOffer(const std::vector<Content>& offerTemplate,
                                           const OfferParams& params);

    // The bridge's own source in an offer: parameters cname=mixed, label=mixedlabel<content>0,
    // msid=mixedmslabel mixedlabel<content>0, mslabel=mixedmslabel and ssrc-info owner='jvb'.
    static Source bridgeSource(uint32_t ssrc, const std::string& content);
    // The bridge transport as offered: ufrag, pwd, candidates, rtcp-mux (forced on when bundling) and
    // fingerprints with required='false' and no setup; plus the 2015 sctpmap for the data content.
    static Transport offerTransport(const Transport& bridge, bool bundle, bool data);
};

}  // namespace jicofo::protocol::jingle
