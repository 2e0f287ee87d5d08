#pragma once
// The operator's HTTP endpoints (health, liveness, version, stats, metrics; http/OperationHandler.h) on the
// focus's one HTTP server, FocusWiring::http. Registers its routes when built; start() starts the server
// (with whatever others registered too) and logs the bound address, stop() answers waiting requests at once
// and stops the server. A port that cannot be bound is logged as an error and the focus runs on without HTTP
// (as 2015 did when Jetty failed), so several focuses on one machine do not take each other down.
#include <memory>

#include "app/FocusWiring.h"
#include "app/HealthCheck.h"
#include "app/LoopProbe.h"
#include "config/FocusConfig.h"

namespace jicofo::app {

class OperationService {
  public:
    // How long the health check waits for the focus to join its room.
    static constexpr util::Duration kJoinTimeout{5000};

    OperationService(FocusWiring& wiring, const config::FocusConfig& config);
    ~OperationService();
    OperationService(const OperationService&) = delete;
    OperationService& operator=(const OperationService&) = delete;

    void start();
    void stop();

  private:
    FocusWiring& w_;
    HealthCheck health_;
    std::shared_ptr<LoopProbe> probe_;
};

}  // namespace jicofo::app
