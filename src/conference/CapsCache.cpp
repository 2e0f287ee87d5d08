#include "conference/CapsCache.h"

namespace jicofo::conference {

namespace {
constexpr const char* kSha1 = "sha-1";
}  // namespace

const std::vector<std::string>* CapsCache::find(const protocol::EntityCaps& caps) {
    if (caps.hash != kSha1) return nullptr;
    auto it = entries_.find(caps.ver);
    if (it == entries_.end()) return nullptr;
    use_.splice(use_.begin(), use_, it->second.useIt);
    return &it->second.features;
}

bool CapsCache::learn(const protocol::EntityCaps& caps, const xml::Element& discoQuery,
                      const std::vector<std::string>& features) {
    if (caps.hash != kSha1) return false;
    auto ver = protocol::capsSha1Ver(discoQuery);
    if (!ver || *ver != caps.ver) return false;
    if (auto it = entries_.find(caps.ver); it != entries_.end()) {
        use_.splice(use_.begin(), use_, it->second.useIt);
        return true;
    }
    if (entries_.size() >= capacity_) {
        entries_.erase(use_.back());
        use_.pop_back();
    }
    use_.push_front(caps.ver);
    entries_.emplace(caps.ver, Entry{features, use_.begin()});
    return true;
}

}  // namespace jicofo::conference
