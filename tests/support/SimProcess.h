#pragma once
// What BridgeSimProcess and BridgeSim2Process share: a bridge simulator program (tests/bridgesim,
// tests/bridgesim2) run as a subprocess with its log in the Prosody fixture's folder, stopped on
// destruction (SIGTERM, SIGKILL after 5 s), waited for by its log lines, and asked IQs through any
// logged-in test endpoint.
//
//   SimProcess sim(prosody, "bridgesim2", {"--nick=jvb1", …}, fullJid);
//   sim.waitLine("bridgesim2: joined the brewery as " + occupant, 1, 10000);
//   xml::Element answer = sim.ask(*client, protocol::IqType::Get, payload, timeout);
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "protocol/stanza/Stanza.h"
#include "support/ProsodyFixture.h"
#include "support/Subprocess.h"
#include "support/TestEndpoint.h"

namespace jicofo::test {

class SimProcess {
  public:
    // program: its name (bridgesim, bridgesim2), also its folder under tests/; args: its flags; askJid: where
    // ask() sends IQs.
    SimProcess(const ProsodyFixture& prosody, const std::string& program,
               const std::vector<std::string>& args, util::Jid askJid);
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    // JICOFO_BINARY_DIR/tests/PROGRAM/PROGRAM.
    static std::string binaryPath(const std::string& program);

    // Waits until the log holds `line` `times` times; false on timeout or when the process exited.
    bool waitLine(const std::string& line, int times, int timeoutMs);
    void stop();  // SIGTERM, SIGKILL after 5 s
    void kill();  // SIGKILL
    bool running();
    std::string log() const { return process_->log(); }
    Subprocess& process() { return *process_; }

    // An IQ to askJid; its result's payload, or std::runtime_error naming the program and the answer.
    xml::Element ask(TestEndpoint& via, protocol::IqType type, xml::Element payload,
                     util::Duration timeout) const;

    // Calls get() every 50 ms until pred holds on its value; false on timeout (the last value is in *last).
    template <typename T>
    static bool poll(const std::function<T()>& get, const std::function<bool(const T&)>& pred, int timeoutMs,
                     T* last) {
        auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        for (;;) {
            T value = get();
            bool ok = pred(value);
            if (last) *last = value;
            if (ok) return true;
            if (std::chrono::steady_clock::now() >= end) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }

  private:
    std::string program_;
    util::Jid askJid_;
    std::unique_ptr<Subprocess> process_;
};

}  // namespace jicofo::test
