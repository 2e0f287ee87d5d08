#include "config/PropertiesFile.h"

#include <optional>

namespace jicofo::config {
namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
}

// Splits the text into logical lines as java.util.Properties.LineReader does: blank and comment lines
// skipped, continuation backslashes removed. `startLine` receives the 1-based line the logical line starts
// on.
class LineReader {
  public:
    explicit LineReader(std::string_view text) : text_(text) {}

    std::optional<std::string> next(int& startLine) {
        std::string line;
        bool skipBlank = true, newLine = true, comment = false, appended = false, backslash = false;
        for (; pos_ < text_.size(); ++pos_) {
            char c = text_[pos_];
            if (skipBlank) {
                if (isBlank(c)) continue;
                if (!appended && (c == '\r' || c == '\n')) {
                    countEol(c);
                    continue;
                }
                skipBlank = appended = false;
            }
            if (newLine) {
                newLine = false;
                startLine = line_;
                if (c == '#' || c == '!') comment = true;
            }
            if (c != '\n' && c != '\r') {
                line.push_back(c);
                backslash = (c == '\\') ? !backslash : false;
                continue;
            }
            countEol(c);
            if (comment || line.empty()) {
                comment = false, newLine = true, skipBlank = true;
                line.clear();
                continue;
            }
            if (!backslash) {
                ++pos_;
                return line;
            }
            line.pop_back();  // the continuation backslash
            skipBlank = appended = true;
            backslash = false;
        }
        if (line.empty() || comment) return std::nullopt;
        if (backslash) line.pop_back();  // as Java: a backslash at the very end is dropped
        return line;
    }

  private:
    // Counts "\r\n" as one line end by swallowing the '\n' here.
    void countEol(char c) {
        ++line_;
        if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    }

    std::string_view text_;
    size_t pos_ = 0;
    int line_ = 1;
};

void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Reads the 4 hex digits after "\u" at s[i..]; advances i.
std::optional<unsigned> hex4(std::string_view s, size_t& i) {
    if (i + 4 > s.size()) return std::nullopt;
    unsigned v = 0;
    for (size_t k = 0; k < 4; ++k) {
        char c = s[i + k];
        int d = (c >= '0' && c <= '9')   ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : -1;
        if (d < 0) return std::nullopt;
        v = v * 16 + static_cast<unsigned>(d);
    }
    i += 4;
    return v;
}

// Java's loadConvert. Returns nothing on a malformed \uXXXX.
std::optional<std::string> unescape(std::string_view s) {
    std::string out;
    unsigned highSurrogate = 0;  // 0: none pending (a real one is 0xD800..0xDBFF)
    for (size_t i = 0; i < s.size();) {
        char c = s[i++];
        unsigned cp = static_cast<unsigned char>(c);
        bool isUnit = false;  // a UTF-16 code unit from \uXXXX, not a raw byte
        if (c == '\\' && i < s.size()) {
            c = s[i++];
            if (c == 'u') {
                auto v = hex4(s, i);
                if (!v) return std::nullopt;
                cp = *v, isUnit = true;
            } else {
                cp = static_cast<unsigned char>(c == 't'   ? '\t'
                                                : c == 'n' ? '\n'
                                                : c == 'r' ? '\r'
                                                : c == 'f' ? '\f'
                                                           : c);
            }
        }
        if (highSurrogate) {
            if (isUnit && cp >= 0xDC00 && cp <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((highSurrogate - 0xD800) << 10) + (cp - 0xDC00));
                highSurrogate = 0;
                continue;
            }
            appendUtf8(out, 0xFFFD);  // an unpaired surrogate has no UTF-8 form
            highSurrogate = 0;
        }
        if (!isUnit)
            out.push_back(static_cast<char>(cp));
        else if (cp >= 0xD800 && cp <= 0xDBFF)
            highSurrogate = cp;
        else
            appendUtf8(out, (cp >= 0xDC00 && cp <= 0xDFFF) ? 0xFFFD : cp);
    }
    if (highSurrogate) appendUtf8(out, 0xFFFD);
    return out;
}

// Java's key/value split: the key ends at the first unescaped '=', ':' or blank; then blanks, at most one '='
// or ':', and blanks again are skipped.
void splitKeyValue(std::string_view line, std::string_view& key, std::string_view& value) {
    size_t keyLen = 0, valueStart = line.size();
    bool hasSep = false, backslash = false;
    for (; keyLen < line.size(); ++keyLen) {
        char c = line[keyLen];
        if (!backslash && (c == '=' || c == ':')) {
            valueStart = keyLen + 1, hasSep = true;
            break;
        }
        if (!backslash && isBlank(c)) {
            valueStart = keyLen + 1;
            break;
        }
        backslash = (c == '\\') ? !backslash : false;
    }
    for (; valueStart < line.size(); ++valueStart) {
        char c = line[valueStart];
        if (isBlank(c)) continue;
        if (!hasSep && (c == '=' || c == ':')) {
            hasSep = true;
            continue;
        }
        break;
    }
    key = line.substr(0, keyLen);
    value = line.substr(valueStart);
}

}  // namespace

util::Result<PropertyMap, PropertiesSyntaxError> parseProperties(std::string_view text) {
    PropertyMap out;
    LineReader reader(text);
    int lineNo = 1;
    while (auto line = reader.next(lineNo)) {
        std::string_view key, value;
        splitKeyValue(*line, key, value);
        auto k = unescape(key);
        auto v = unescape(value);
        if (!k || !v) return PropertiesSyntaxError{lineNo, "malformed \\uXXXX escape"};
        out[*k] = *v;
    }
    return out;
}

}  // namespace jicofo::config
