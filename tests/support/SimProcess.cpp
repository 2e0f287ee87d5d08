#include "support/SimProcess.h"

#include <csignal>
#include <map>
#include <stdexcept>

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

SimProcess::SimProcess(const ProsodyFixture& prosody, const std::string& program,
                       const std::vector<std::string>& args, util::Jid askJid)
    : program_(program), askJid_(std::move(askJid)) {
    std::vector<std::string> command = {binaryPath(program)};
    command.insert(command.end(), args.begin(), args.end());
    static std::map<std::string, int> counters;  // one log file per start, per program
    std::string logFile = prosody.dir() + "/" + program + "-" + std::to_string(++counters[program]) + ".log";
    process_ = std::make_unique<Subprocess>(command, logFile);
}

SimProcess::~SimProcess() {
    if (process_->running() && !process_->stop(SIGTERM, 5000)) process_->kill();
}

std::string SimProcess::binaryPath(const std::string& program) {
    return std::string(JICOFO_BINARY_DIR) + "/tests/" + program + "/" + program;
}

bool SimProcess::waitLine(const std::string& line, int times, int timeoutMs) {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < end) {
        if (countOf(process_->log(), line) >= static_cast<size_t>(times)) return true;
        if (!process_->running()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

void SimProcess::stop() {
    if (!process_->stop(SIGTERM, 5000)) process_->kill();
}

void SimProcess::kill() {
    process_->kill();
}

bool SimProcess::running() {
    return process_->running();
}

xml::Element SimProcess::ask(TestEndpoint& via, IqType type, xml::Element payload,
                             util::Duration timeout) const {
    xml::Element reply = via.request(Iq::request(type, askJid_, std::move(payload)), timeout);
    auto iq = Iq::parse(reply);
    if (!iq || iq->type != IqType::Result || !iq->payload)
        throw std::runtime_error(program_ + " " + askJid_.str() + " answered " + reply.toString());
    return *iq->payload;
}

}  // namespace jicofo::test
