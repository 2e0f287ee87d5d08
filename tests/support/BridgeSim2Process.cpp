#include "support/BridgeSim2Process.h"

#include <stdexcept>

namespace jicofo::test {

using protocol::IqType;

BridgeSim2Process::BridgeSim2Process(const ProsodyFixture& prosody, Options options) {
    std::string brewery = options.brewery.empty() ? prosody.breweryRoom() : options.brewery;
    occupant_ = *util::Jid::parse(brewery + "/" + options.nick);
    full_ = util::Jid(options.user, prosody.authDomain(), options.nick);
    std::vector<std::string> args = {"--host=" + prosody.host(),
                                     "--port=" + std::to_string(prosody.c2sPort()),
                                     "--domain=" + prosody.authDomain(),
                                     "--user=" + options.user,
                                     "--password=" + options.password,
                                     "--ca-file=" + prosody.certPath(),
                                     "--brewery=" + brewery,
                                     "--nick=" + options.nick,
                                     "--log-level=" + options.logLevel};
    args.insert(args.end(), options.extraArgs.begin(), options.extraArgs.end());
    sim_ = std::make_unique<SimProcess>(prosody, "bridgesim2", args, full_);
}

BridgeSim2Process::~BridgeSim2Process() = default;

std::string BridgeSim2Process::binaryPath() {
    return SimProcess::binaryPath("bridgesim2");
}

bool BridgeSim2Process::waitJoined(int times, int timeoutMs) {
    return sim_->waitLine("bridgesim2: joined the brewery as " + occupant_.str(), times, timeoutMs);
}

void BridgeSim2Process::stop() {
    sim_->stop();
}

void BridgeSim2Process::kill() {
    sim_->kill();
}

bool BridgeSim2Process::running() {
    return sim_->running();
}

bridgesim2::Listing BridgeSim2Process::listing(TestEndpoint& via, util::Duration timeout) const {
    auto l = bridgesim2::Listing::parse(
        sim_->ask(via, IqType::Get, xml::Element("live", bridgesim2::kBridgeSim2Ns), timeout));
    if (!l) throw std::runtime_error("bad bridgesim2 listing: " + l.error().text);
    return *l;
}

bool BridgeSim2Process::waitListing(TestEndpoint& via,
                                    const std::function<bool(const bridgesim2::Listing&)>& pred,
                                    int timeoutMs, bridgesim2::Listing* last) const {
    return SimProcess::poll<bridgesim2::Listing>([&] { return listing(via); }, pred, timeoutMs, last);
}

bridgesim2::ControlState BridgeSim2Process::control(TestEndpoint& via,
                                                    const bridgesim2::ControlRequest& request,
                                                    util::Duration timeout) const {
    auto state = bridgesim2::parseState(sim_->ask(via, IqType::Set, request.toElement(), timeout));
    if (!state) throw std::runtime_error("bad bridgesim2 control answer: " + state.error().text);
    return *state;
}

}  // namespace jicofo::test
