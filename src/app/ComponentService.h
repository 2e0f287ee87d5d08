#pragma once
// The IQs the focus answers on its component address focus.DOMAIN (docs/protocol.md §3.1): disco#info, ping,
// last activity, entity time, the conference request, statistics and graceful shutdown.
#include <functional>
#include <optional>

#include "conference/FocusManager.h"
#include "protocol/disco/DiscoInfo.h"
#include "util/Jid.h"
#include "xmpp/IqRouter.h"

namespace jicofo::app {

class ComponentService {
  public:
    // The focus's disco#info (identity and features, terminate-restart among them), answered on its component
    // address and on the focus user's stream alike.
    static protocol::DiscoInfo discoInfo();

    // onShutdownIdle: called (on the loop) once a graceful shutdown has drained every conference.
    ComponentService(xmpp::IqRouter& router, conference::FocusManager& focus, util::Loop& loop,
                     std::optional<util::Jid> shutdownAllowedJid, std::function<void()> onShutdownIdle);

  private:
    std::optional<protocol::Iq> stats(const protocol::Iq& iq) const;
    std::optional<protocol::Iq> gracefulShutdown(const protocol::Iq& iq);

    conference::FocusManager& focus_;
    util::Loop& loop_;
    util::TimePoint started_;
    std::optional<util::Jid> shutdownAllowedJid_;
    std::function<void()> onShutdownIdle_;
};

}  // namespace jicofo::app
