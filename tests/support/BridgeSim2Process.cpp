#include "support/BridgeSim2Process.h"

#include <chrono>
#include <stdexcept>
#include <thread>

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

BridgeSim2Process::BridgeSim2Process(const ProsodyFixture& prosody, Options options) {
    std::string brewery = options.brewery.empty() ? prosody.breweryRoom() : options.brewery;
    occupant_ = *util::Jid::parse(brewery + "/" + options.nick);
    full_ = util::Jid(options.user, prosody.authDomain(), options.nick);
    std::vector<std::string> args = {binaryPath(),
                                     "--host=" + prosody.host(),
                                     "--port=" + std::to_string(prosody.c2sPort()),
                                     "--domain=" + prosody.authDomain(),
                                     "--user=" + options.user,
                                     "--password=" + options.password,
                                     "--ca-file=" + prosody.certPath(),
                                     "--brewery=" + brewery,
                                     "--nick=" + options.nick,
                                     "--log-level=" + options.logLevel};
    args.insert(args.end(), options.extraArgs.begin(), options.extraArgs.end());
    static int counter = 0;
    std::string logFile = prosody.dir() + "/bridgesim2-" + std::to_string(++counter) + ".log";
    process_ = std::make_unique<Subprocess>(args, logFile);
}

BridgeSim2Process::~BridgeSim2Process() {
    if (process_->running() && !process_->stop(SIGTERM, 5000)) process_->kill();
}

std::string BridgeSim2Process::binaryPath() {
    return std::string(JICOFO_BINARY_DIR) + "/tests/bridgesim2/bridgesim2";
}

bool BridgeSim2Process::waitJoined(int times, int timeoutMs) {
    const std::string line = "bridgesim2: joined the brewery as " + occupant_.str();
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < end) {
        if (countOf(process_->log(), line) >= static_cast<size_t>(times)) return true;
        if (!process_->running()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

void BridgeSim2Process::stop() {
    if (!process_->stop(SIGTERM, 5000)) process_->kill();
}

void BridgeSim2Process::kill() {
    process_->kill();
}

bool BridgeSim2Process::running() {
    return process_->running();
}

xml::Element BridgeSim2Process::ask(TestEndpoint& via, IqType type, xml::Element payload,
                                    util::Duration timeout) const {
    xml::Element reply = via.request(Iq::request(type, full_, std::move(payload)), timeout);
    auto iq = Iq::parse(reply);
    if (!iq || iq->type != IqType::Result || !iq->payload)
        throw std::runtime_error("bridgesim2 " + full_.str() + " answered " + reply.toString());
    return *iq->payload;
}

bridgesim2::Listing BridgeSim2Process::listing(TestEndpoint& via, util::Duration timeout) const {
    auto l = bridgesim2::Listing::parse(
        ask(via, IqType::Get, xml::Element("live", bridgesim2::kBridgeSim2Ns), timeout));
    if (!l) throw std::runtime_error("bad bridgesim2 listing: " + l.error().text);
    return *l;
}

bool BridgeSim2Process::waitListing(TestEndpoint& via,
                                    const std::function<bool(const bridgesim2::Listing&)>& pred,
                                    int timeoutMs, bridgesim2::Listing* last) const {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        bridgesim2::Listing l = listing(via);
        bool ok = pred(l);
        if (last) *last = l;
        if (ok) return true;
        if (std::chrono::steady_clock::now() >= end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

bridgesim2::ControlState BridgeSim2Process::control(TestEndpoint& via,
                                                    const bridgesim2::ControlRequest& request,
                                                    util::Duration timeout) const {
    auto state = bridgesim2::parseState(ask(via, IqType::Set, request.toElement(), timeout));
    if (!state) throw std::runtime_error("bad bridgesim2 control answer: " + state.error().text);
    return *state;
}

}  // namespace jicofo::test
