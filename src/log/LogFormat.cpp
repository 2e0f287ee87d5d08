#include "log/LogFormat.h"

#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <boost/log/attributes/current_process_id.hpp>
#include <boost/log/attributes/current_thread_id.hpp>
#include <boost/log/attributes/value_extraction.hpp>
#include <boost/log/utility/setup/common_attributes.hpp>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "log/Log.h"
#include "log/LogSetup.h"

namespace jicofo::log {
namespace {

namespace bl = boost::log;

enum class Field { text, timeStamp, severity, threadId, room, message, lineId, processId };

struct Part {
    Field field;
    std::string text;         // Field::text only
    bl::attribute_name name;  // the others: looked up once here, not for every record
};

Field fieldNamed(const std::string& name, const std::string& format) {
    if (name == "TimeStamp") return Field::timeStamp;
    if (name == "Severity") return Field::severity;
    if (name == "ThreadID") return Field::threadId;
    if (name == "Room") return Field::room;
    if (name == "Message") return Field::message;
    if (name == "LineID") return Field::lineId;
    if (name == "ProcessID") return Field::processId;
    throw std::invalid_argument("unknown placeholder %" + name + "% in format \"" + format + "\"");
}

std::vector<Part> parseParts(const std::string& s) {
    std::vector<Part> parts;
    std::string text;
    auto flushText = [&] {
        if (!text.empty()) parts.push_back({Field::text, text, bl::attribute_name()});
        text.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char c = s[++i];
            text.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c);
        } else if (s[i] == '%') {
            auto close = s.find('%', i + 1);
            if (close == std::string::npos) throw std::invalid_argument("unclosed % in format \"" + s + "\"");
            std::string name = s.substr(i + 1, close - i - 1);
            name = name.substr(0, name.find('('));  // %Name(arguments)%
            flushText();
            parts.push_back({fieldNamed(name, s), {}, bl::attribute_name(name)});
            i = close;
        } else {
            text.push_back(s[i]);
        }
    }
    flushText();
    return parts;
}

void writeTimeStamp(const bl::attribute_name& name, const bl::record_view& rec, bl::formatting_ostream& out) {
    auto t = bl::extract<boost::posix_time::ptime>(name, rec);
    if (!t || t->is_special()) return;
    auto date = t->date();
    auto time = t->time_of_day();
    char buf[64];  // room for any int the compiler cannot rule out
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03d", static_cast<int>(date.year()),
                  static_cast<int>(date.month()), static_cast<int>(date.day()),
                  static_cast<int>(time.hours()), static_cast<int>(time.minutes()),
                  static_cast<int>(time.seconds()),
                  static_cast<int>(time.fractional_seconds() * 1000 / time.ticks_per_second()));
    out << buf;
}

template <typename T>
void writeValue(const bl::attribute_name& name, const bl::record_view& rec, bl::formatting_ostream& out) {
    if (auto v = bl::extract<T>(name, rec)) out << *v;
}

void write(const Part& p, const bl::record_view& rec, bl::formatting_ostream& out) {
    switch (p.field) {
        case Field::text:
            out << p.text;
            break;
        case Field::timeStamp:
            writeTimeStamp(p.name, rec, out);
            break;
        case Field::severity:
            writeValue<Severity>(p.name, rec, out);
            break;
        case Field::threadId:
            writeValue<bl::attributes::current_thread_id::value_type>(p.name, rec, out);
            break;
        case Field::room:
            if (auto room = bl::extract<std::string>(p.name, rec)) out << "[room=" << *room << "] ";
            break;
        case Field::message:
            writeValue<std::string>(p.name, rec, out);
            break;
        case Field::lineId:
            writeValue<unsigned int>(p.name, rec, out);
            break;
        case Field::processId:
            writeValue<bl::attributes::current_process_id::value_type>(p.name, rec, out);
            break;
    }
}

}  // namespace

boost::log::formatter parseFormat(const std::string& text) {
    std::vector<Part> parts = parseParts(text);
    return [parts](const bl::record_view& rec, bl::formatting_ostream& out) {
        for (const auto& p : parts) write(p, rec, out);
    };
}

void addCommonAttributes() {
    static std::once_flag once;
    std::call_once(once, [] { bl::add_common_attributes(); });
}

}  // namespace jicofo::log
