#include "support/BridgeSimProcess.h"

#include <chrono>
#include <stdexcept>
#include <thread>

#include "protocol/stanza/Namespaces.h"

namespace jicofo::test {

using protocol::Iq;
using protocol::IqType;

namespace {

size_t countOf(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

}  // namespace

BridgeSimProcess::BridgeSimProcess(const ProsodyFixture& prosody) : BridgeSimProcess(prosody, Options{}) {}

BridgeSimProcess::BridgeSimProcess(const ProsodyFixture& prosody, Options options) {
    jid_ = *util::Jid::parse(options.subdomain + "." + prosody.domain());
    std::vector<std::string> args = {
        binaryPath(),
        "--host=" + prosody.host(),
        "--port=" + std::to_string(prosody.componentPort()),
        "--domain=" + prosody.domain(),
        "--subdomain=" + options.subdomain,
        "--secret=" + (options.secret.empty() ? prosody.bridgeSecret() : options.secret),
        "--log-level=" + options.logLevel};
    args.insert(args.end(), options.extraArgs.begin(), options.extraArgs.end());
    static int counter = 0;
    std::string logFile = prosody.dir() + "/bridgesim-" + std::to_string(++counter) + ".log";
    process_ = std::make_unique<Subprocess>(args, logFile);
}

BridgeSimProcess::~BridgeSimProcess() {
    if (process_->running() && !process_->stop(SIGTERM, 5000)) process_->kill();
}

std::string BridgeSimProcess::binaryPath() {
    return std::string(JICOFO_BINARY_DIR) + "/tests/bridgesim/bridgesim";
}

bool BridgeSimProcess::waitReady(int connections, int timeoutMs) {
    const std::string line = "bridgesim: connected as " + jid_.str();
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < end) {
        if (countOf(process_->log(), line) >= static_cast<size_t>(connections)) return true;
        if (!process_->running()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

void BridgeSimProcess::stop() {
    if (!process_->stop(SIGTERM, 5000)) process_->kill();
}

void BridgeSimProcess::kill() {
    process_->kill();
}

void BridgeSimProcess::pause() {
    ::kill(process_->pid(), SIGSTOP);
}

void BridgeSimProcess::resume() {
    ::kill(process_->pid(), SIGCONT);
}

bool BridgeSimProcess::running() {
    return process_->running();
}

xml::Element BridgeSimProcess::ask(TestEndpoint& via, IqType type, xml::Element payload,
                                   util::Duration timeout) const {
    xml::Element reply = via.request(Iq::request(type, jid_, std::move(payload)), timeout);
    auto iq = Iq::parse(reply);
    if (!iq || iq->type != IqType::Result || !iq->payload)
        throw std::runtime_error("bridgesim " + jid_.str() + " answered " + reply.toString());
    return *iq->payload;
}

protocol::colibri::Stats BridgeSimProcess::stats(TestEndpoint& via, util::Duration timeout) const {
    auto stats = protocol::colibri::Stats::parse(
        ask(via, IqType::Get, xml::Element("stats", protocol::ns::kColibri), timeout));
    if (!stats) throw std::runtime_error("bad stats from bridgesim: " + stats.error().text);
    return *stats;
}

bridgesim::LiveListing BridgeSimProcess::listing(TestEndpoint& via, util::Duration timeout) const {
    xml::Element answer = ask(via, IqType::Get, xml::Element("stats", protocol::ns::kColibri), timeout);
    const xml::Element* live = answer.child("live", bridgesim::kBridgeSimNs);
    if (!live) throw std::runtime_error("bridgesim stats without a listing: " + answer.toString());
    auto listing = bridgesim::LiveListing::parse(*live);
    if (!listing) throw std::runtime_error("bad bridgesim listing: " + listing.error().text);
    return *listing;
}

bool BridgeSimProcess::waitListing(TestEndpoint& via,
                                   const std::function<bool(const bridgesim::LiveListing&)>& pred,
                                   int timeoutMs, bridgesim::LiveListing* last) const {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        bridgesim::LiveListing l = listing(via);
        bool ok = pred(l);
        if (last) *last = l;
        if (ok) return true;
        if (std::chrono::steady_clock::now() >= end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

bridgesim::FailureSwitches BridgeSimProcess::control(TestEndpoint& via,
                                                     const bridgesim::ControlRequest& request,
                                                     util::Duration timeout) const {
    auto switches = bridgesim::parseSwitches(ask(via, IqType::Set, request.toElement(), timeout));
    if (!switches) throw std::runtime_error("bad bridgesim control answer: " + switches.error().text);
    return *switches;
}

}  // namespace jicofo::test
