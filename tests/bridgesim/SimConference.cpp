#include "bridgesim/SimConference.h"

#include <algorithm>

namespace jicofo::bridgesim {

std::vector<uint32_t> SimRtpChannel::simulcastLayers() const {
    for (const auto& g : groups)
        if (g.semantics == "SIM") return g.ssrcs;
    return {};
}

SimRtpChannel* SimContent::channel(const std::string& id) {
    for (auto& c : channels)
        if (c.id == id) return &c;
    return nullptr;
}

SimSctpConnection* SimContent::sctpConnection(const std::string& id) {
    for (auto& c : sctpConnections)
        if (c.id == id) return &c;
    return nullptr;
}

SimSctpConnection* SimContent::sctpConnectionOf(const std::string& endpoint) {
    for (auto& c : sctpConnections)
        if (c.endpoint == endpoint) return &c;
    return nullptr;
}

SimContent* SimConference::content(const std::string& n) {
    for (auto& c : contents)
        if (c.name == n) return &c;
    return nullptr;
}

const SimContent* SimConference::content(const std::string& n) const {
    for (const auto& c : contents)
        if (c.name == n) return &c;
    return nullptr;
}

SimBundle* SimConference::bundle(const std::string& bundleId) {
    for (auto& b : bundles)
        if (b.id == bundleId) return &b;
    return nullptr;
}

const SimBundle* SimConference::bundle(const std::string& bundleId) const {
    for (const auto& b : bundles)
        if (b.id == bundleId) return &b;
    return nullptr;
}

size_t SimConference::channelCount() const {
    size_t n = 0;
    for (const auto& c : contents) n += c.channels.size() + c.sctpConnections.size();
    return n;
}

std::vector<std::string> SimConference::endpoints() const {
    std::vector<std::string> out;
    auto add = [&](const std::string& e) {
        if (!e.empty() && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    };
    for (const auto& c : contents) {
        for (const auto& ch : c.channels) add(ch.endpoint);
        for (const auto& s : c.sctpConnections) add(s.endpoint);
    }
    return out;
}

bool SimConference::hasMedia(const SimChannelBase& channel) const {
    if (!channel.bundleId.empty()) {
        const SimBundle* b = bundle(channel.bundleId);
        return b && b->remote && !b->remote->candidates.empty();
    }
    return channel.remote && !channel.remote->candidates.empty();
}

void SimConference::dropUnusedBundles() {
    auto used = [&](const std::string& id) {
        for (const auto& c : contents) {
            for (const auto& ch : c.channels)
                if (ch.bundleId == id) return true;
            for (const auto& s : c.sctpConnections)
                if (s.bundleId == id) return true;
        }
        return false;
    };
    bundles.erase(
        std::remove_if(bundles.begin(), bundles.end(), [&](const SimBundle& b) { return !used(b.id); }),
        bundles.end());
}

void SimConference::touch(SimContent& c, SimChannelBase& channel, util::TimePoint now) {
    channel.lastActivity = now;
    c.lastActivity = now;
    lastActivity = now;
}

}  // namespace jicofo::bridgesim
