#pragma once
// What a room's media half asks of its bridge, whatever the bridge's generation (issue 13 §2): an endpoint
// per participant, then the participant's answer, transports and complete source set in Jingle terms, and
// the expiries. Colibri2Allocator implements it for a modern bridge; the conference's RoomBridges implements
// it over both generations (its Colibri v1 half turns these calls into 2015 Colibri updates).
// On the focus loop. Callbacks run in a task of their own, never inside a call.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bridge/Allocation.h"
#include "protocol/colibri/ColibriRequests.h"
#include "protocol/jingle/Content.h"
#include "protocol/jingle/Jingle.h"
#include "protocol/jingle/MediaSources.h"

namespace jicofo::bridge {

class MediaAllocator {
  public:
    using Handle = std::uint64_t;  // never 0
    using AllocateCallback = std::function<void(util::Result<Allocation, protocol::StanzaError>)>;

    virtual ~MediaAllocator() = default;

    // An endpoint for the participant `endpoint` (its nick) from its offer template. options: the 2015
    // channel options (a Colibri2 bridge ignores them, except the participant's region, which it chooses a
    // new conference's bridge by); hint: the conference IQ's `bridge` property. cb gets
    // the Allocation or the error exactly once unless cancel() came first: bad-request when the bridge
    // refused the request itself (retrying would not help), service-unavailable when no bridge could take it.
    virtual Handle allocate(const std::string& endpoint,
                            const std::vector<protocol::jingle::Content>& offerTemplate,
                            const protocol::colibri::AllocateOptions& options,
                            const std::optional<util::Jid>& hint, AllocateCallback cb) = 0;
    // The callback will not run; whatever the bridge allocates (or allocated) is expired.
    virtual void cancel(Handle handle) = 0;

    // The participant accepted the offer: its transport, payload types and now complete sources.
    virtual void accepted(const Allocation& allocation, const protocol::jingle::Jingle& accept,
                          const protocol::jingle::MediaSources& sources,
                          const std::vector<std::string>& offeredContents) = 0;
    // Its complete source set changed (source-add / source-remove).
    virtual void sourcesChanged(const Allocation& allocation,
                                const protocol::jingle::MediaSources& sources) = 0;
    // transport-info: more of its transport (candidates).
    virtual void transportInfo(const Allocation& allocation,
                               const std::vector<protocol::jingle::Content>& contents,
                               const std::vector<std::string>& offeredContents) = 0;

    // The participant left: its endpoint goes (stale allocations are ignored).
    virtual void expire(const Allocation& allocation) = 0;
    // Conference end: everything of the room goes; pending allocations are dropped without callback.
    virtual void expireAll() = 0;

    // The bridges holding this room's endpoints now.
    virtual std::vector<util::Jid> bridgesInUse() const = 0;
};

}  // namespace jicofo::bridge
