#include "xmpp/Backoff.h"

#include <algorithm>

namespace jicofo::xmpp {

Backoff::Backoff(util::Duration min, util::Duration max)
    : min_(std::max(min, util::Duration(1))), max_(std::max(max, min_)), current_(min_) {}

util::Duration Backoff::next() {
    util::Duration now = current_;
    // Doubling stops at the cap, so the value can never overflow however long the server stays away.
    current_ = current_ >= max_ / 2 ? max_ : current_ * 2;
    return now;
}

}  // namespace jicofo::xmpp
