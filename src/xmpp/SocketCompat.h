#pragma once
// The few socket calls Connection makes on its raw descriptor, the same on POSIX and on Windows (Winsock,
// mingw-w64 builds of the dist.win/dist.win64 archives). Winsock reports errors through WSAGetLastError,
// names poll() WSAPoll, has no SIGPIPE and no MSG_NOSIGNAL; everything else is the BSD API.
#include <string>

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#endif

namespace jicofo::xmpp::sock {

#ifdef _WIN32
constexpr int kNoSignal = 0;  // Winsock never raises a signal on a reset connection
constexpr int kShutdownBoth = SD_BOTH;
using Length = int;
inline int lastError() {
    return WSAGetLastError();
}
inline bool wouldBlock(int err) {
    return err == WSAEWOULDBLOCK;
}
inline bool interrupted(int err) {
    return err == WSAEINTR;
}
inline int pollOne(pollfd& p, int timeoutMs) {
    return WSAPoll(&p, 1, timeoutMs);
}
inline int sendSome(int fd, const char* data, size_t size, int flags) {
    return ::send(static_cast<SOCKET>(fd), data, static_cast<int>(size), flags);
}
inline int recvSome(int fd, char* buf, size_t capacity) {
    return ::recv(static_cast<SOCKET>(fd), buf, static_cast<int>(capacity), 0);
}
inline int pendingError(int fd, int& err) {
    Length len = sizeof err;
    return getsockopt(static_cast<SOCKET>(fd), SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&err), &len);
}
inline void shutdownBoth(int fd) {
    ::shutdown(static_cast<SOCKET>(fd), SD_BOTH);
}
inline void ignoreSigpipe() {}
inline std::string errorText(int err) {
    char buf[256] = {0};
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
                             static_cast<DWORD>(err), 0, buf, sizeof buf, nullptr);
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == '.')) buf[--n] = 0;
    return n > 0 ? std::string(buf, n) : "socket error " + std::to_string(err);
}
#else
#ifdef MSG_NOSIGNAL
constexpr int kNoSignal = MSG_NOSIGNAL;
#else
constexpr int kNoSignal = 0;  // macOS: no such flag; ignoreSigpipe() covers plain writes too
#endif
inline int lastError() {
    return errno;
}
inline bool wouldBlock(int err) {
    return err == EAGAIN || err == EWOULDBLOCK;
}
inline bool interrupted(int err) {
    return err == EINTR;
}
inline int pollOne(pollfd& p, int timeoutMs) {
    return ::poll(&p, 1, timeoutMs);
}
inline long sendSome(int fd, const char* data, size_t size, int flags) {
    return ::send(fd, data, size, flags);
}
inline long recvSome(int fd, char* buf, size_t capacity) {
    return ::recv(fd, buf, capacity, 0);
}
inline int pendingError(int fd, int& err) {
    socklen_t len = sizeof err;
    return getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
}
inline void shutdownBoth(int fd) {
    ::shutdown(fd, SHUT_RDWR);
}
// OpenSSL writes to the socket with write(), which raises SIGPIPE on a connection the peer reset; that
// must not kill the process. Plain writes use MSG_NOSIGNAL.
inline void ignoreSigpipe() {
    std::signal(SIGPIPE, SIG_IGN);
}
inline std::string errorText(int err) {
    return std::strerror(err);
}
#endif

}  // namespace jicofo::xmpp::sock
