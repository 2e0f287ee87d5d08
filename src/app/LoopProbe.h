#pragma once
// http::FocusProbe for the real focus: each question is posted to the focus loop (LoopCaller) and answered
// from there, so the HTTP threads never touch conference state.
//   stats():    2 s for the loop to answer, else nullopt (the endpoints answer 503)
//   liveness(): the same ping, reported as a health answer (200, or 503 when the loop is stuck)
//   health():   the ping, then HealthCheck's round trip (its join timeout + 2 s at most)
#include <memory>

#include "app/FocusWiring.h"
#include "app/HealthCheck.h"
#include "http/FocusProbe.h"
#include "http/LoopCall.h"

namespace jicofo::app {

class LoopProbe : public http::FocusProbe {
  public:
    static constexpr util::Duration kLoopTimeout{2000};

    LoopProbe(FocusWiring& wiring, HealthCheck& health, util::Duration joinTimeout);

    std::optional<http::FocusStats> stats() override;
    http::HealthReport health() override;
    http::HealthReport liveness() override;

    // At shutdown: every waiting request is answered at once (503), and later ones too.
    void shutdown() { caller_.cancelAll(); }

    // On the loop: the statistics as they are now.
    static http::FocusStats collect(FocusWiring& wiring, util::TimePoint started);

  private:
    // Posts a no-op and returns how long the loop took to run it; nullopt when it did not in time.
    std::optional<util::Duration> ping();

    FocusWiring& w_;
    HealthCheck& health_;
    util::Duration joinTimeout_;
    util::TimePoint started_;
    http::LoopCaller caller_;
};

}  // namespace jicofo::app
