#pragma once
// The health check of docs/protocol.md §6.6, on the focus loop: are both XMPP streams up, is a graceful
// shutdown under way, is there an operational videobridge, and — the 2015 check — does a conference for a
// fresh room `org.jitsi.jicofo.rest.Health-<hex>@<MUC service>` get the focus into the room through the
// normal path? The room is then left to the idle timeout, as in 2015. The MUC service is the first
// disco#items entry of the XMPP domain whose disco#info has http://jabber.org/protocol/muc (remembered once
// found), else conference.DOMAIN.
//
// Checks that arrive while a round trip is in flight share its result, so a burst of monitor requests makes
// one room, not one each.
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "app/FocusWiring.h"
#include "http/FocusProbe.h"

namespace jicofo::app {

class HealthCheck {
  public:
    using Done = std::function<void(http::HealthReport)>;

    HealthCheck(FocusWiring& wiring, util::Jid domain, util::Duration joinTimeout);
    ~HealthCheck();
    HealthCheck(const HealthCheck&) = delete;
    HealthCheck& operator=(const HealthCheck&) = delete;

    // On the loop. loopLatency: how long the request waited for the loop (reported, and failed when slow).
    void run(util::Duration loopLatency, Done done);

    // A loop that takes longer than this to pick up a task is reported unhealthy.
    static constexpr util::Duration kSlowLoop{1000};

  private:
    void roundTrip();
    void findMucService(std::function<void(util::Jid)> found);
    void probeItems(std::shared_ptr<std::vector<util::Jid>> items, std::size_t next,
                    std::function<void(util::Jid)> found);
    void finish(bool ok, std::string detail);

    FocusWiring& w_;
    util::Jid domain_;
    util::Duration joinTimeout_;
    std::optional<util::Jid> mucService_;
    // The round trip in flight: the report so far and everyone waiting for it.
    std::optional<http::HealthReport> pending_;
    std::vector<Done> waiters_;
    util::TimerId timer_ = 0;
    std::uint64_t attempt_ = 0;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // the health-check conference's join waiter
    xmpp::IqRequests requests_;  // the disco requests; last, so destroyed first
};

}  // namespace jicofo::app
