#include "support/BridgeSimProcess.h"

#include <csignal>
#include <stdexcept>

#include "protocol/stanza/Namespaces.h"

namespace jicofo::test {

using protocol::IqType;

BridgeSimProcess::BridgeSimProcess(const ProsodyFixture& prosody) : BridgeSimProcess(prosody, Options{}) {}

BridgeSimProcess::BridgeSimProcess(const ProsodyFixture& prosody, Options options) {
    jid_ = *util::Jid::parse(options.subdomain + "." + prosody.domain());
    std::vector<std::string> args = {
        "--host=" + prosody.host(),
        "--port=" + std::to_string(prosody.componentPort()),
        "--domain=" + prosody.domain(),
        "--subdomain=" + options.subdomain,
        "--secret=" + (options.secret.empty() ? prosody.bridgeSecret() : options.secret),
        "--log-level=" + options.logLevel};
    args.insert(args.end(), options.extraArgs.begin(), options.extraArgs.end());
    sim_ = std::make_unique<SimProcess>(prosody, "bridgesim", args, jid_);
}

BridgeSimProcess::~BridgeSimProcess() = default;

std::string BridgeSimProcess::binaryPath() {
    return SimProcess::binaryPath("bridgesim");
}

bool BridgeSimProcess::waitReady(int connections, int timeoutMs) {
    return sim_->waitLine("bridgesim: connected as " + jid_.str(), connections, timeoutMs);
}

void BridgeSimProcess::stop() {
    sim_->stop();
}

void BridgeSimProcess::kill() {
    sim_->kill();
}

void BridgeSimProcess::pause() {
    ::kill(sim_->process().pid(), SIGSTOP);
}

void BridgeSimProcess::resume() {
    ::kill(sim_->process().pid(), SIGCONT);
}

bool BridgeSimProcess::running() {
    return sim_->running();
}

protocol::colibri::Stats BridgeSimProcess::stats(TestEndpoint& via, util::Duration timeout) const {
    auto stats = protocol::colibri::Stats::parse(
        sim_->ask(via, IqType::Get, xml::Element("stats", protocol::ns::kColibri), timeout));
    if (!stats) throw std::runtime_error("bad stats from bridgesim: " + stats.error().text);
    return *stats;
}

bridgesim::LiveListing BridgeSimProcess::listing(TestEndpoint& via, util::Duration timeout) const {
    xml::Element answer = sim_->ask(via, IqType::Get, xml::Element("stats", protocol::ns::kColibri), timeout);
    const xml::Element* live = answer.child("live", bridgesim::kBridgeSimNs);
    if (!live) throw std::runtime_error("bridgesim stats without a listing: " + answer.toString());
    auto listing = bridgesim::LiveListing::parse(*live);
    if (!listing) throw std::runtime_error("bad bridgesim listing: " + listing.error().text);
    return *listing;
}

bool BridgeSimProcess::waitListing(TestEndpoint& via,
                                   const std::function<bool(const bridgesim::LiveListing&)>& pred,
                                   int timeoutMs, bridgesim::LiveListing* last) const {
    return SimProcess::poll<bridgesim::LiveListing>([&] { return listing(via); }, pred, timeoutMs, last);
}

bridgesim::FailureSwitches BridgeSimProcess::control(TestEndpoint& via,
                                                     const bridgesim::ControlRequest& request,
                                                     util::Duration timeout) const {
    auto switches = bridgesim::parseSwitches(sim_->ask(via, IqType::Set, request.toElement(), timeout));
    if (!switches) throw std::runtime_error("bad bridgesim control answer: " + switches.error().text);
    return *switches;
}

}  // namespace jicofo::test
