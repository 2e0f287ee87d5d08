#include "auth/PositionalFormat.h"

#include <cctype>

namespace jicofo::auth {
namespace {

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

util::Result<std::string, PatternError> formatPositional(const std::string& pattern,
                                                         const std::vector<std::string>& args) {
    std::string out;
    size_t next = 0;  // ordinary (non-positional) %s take arguments in turn, as in Java
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            out.push_back(pattern[i]);
            continue;
        }
        size_t j = i + 1;
        size_t index = 0;
        bool positional = false;
        while (j < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[j]))) {
            index = index * 10 + static_cast<size_t>(pattern[j] - '0');
            if (index > 1000) break;
            ++j;
        }
        if (j > i + 1) {
            if (j >= pattern.size() || pattern[j] != '$')
                return PatternError{"unsupported format '" + pattern.substr(i, j - i + 1) + "'"};
            positional = true;
            ++j;
        }
        if (j >= pattern.size()) return PatternError{"pattern ends inside a format specifier"};
        char conversion = pattern[j];
        if (!positional && conversion == '%') {
            out.push_back('%');
        } else if (!positional && conversion == 'n') {
            out.push_back('\n');
        } else if (conversion == 's' || conversion == 'S') {
            size_t arg = positional ? index : ++next;
            if (arg == 0 || arg > args.size())
                return PatternError{"format '" + pattern.substr(i, j - i + 1) + "' refers to argument " +
                                    std::to_string(arg) + " of " + std::to_string(args.size())};
            out += conversion == 'S' ? upper(args[arg - 1]) : args[arg - 1];
        } else {
            return PatternError{"unsupported format '" + pattern.substr(i, j - i + 1) + "'"};
        }
        i = j;
    }
    return out;
}

}  // namespace jicofo::auth
