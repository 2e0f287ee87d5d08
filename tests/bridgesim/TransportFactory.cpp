#include "bridgesim/TransportFactory.h"

#include <cctype>
#include <string>

#include "util/Ids.h"

namespace jicofo::bridgesim {

using protocol::jingle::Candidate;
using protocol::jingle::Fingerprint;
using protocol::jingle::Transport;

namespace {

// ice4j wrote its ufrag and pwd as random numbers in base 32 (digits and a-v).
std::string randomBase32(size_t length) {
    static const char* digits = "0123456789abcdefghijklmnopqrstuv";
    std::string hex = util::randomHex(length);
    std::string out;
    out.reserve(length);
    for (size_t i = 0; i < length; ++i) {
        unsigned byte = static_cast<unsigned>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
        out.push_back(digits[byte % 32]);
    }
    return out;
}

std::string makeFingerprint() {
    std::string hex = util::randomHex(20);
    std::string out;
    for (size_t i = 0; i < hex.size(); i += 2) {
        if (!out.empty()) out.push_back(':');
        for (size_t j = i; j < i + 2; ++j) out.push_back(static_cast<char>(std::toupper(hex[j])));
    }
    return out;
}

Candidate hostCandidate(const std::string& ip, uint16_t port, uint32_t component, bool tcp, bool ice) {
    Candidate c;
    c.component = component;
    c.generation = 0;
    c.id = util::randomHex(4);
    c.ip = ip;
    c.port = port;
    c.type = "host";
    if (ice) {
        c.foundation = tcp ? "2" : "1";
        c.network = 0;
        c.priority = TransportFactory::hostPriority(tcp, component);
        c.protocol = tcp ? "tcp" : "udp";
        if (tcp) c.tcptype = "passive";
    }
    return c;
}

}  // namespace

TransportFactory::TransportFactory(const BridgeConfig& config)
    : config_(config), fingerprint_(makeFingerprint()) {}

uint32_t TransportFactory::hostPriority(bool tcp, uint32_t component) {
    uint32_t typePreference = tcp ? 100 : 126;
    return (typePreference << 24) + (65535u << 8) + (256 - component);
}

uint16_t TransportFactory::nextPort() {
    uint32_t range = config_.portRange ? config_.portRange : 1;
    uint32_t port = config_.firstPort + (portOffset_++ % range);
    return static_cast<uint16_t>(port > 65535 ? config_.firstPort : port);
}

Transport TransportFactory::create(Transport::Kind kind, int components, bool rtcpMux) {
    Transport t;
    t.kind = kind;
    bool ice = kind == Transport::Kind::IceUdp;
    if (ice) {
        t.ufrag = randomBase32(14);
        t.pwd = randomBase32(26);
    }
    t.rtcpMux = rtcpMux;
    Fingerprint f;
    f.hash = "sha-1";
    f.value = fingerprint_;
    t.fingerprints.push_back(std::move(f));
    for (int c = 1; c <= components; ++c)
        t.candidates.push_back(hostCandidate(config_.localAddress, nextPort(), c, false, ice));
    // The TCP harvester shared one port between all transports (ICE-TCP demultiplexes by ufrag).
    if (ice && config_.tcpPort != 0)
        for (int c = 1; c <= components; ++c)
            t.candidates.push_back(hostCandidate(config_.localAddress, config_.tcpPort, c, true, ice));
    return t;
}

void mergeRemoteTransport(Transport& stored, const Transport& incoming) {
    stored.kind = incoming.kind;
    if (!incoming.ufrag.empty()) stored.ufrag = incoming.ufrag;
    if (!incoming.pwd.empty()) stored.pwd = incoming.pwd;
    if (incoming.rtcpMux) stored.rtcpMux = true;
    if (!incoming.fingerprints.empty()) stored.fingerprints = incoming.fingerprints;
    for (const auto& c : incoming.candidates) {
        if (c.generation.value_or(0) != 0) continue;
        if (stored.rtcpMux && c.component != 1) continue;
        bool known = false;
        for (const auto& s : stored.candidates)
            known = known || (s.component == c.component && s.protocol == c.protocol && s.ip == c.ip &&
                              s.port == c.port);
        if (!known) stored.candidates.push_back(c);
    }
}

}  // namespace jicofo::bridgesim
