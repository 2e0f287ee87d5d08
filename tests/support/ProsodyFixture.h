#pragma once
// A real Prosody 0.12 for integration tests (docs/architecture.md §6, level 3), configured from
// resources/prosody/prosody.cfg.lua.template like a Jitsi Meet deployment: DOMAIN (anonymous, BOSH and
// websocket), auth.DOMAIN (focus@auth.DOMAIN registered with a password), conference.DOMAIN (MUC), the
// brewery MUC internal.auth.DOMAIN (modern bridges, registerUser("jvb", authDomain(), pw) first), components
// focus.DOMAIN and jitsi-videobridge.DOMAIN. Runs in a fresh temp dir on free loopback ports, as root or
// not, without systemd. Start it once per test suite (SetUpTestSuite): it takes ~0.3 s.
//
//   static std::unique_ptr<ProsodyFixture> prosody;
//   static void SetUpTestSuite() { prosody = std::make_unique<ProsodyFixture>(); }
//   ... prosody->c2sPort(), prosody->focusSecret(), prosody->logTail() in failure messages ...
//
// The Prosody process is killed if the test process dies (PR_SET_PDEATHSIG), so create the fixture on a
// thread that lives as long as it (the test's main thread).
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace jicofo::test {

class ProsodyFixture {
  public:
    struct Options {
        std::string domain = "example.com";
        std::string logLevel = "info";  // "debug" logs every stanza (slower, but shows the traffic)
        std::string focusUser = "focus";
        std::string focusPassword;  // empty => random
        bool start = true;          // false: prepare everything, call start() yourself
        // The original README's "Secure domain": DOMAIN needs an account (internal_plain, registerUser),
        // guests log in anonymously on guest.DOMAIN (anonymousDomain()).
        bool secureDomain = false;
        // focus.DOMAIN as today's deployments have it: a client_proxy component forwarding to the focus user
        // (resources/prosody/plugins/mod_client_proxy.lua) instead of an XEP-0114 component.
        bool clientProxy = false;
        // Rooms of conference.DOMAIN carry a muc#roominfo_meetingId, as with Jitsi Meet's mod_muc_meeting_id
        // (resources/prosody/plugins/mod_muc_meeting_id.lua).
        bool meetingIds = false;
    };

    ProsodyFixture();
    explicit ProsodyFixture(Options options);
    ~ProsodyFixture();  // kills Prosody, removes the temp dir (kept when JICOFO_KEEP_PROSODY is set)
    ProsodyFixture(const ProsodyFixture&) = delete;
    ProsodyFixture& operator=(const ProsodyFixture&) = delete;

    // Starts Prosody (again, on the same ports and data) and waits until both ports accept. Throws
    // std::runtime_error with the log tail when it does not come up.
    void start();
    // SIGTERM (Prosody closes its streams), then SIGKILL after 5 s.
    void stop();
    // SIGKILL: the server vanishes without closing anything.
    void kill();
    // SIGSTOP / SIGCONT: the server stays connected but silent (keep-alive tests).
    void pause();
    void resume();
    bool running() const { return pid_ > 0; }
    // The Prosody process (benchmarks read its CPU time from /proc); -1 when not running.
    pid_t pid() const { return pid_; }

    // Adds an account with prosodyctl (e.g. registerUser("alice", domain(), "pw")).
    void registerUser(const std::string& user, const std::string& host, const std::string& password);

    const std::string& host() const { return host_; }  // 127.0.0.1
    uint16_t c2sPort() const { return c2sPort_; }
    uint16_t componentPort() const { return componentPort_; }
    // Plain HTTP: BOSH at /http-bind, websocket at /xmpp-websocket, wwwDir() at /files/.
    uint16_t httpPort() const { return httpPort_; }
    std::string boshUrl() const { return "http://" + host_ + ":" + std::to_string(httpPort_) + "/http-bind"; }
    const std::string& domain() const { return options_.domain; }
    std::string authDomain() const { return "auth." + options_.domain; }
    std::string guestDomain() const { return "guest." + options_.domain; }
    // Where anonymous clients log in: guest.DOMAIN with secureDomain, else DOMAIN.
    std::string anonymousDomain() const { return options_.secureDomain ? guestDomain() : options_.domain; }
    std::string mucDomain() const { return "conference." + options_.domain; }
    // The brewery MUC service of modern (Colibri2) bridges and its usual room.
    std::string breweryDomain() const { return "internal.auth." + options_.domain; }
    std::string breweryRoom() const { return "jvbbrewery@" + breweryDomain(); }
    std::string focusComponent() const { return "focus." + options_.domain; }
    std::string bridgeComponent() const { return "jitsi-videobridge." + options_.domain; }
    const std::string& focusSecret() const { return focusSecret_; }
    const std::string& bridgeSecret() const { return bridgeSecret_; }
    const std::string& focusUser() const { return options_.focusUser; }
    const std::string& focusPassword() const { return options_.focusPassword; }

    const std::string& dir() const { return dir_; }
    // Empty at first; what is put there later is served at http://127.0.0.1:httpPort()/files/.
    std::string wwwDir() const { return dir_ + "/www"; }
    const std::string& configPath() const { return configPath_; }
    const std::string& certPath() const { return certPath_; }  // self-signed, usable as a CA file
    const std::string& keyPath() const { return keyPath_; }
    std::string logPath() const { return dir_ + "/prosody.log"; }
    // The last `bytes` of Prosody's log and console output, for failure messages.
    std::string logTail(size_t bytes = 6000) const;

  private:
    void prepare();
    void writeConfig();
    void makeSecure(std::string& text);
    void makeClientProxy(std::string& text);
    void addMeetingIds(std::string& text);
    void makeCertificate();
    bool waitReady();
    int runTool(const std::vector<std::string>& argv, const std::string& outFile);
    void signal(int sig);

    Options options_;
    std::string host_ = "127.0.0.1";
    uint16_t c2sPort_ = 0, componentPort_ = 0, httpPort_ = 0;
    std::string focusSecret_, bridgeSecret_;
    std::string dir_, configPath_, certPath_, keyPath_;
    pid_t pid_ = -1;
};

}  // namespace jicofo::test
