#pragma once
// What tests read of the simulated modern bridge: its conferences with their endpoints and the log of what it
// did, answered to <iq type='get'><live xmlns='urn:jicofo:bridgesim2'/></iq> (from anyone, never delayed):
//
// <live xmlns='urn:jicofo:bridgesim2' conferences='1' endpoints='1' requests='3'>
//  <conference meeting-id='beccf2ed-…' name='r1@conference.example.com'
//              focus='jvbbrewery@internal.auth.example.com/focus' audio-ssrc='411312308'
//              video-ssrc='39296521'>
//   <endpoint id='79f0273e' stats-id='Garett-w1o' ice-controlling='true' sctp='true' ufrag='9f3a…'
//             remote-ufrag='sXoJ' remote-candidates='1' remote-setup='active' media='audio video'
//             payload-types='111 100 96' updates='2' force-mute-audio='true' force-mute-video='false'>
//    <sources xmlns='jitsi:colibri2'>…the endpoint's last complete source set…</sources>
//   </endpoint>
//  </conference>
//  <event n='1' kind='conference-create' meeting-id='beccf2ed-…' endpoint='' detail='r1@conference…'/>
//  …
// </live>
//
// Absent values are omitted (stats-id, remote-ufrag, remote-setup, force-mute-*, sources).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bridgesim2/SimState.h"
#include "protocol/stanza/StanzaError.h"

namespace jicofo::bridgesim2 {

class Colibri2Bridge;

inline constexpr const char* kBridgeSim2Ns = "urn:jicofo:bridgesim2";

struct ListedEndpoint {
    std::string id, statsId, ufrag, remoteUfrag, remoteSetup;
    bool iceControlling = false, sctp = false;
    size_t remoteCandidates = 0;
    std::vector<std::string> medias;
    std::vector<int> payloadTypes;
    std::optional<protocol::colibri2::ForceMute> forceMute;
    uint32_t updates = 0;
    std::optional<protocol::colibri2::Sources> sources;

    // The source names (media-source ids) of the last set, in order.
    std::vector<std::string> sourceNames() const;
};

struct ListedConference {
    std::string meetingId, name, focus;
    uint32_t audioSsrc = 0, videoSsrc = 0;
    std::vector<ListedEndpoint> endpoints;

    const ListedEndpoint* endpoint(const std::string& id) const;
};

struct Listing {
    std::vector<ListedConference> conferences;
    std::vector<SimEvent> events;
    uint64_t requests = 0;

    static Listing of(const Colibri2Bridge& bridge);
    static bool isListing(const xml::Element& e);
    static protocol::ParseResult<Listing> parse(const xml::Element& e);
    xml::Element toElement() const;

    size_t endpointCount() const;
    const ListedConference* byMeetingId(const std::string& id) const;
    const ListedConference* byName(const std::string& name) const;
    // Events of that kind (and endpoint, when given), in order.
    std::vector<SimEvent> eventsOf(const std::string& kind, const std::string& endpoint = {}) const;
};

}  // namespace jicofo::bridgesim2
