#include "protocol/jingle/ChildOrder.h"

#include <algorithm>

namespace jicofo::protocol::jingle {

void ChildOrder::saw(std::string_view kind) {
    if (std::find(seen_.begin(), seen_.end(), kind) == seen_.end()) seen_.emplace_back(kind);
}

void ChildOrder::emit(std::initializer_list<Writer> writers) const {
    std::vector<bool> done(writers.size(), false);
    for (const auto& kind : seen_) {
        size_t i = 0;
        for (const auto& w : writers) {
            if (!done[i] && w.first == kind) {
                w.second();
                done[i] = true;
            }
            ++i;
        }
    }
    size_t i = 0;
    for (const auto& w : writers) {
        if (!done[i]) w.second();
        ++i;
    }
}

}  // namespace jicofo::protocol::jingle
