// ColibriBridge::sweep: the 2015 VideobridgeExpireThread pass, apart from the request handling.
#include <algorithm>
#include <chrono>

#include "bridgesim/ColibriBridge.h"
#include "log/Log.h"

namespace jicofo::bridgesim {

namespace {

bool idle(util::TimePoint last, uint32_t seconds, util::TimePoint now) {
    return last + std::chrono::seconds(seconds) < now;
}

// Drops the channels of one kind idle longer than their own expire; returns how many.
template <typename T>
size_t expireIdle(std::vector<T>& channels, util::TimePoint now) {
    size_t before = channels.size();
    channels.erase(std::remove_if(channels.begin(), channels.end(),
                                  [&](const T& c) { return idle(c.lastActivity, c.expireSeconds, now); }),
                   channels.end());
    return before - channels.size();
}

}  // namespace

size_t ColibriBridge::sweep(util::TimePoint now) {
    size_t removed = 0;
    std::vector<std::string> idleConferences;
    for (const auto& id : order_) {
        SimConference& conf = *conferences_.at(id);
        if (config_.mediaKeepsAlive)
            for (auto& content : conf.contents) {
                for (auto& c : content.channels)
                    if (conf.hasMedia(c)) conf.touch(content, c, now);
                for (auto& s : content.sctpConnections)
                    if (conf.hasMedia(s)) conf.touch(content, s, now);
            }
        // The conference outlives its contents by one pass at least: it is checked first, and an empty
        // one is touched by nothing.
        if (idle(conf.lastActivity, config_.defaultExpireSeconds, now)) {
            removed += conf.channelCount();
            idleConferences.push_back(id);
            continue;
        }
        for (auto it = conf.contents.begin(); it != conf.contents.end();) {
            if (idle(it->lastActivity, config_.defaultExpireSeconds, now)) {
                removed += it->channels.size() + it->sctpConnections.size();
                it = conf.contents.erase(it);
                continue;
            }
            removed += expireIdle(it->channels, now) + expireIdle(it->sctpConnections, now);
            ++it;
        }
        conf.dropUnusedBundles();
    }
    for (const auto& id : idleConferences) removeConference(id);
    if (removed) JLOG(info) << "bridgesim: sweep expired " << removed << " idle channels";
    return removed;
}

}  // namespace jicofo::bridgesim
