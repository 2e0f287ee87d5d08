#include "app/WindowsService.h"

#ifdef _WIN32
#include <Poco/Error.h>
#include <Poco/UnicodeConverter.h>
#include <windows.h>

#include <vector>

namespace jicofo::app {

std::string executablePath() {
    std::vector<wchar_t> buf(MAX_PATH);
    for (;;) {
        DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
        if (n == 0) return {};
        if (n < buf.size()) {
            std::string out;
            Poco::UnicodeConverter::toUTF8(std::wstring(buf.data(), n), out);
            return out;
        }
        buf.resize(buf.size() * 2);  // truncated: a long path
    }
}

std::optional<std::string> setServiceCommandLine(const std::string& name, const std::string& commandLine) {
    std::wstring wname, wcommand;
    Poco::UnicodeConverter::toUTF16(name, wname);
    Poco::UnicodeConverter::toUTF16(commandLine, wcommand);
    SC_HANDLE manager = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
    if (!manager) return "cannot open the service manager: " + Poco::Error::getMessage(Poco::Error::last());
    std::optional<std::string> error;
    SC_HANDLE service = OpenServiceW(manager, wname.c_str(), SERVICE_CHANGE_CONFIG);
    if (!service) {
        error = "cannot open service " + name + ": " + Poco::Error::getMessage(Poco::Error::last());
    } else {
        if (!ChangeServiceConfigW(service, SERVICE_NO_CHANGE, SERVICE_NO_CHANGE, SERVICE_NO_CHANGE,
                                  wcommand.c_str(), nullptr, nullptr, nullptr, nullptr, nullptr, nullptr))
            error = "cannot set the command line of service " + name + ": " +
                    Poco::Error::getMessage(Poco::Error::last());
        CloseServiceHandle(service);
    }
    CloseServiceHandle(manager);
    return error;
}

}  // namespace jicofo::app
#endif  // _WIN32
