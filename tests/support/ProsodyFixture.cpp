#include "support/ProsodyFixture.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "util/Ids.h"

namespace jicofo::test {
namespace {

using namespace std::chrono_literals;

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

// Spawns argv with stdout/stderr appended to outFile. The child dies with the test process.
pid_t spawn(const std::vector<std::string>& argv, const std::string& outFile) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        // Only async-signal-safe calls between fork and exec.
        int fd = open(outFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
        execvp(args[0], args.data());
        _exit(127);
    }
    return pid;
}

bool accepts(const std::string& host, uint16_t port) {
    try {
        Poco::Net::StreamSocket s;
        s.connect(Poco::Net::SocketAddress(host, port), Poco::Timespan(0, 200000));
        return true;
    } catch (const Poco::Exception&) {
        return false;
    }
}

}  // namespace

ProsodyFixture::ProsodyFixture() : ProsodyFixture(Options()) {}

ProsodyFixture::ProsodyFixture(Options options) : options_(std::move(options)) {
    if (options_.focusPassword.empty()) options_.focusPassword = util::randomHex(12);
    focusSecret_ = util::randomHex(12);
    bridgeSecret_ = util::randomHex(12);
    prepare();
    if (options_.start) start();
}

ProsodyFixture::~ProsodyFixture() {
    if (pid_ > 0) kill();
    if (!dir_.empty() && !std::getenv("JICOFO_KEEP_PROSODY")) {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
}

void ProsodyFixture::prepare() {
    char tmpl[] = "/tmp/jicofo-prosody-XXXXXX";
    if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    configPath_ = dir_ + "/prosody.cfg.lua";
    certPath_ = dir_ + "/" + options_.domain + ".crt";
    keyPath_ = dir_ + "/" + options_.domain + ".key";
    {
        // All sockets open at once so the ports differ; Prosody binds them right after.
        Poco::Net::ServerSocket a(Poco::Net::SocketAddress(host_, 0)), b(Poco::Net::SocketAddress(host_, 0)),
            c(Poco::Net::SocketAddress(host_, 0));
        c2sPort_ = a.address().port();
        componentPort_ = b.address().port();
        httpPort_ = c.address().port();
    }
    std::filesystem::create_directory(wwwDir());
    makeCertificate();
    writeConfig();
    registerUser(options_.focusUser, authDomain(), options_.focusPassword);
}

void ProsodyFixture::makeCertificate() {
    const std::string& d = options_.domain;
    // EC keys: generated in milliseconds, unlike RSA.
    int rc = runTool({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                      "-nodes", "-days", "2", "-subj", "/CN=" + d, "-addext",
                      "subjectAltName=DNS:" + d + ",DNS:auth." + d + ",DNS:*." + d, "-keyout", keyPath_,
                      "-out", certPath_},
                     dir_ + "/openssl.out");
    if (rc != 0) throw std::runtime_error("openssl req failed: " + readFile(dir_ + "/openssl.out"));
}

void ProsodyFixture::writeConfig() {
    std::string text = readFile(JICOFO_SOURCE_DIR "/resources/prosody/prosody.cfg.lua.template");
    if (text.empty()) throw std::runtime_error("cannot read resources/prosody/prosody.cfg.lua.template");
    if (options_.secureDomain) makeSecure(text);
    if (options_.clientProxy) makeClientProxy(text);
    if (options_.meetingIds) addMeetingIds(text);
    replaceAll(text, "@DOMAIN@", options_.domain);
    replaceAll(text, "@C2S_PORT@", std::to_string(c2sPort_));
    replaceAll(text, "@COMPONENT_PORT@", std::to_string(componentPort_));
    replaceAll(text, "@HTTP_PORT@", std::to_string(httpPort_));
    replaceAll(text, "@WWW_DIR@", wwwDir());
    replaceAll(text, "@DATA_DIR@", dir_);
    replaceAll(text, "@FOCUS_SECRET@", focusSecret_);
    replaceAll(text, "@JVB_SECRET@", bridgeSecret_);
    replaceAll(text, "@CERT@", certPath_);
    replaceAll(text, "@KEY@", keyPath_);
    replaceAll(text, "@LOG_LEVEL@", options_.logLevel);
    std::ofstream(configPath_) << text;
}

void ProsodyFixture::makeSecure(std::string& text) {
    // The users' domain of the template asks for a password instead, and guests get their own domain.
    const std::string users = "VirtualHost \"@DOMAIN@\"\n    authentication = \"anonymous\"";
    const std::string muc = "Component \"conference.@DOMAIN@\"";
    auto at = text.find(users);
    if (at == std::string::npos || text.find(muc) == std::string::npos)
        throw std::runtime_error("prosody.cfg.lua.template changed: cannot make the secure-domain variant");
    text.replace(at, users.size(), "VirtualHost \"@DOMAIN@\"\n    authentication = \"internal_plain\"");
    text.insert(text.find(muc),
                "-- Secure domain: guests join existing rooms anonymously here.\n"
                "VirtualHost \"guest.@DOMAIN@\"\n"
                "    authentication = \"anonymous\"\n"
                "    ssl = {\n        certificate = \"@CERT@\";\n        key = \"@KEY@\";\n    }\n\n");
}

void ProsodyFixture::makeClientProxy(std::string& text) {
    const std::string component = "Component \"focus.@DOMAIN@\"\n    component_secret = \"@FOCUS_SECRET@\"";
    auto at = text.find(component);
    if (at == std::string::npos)
        throw std::runtime_error("prosody.cfg.lua.template changed: cannot make the client_proxy variant");
    text.replace(at, component.size(),
                 "Component \"focus.@DOMAIN@\" \"client_proxy\"\n"
                 "    target_address = \"" +
                     options_.focusUser + "@auth.@DOMAIN@\"");
    text.insert(0, "plugin_paths = { \"" JICOFO_SOURCE_DIR "/resources/prosody/plugins\" }\n");
}

void ProsodyFixture::addMeetingIds(std::string& text) {
    const std::string muc = "Component \"conference.@DOMAIN@\" \"muc\"\n";
    auto at = text.find(muc);
    if (at == std::string::npos)
        throw std::runtime_error("prosody.cfg.lua.template changed: cannot add mod_muc_meeting_id");
    text.insert(at + muc.size(), "    modules_enabled = { \"muc_meeting_id\" }\n");
    const std::string paths = "plugin_paths = { \"" JICOFO_SOURCE_DIR "/resources/prosody/plugins\" }\n";
    if (text.find(paths) == std::string::npos) text.insert(0, paths);
}

int ProsodyFixture::runTool(const std::vector<std::string>& argv, const std::string& outFile) {
    pid_t pid = spawn(argv, outFile);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void ProsodyFixture::registerUser(const std::string& user, const std::string& host,
                                  const std::string& password) {
    int rc = runTool({"prosodyctl", "--config", configPath_, "register", user, host, password},
                     dir_ + "/prosodyctl.out");
    if (rc != 0)
        throw std::runtime_error("prosodyctl register " + user + "@" + host +
                                 " failed: " + readFile(dir_ + "/prosodyctl.out"));
}

void ProsodyFixture::start() {
    if (pid_ > 0) return;
    // -F: stay in the foreground as our child, whatever the config says.
    pid_ = spawn({"prosody", "-F", "--config", configPath_}, dir_ + "/prosody.out");
    if (!waitReady()) {
        std::string tail = logTail();
        kill();
        throw std::runtime_error("Prosody did not start on ports " + std::to_string(c2sPort_) + "/" +
                                 std::to_string(componentPort_) + ":\n" + tail);
    }
}

bool ProsodyFixture::waitReady() {
    auto until = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < until) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return false;
        }
        if (accepts(host_, c2sPort_) && accepts(host_, componentPort_) && accepts(host_, httpPort_))
            return true;
        std::this_thread::sleep_for(10ms);
    }
    return false;
}

void ProsodyFixture::signal(int sig) {
    if (pid_ > 0) ::kill(pid_, sig);
}

void ProsodyFixture::stop() {
    if (pid_ <= 0) return;
    signal(SIGTERM);
    signal(SIGCONT);  // a paused Prosody handles SIGTERM only once it runs again
    auto until = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < until) {
        if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
            pid_ = -1;
            return;
        }
        std::this_thread::sleep_for(10ms);
    }
    kill();
}

void ProsodyFixture::kill() {
    if (pid_ <= 0) return;
    signal(SIGKILL);
    while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
}

void ProsodyFixture::pause() {
    signal(SIGSTOP);
}

void ProsodyFixture::resume() {
    signal(SIGCONT);
}

std::string ProsodyFixture::logTail(size_t bytes) const {
    std::string out;
    for (const char* name : {"/prosody.out", "/prosody.log"}) {
        std::string text = readFile(dir_ + name);
        if (text.size() > bytes) text = "..." + text.substr(text.size() - bytes);
        if (!text.empty()) out += std::string("--- ") + name + "\n" + text + "\n";
    }
    return out;
}

}  // namespace jicofo::test
