#pragma once
// Bridge availability events from BridgeRegistry, on the focus loop.
#include "util/Jid.h"

namespace jicofo::bridge {

class BridgeListener {
  public:
    virtual ~BridgeListener() = default;
    // A bridge became usable: newly discovered, or answering again after a failed health check. A conference
    // that published bridgeIsDown retries its invitations here.
    virtual void onBridgeUp(const util::Jid& bridge) = 0;
    // A bridge stopped being usable: it failed a health check, stopped answering disco#info, or vanished from
    // the domain's disco#items (or its stats aged out). Conferences move the participants that were on it
    // (ColibriAllocator does this bookkeeping for its room and reports them through AllocatorListener).
    // Not called by BridgeRegistry::stop(): losing the focus user's stream is not a bridge failure.
    virtual void onBridgeDown(const util::Jid& bridge) = 0;
};

}  // namespace jicofo::bridge
