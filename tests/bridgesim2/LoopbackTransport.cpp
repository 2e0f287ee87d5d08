#include "bridgesim2/LoopbackTransport.h"

#include <cctype>

#include "bridgesim/TransportFactory.h"
#include "protocol/colibri2/Colibri2Namespaces.h"
#include "util/Ids.h"

namespace jicofo::bridgesim2 {

using protocol::jingle::Candidate;
using protocol::jingle::Fingerprint;
using protocol::jingle::Transport;

namespace {

std::string colonHexUpper(size_t bytes) {
    std::string hex = util::randomHex(bytes);
    std::string out;
    for (size_t i = 0; i < hex.size(); i += 2) {
        if (!out.empty()) out.push_back(':');
        out.push_back(static_cast<char>(std::toupper(hex[i])));
        out.push_back(static_cast<char>(std::toupper(hex[i + 1])));
    }
    return out;
}

}  // namespace

LoopbackTransport::LoopbackTransport(TransportSettings settings)
    : settings_(std::move(settings)), fingerprint_(colonHexUpper(32)) {}

uint16_t LoopbackTransport::nextPort() {
    uint32_t range = settings_.portRange ? settings_.portRange : 1;
    uint32_t port = settings_.firstPort + (portOffset_++ % range);
    return static_cast<uint16_t>(port > 65535 ? settings_.firstPort : port);
}

Transport LoopbackTransport::create(const std::string& meetingId, const std::string& endpointId) {
    Transport t;
    t.ufrag = util::randomHex(7);
    t.pwd = util::randomHex(13);
    t.rtcpMux = true;
    Fingerprint f;
    f.hash = "sha-256";
    f.setup = "actpass";
    f.value = fingerprint_;
    t.fingerprints.push_back(std::move(f));
    Candidate c;
    c.component = 1;
    c.foundation = "1";
    c.generation = 0;
    c.id = util::randomHex(8);
    c.network = 0;
    c.priority = bridgesim::TransportFactory::hostPriority(false, 1);
    c.protocol = "udp";
    c.type = "host";
    c.ip = settings_.localAddress;
    c.port = nextPort();
    t.candidates.push_back(std::move(c));
    if (!settings_.webSocketBase.empty()) {
        xml::Element ws("web-socket", protocol::colibri2::ns::kColibri);
        ws.setAttr("url", settings_.webSocketBase + "/" + meetingId + "/" + endpointId + "?pwd=" + t.pwd);
        t.extraChildren.push_back(std::move(ws));
    }
    return t;
}

}  // namespace jicofo::bridgesim2
