#pragma once
// XEP-0115 caps the focus has verified (one cache per focus, on its loop): a 'ver' maps to the disco#info
// features whose SHA-1 it is, so a participant announcing a known ver needs no disco#info round trip.
// Only a result whose hash verifies is cached: a client cannot make others look like something they are
// not by announcing a false ver. Bounded; the least recently used ver goes first.
#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>
#include <vector>

#include "protocol/disco/EntityCaps.h"
#include "xml/Element.h"

namespace jicofo::conference {

class CapsCache {
  public:
    static constexpr std::size_t kDefaultCapacity = 1024;
    explicit CapsCache(std::size_t capacity = kDefaultCapacity) : capacity_(capacity ? capacity : 1) {}
    CapsCache(const CapsCache&) = delete;
    CapsCache& operator=(const CapsCache&) = delete;

    // The verified features for these caps, or null (unknown ver, or a hash other than sha-1).
    const std::vector<std::string>* find(const protocol::EntityCaps& caps);
    // A disco#info <query> answered by an occupant that announced caps: cached when caps.hash is sha-1
    // and the result's hash equals caps.ver. Returns whether it verified.
    bool learn(const protocol::EntityCaps& caps, const xml::Element& discoQuery,
               const std::vector<std::string>& features);

    std::size_t size() const { return entries_.size(); }
    std::size_t capacity() const { return capacity_; }

  private:
    struct Entry {
        std::vector<std::string> features;
        std::list<std::string>::iterator useIt;
    };
    std::size_t capacity_;
    std::list<std::string> use_;  // vers, most recently used first
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace jicofo::conference
