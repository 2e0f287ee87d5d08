#pragma once
// The state the simulated bridge keeps per Colibri conference (docs/media.md §2.1): contents with RTP
// channels and SCTP connections, channel-bundles, the focus JID that created it and activity times for the
// expiry sweep. Plain data; ColibriBridge owns and changes it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri/Channel.h"
#include "protocol/jingle/Transport.h"
#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::bridgesim {

namespace jingle = protocol::jingle;

// What every channel kind shares (2015 Channel): id, endpoint, expire, ICE role, transport.
struct SimChannelBase {
    std::string id, endpoint, bundleId;  // bundleId "" ⇒ own transport
    uint32_t expireSeconds = 60;
    bool initiator = true;
    std::optional<jingle::Transport> local;   // own transport (not bundled)
    std::optional<jingle::Transport> remote;  // what the client sent, merged
    util::TimePoint lastActivity{};
};

struct SimRtpChannel : SimChannelBase {
    std::string direction = "sendrecv";
    std::optional<int32_t> lastN;
    std::optional<bool> adaptiveLastN;
    std::string simulcastMode;
    std::optional<int32_t> receiveSimulcastLayer;
    std::vector<jingle::PayloadType> payloadTypes;
    std::vector<jingle::RtpHdrExt> hdrExts;
    std::vector<jingle::Source> sources;  // only those with an ssrc
    std::vector<jingle::SourceGroup> groups;
    // The SSRCs of the first SIM group, in order: what the 2015 bridge's simulcast manager used as layers.
    std::vector<uint32_t> simulcastLayers() const;
};

struct SimSctpConnection : SimChannelBase {
    uint16_t port = 5000;
};

struct SimContent {
    std::string name;
    uint32_t bridgeSsrc = 0;  // the bridge's own SSRC, shared by all RTP channels of the content
    std::vector<SimRtpChannel> channels;
    std::vector<SimSctpConnection> sctpConnections;
    util::TimePoint lastActivity{};

    SimRtpChannel* channel(const std::string& id);
    SimSctpConnection* sctpConnection(const std::string& id);
    SimSctpConnection* sctpConnectionOf(const std::string& endpoint);
    bool empty() const { return channels.empty() && sctpConnections.empty(); }
};

struct SimBundle {
    std::string id;
    jingle::Transport local;
    std::optional<jingle::Transport> remote;
};

struct SimConference {
    std::string id, name;
    util::Jid focus;  // the full JID that created it; other JIDs do not see it (docs/media.md §2.1)
    std::vector<SimContent> contents;  // in order of first mention
    std::vector<SimBundle> bundles;    // in order of creation
    util::TimePoint lastActivity{};

    SimContent* content(const std::string& name);
    const SimContent* content(const std::string& name) const;
    SimBundle* bundle(const std::string& id);
    const SimBundle* bundle(const std::string& id) const;
    size_t channelCount() const;  // RTP channels and SCTP connections
    // Distinct endpoint ids with at least one channel.
    std::vector<std::string> endpoints() const;
    // A channel with a remote transport (its own or its bundle's) holding candidates: ICE would be running
    // and media flowing.
    bool hasMedia(const SimChannelBase& channel) const;
    // Channel-bundles no channel refers to any more (their ICE agent closed with its last channel, 2015).
    void dropUnusedBundles();
    // Activity on a channel also counts for its content and conference (2015 touch() chain).
    void touch(SimContent& content, SimChannelBase& channel, util::TimePoint now);
};

}  // namespace jicofo::bridgesim
