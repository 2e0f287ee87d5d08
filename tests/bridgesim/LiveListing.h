#pragma once
// What tests read of the simulator's state: the live conferences with their channels, carried in the
// answer to a Colibri stats IQ as an extension element the focus's Stats parser skips:
//
// <live xmlns='urn:jicofo:bridgesim' conferences='1' channels='3'>
//  <conference id='5a1f0c93be27d4e1' name='r1' focus='focus@auth.example.com/focus4'>
//   <channel id='3e9b…' content='audio' endpoint='aa11' channel-bundle-id='aa11' expire='60'
//            direction='sendrecv' bridge-ssrc='3015264817' ssrcs='1081930371' groups='SIM:1,2 FID:3,4'
//            simulcast-layers='1 2' payload-types='111 103' last-n='5' remote-candidates='1' media='true'/>
//   <sctpconnection id='71c0…' content='data' endpoint='aa11' channel-bundle-id='aa11' expire='60'
//                   port='5000' remote-candidates='1' media='true'/>
//   <channel-bundle id='aa11' ufrag='b4mc…' remote-ufrag='Zq4k' remote-candidates='1'/>
//  </conference>
// </live>
//
// Lists are space separated; absent values are omitted (last-n, channel-bundle-id, remote-ufrag).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::bridgesim {

inline constexpr const char* kBridgeSimNs = "urn:jicofo:bridgesim";

struct LiveChannel {
    bool sctp = false;  // an <sctpconnection> (no RTP fields then)
    std::string id, content, endpoint, bundleId, direction;
    uint32_t expire = 0;
    uint32_t bridgeSsrc = 0;
    uint16_t port = 0;
    std::vector<uint32_t> ssrcs, simulcastLayers;
    std::vector<std::string> groups;  // "SIM:1,2"
    std::vector<int> payloadTypes;
    std::optional<int32_t> lastN;
    size_t remoteCandidates = 0;
    bool media = false;
};

struct LiveBundle {
    std::string id, ufrag, remoteUfrag;
    size_t remoteCandidates = 0;
};

struct LiveConference {
    std::string id, name, focus;
    std::vector<LiveChannel> channels;  // RTP channels and SCTP connections, content by content
    std::vector<LiveBundle> bundles;

    // The channels (and SCTP connections) of one endpoint.
    std::vector<const LiveChannel*> channelsOf(const std::string& endpoint) const;
};

struct LiveListing {
    std::vector<LiveConference> conferences;

    size_t channelCount() const;
    const LiveConference* byId(const std::string& id) const;
    const LiveConference* byName(const std::string& name) const;
    const LiveChannel* channel(const std::string& id) const;

    static bool isListing(const xml::Element& e);
    static protocol::ParseResult<LiveListing> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::bridgesim
