#pragma once
// Capped exponential backoff between reconnection attempts: min, 2*min, 4*min ... up to max, and back to
// min after a successful login (so a flapping server is not hammered, and a recovered one is retried fast).
#include "util/Loop.h"

namespace jicofo::xmpp {

class Backoff {
  public:
    Backoff(util::Duration min, util::Duration max);
    // The delay to wait now; the following call returns twice as much, capped at max.
    util::Duration next();
    void reset() { current_ = min_; }

  private:
    util::Duration min_, max_, current_;
};

}  // namespace jicofo::xmpp
