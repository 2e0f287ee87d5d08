#include "http/reservation/ReservedConference.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "protocol/focus/FormEncoding.h"

namespace jicofo::http::reservation {
namespace {

// The body as a JSON object, or null. Poco throws on malformed text; we turn that into "not an object".
Poco::JSON::Object::Ptr parseObject(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var v = parser.parse(body);
        if (v.type() != typeid(Poco::JSON::Object::Ptr)) return nullptr;
        return v.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        return nullptr;
    } catch (const std::exception&) {
        return nullptr;
    }
}

template <typename T>
std::optional<T> field(const Poco::JSON::Object::Ptr& o, const std::string& key) {
    if (!o->has(key) || o->isNull(key)) return std::nullopt;
    return o->getValue<T>(key);  // converts numbers given as strings and back; throws when it cannot
}

}  // namespace

util::Result<ReservedConference, JsonError> ReservedConference::fromJson(const std::string& body) {
    Poco::JSON::Object::Ptr o = parseObject(body);
    if (!o) return JsonError{"not a JSON object"};
    ReservedConference c;
    try {
        c.id = field<std::int64_t>(o, "id");
        c.name = field<std::string>(o, "name");
        c.mailOwner = field<std::string>(o, "mail_owner");
        if (auto start = field<std::string>(o, "start_time")) {
            c.startTime = parseStartTime(*start);
            if (!c.startTime) return JsonError{"bad start_time '" + *start + "'"};
        }
        c.durationSeconds = field<std::int64_t>(o, "duration").value_or(-1);
        c.url = field<std::string>(o, "url");
        c.pin = field<std::string>(o, "pin");
        c.sipId = field<std::int64_t>(o, "sip_id");
    } catch (const Poco::Exception& e) {
        return JsonError{"bad field: " + e.displayText()};
    }
    return c;
}

std::vector<std::pair<std::string, std::string>> ReservedConference::createFields(const std::string& name,
                                                                                  const std::string& owner,
                                                                                  WallTime now) {
    std::vector<std::pair<std::string, std::string>> f;
    f.emplace_back("name", name);
    if (!owner.empty()) f.emplace_back("mail_owner", owner);
    f.emplace_back("start_time", formatStartTime(now));
    f.emplace_back("duration", "-1");
    return f;
}

std::string ReservedConference::createForm(const std::string& name, const std::string& owner, WallTime now) {
    std::string body;
    for (const auto& [k, v] : createFields(name, owner, now)) {
        if (!body.empty()) body.push_back('&');
        body += protocol::formEncode(k) + "=" + protocol::formEncode(v);
    }
    return body;
}

ApiError ApiError::fromJson(const std::string& body) {
    ApiError e;
    Poco::JSON::Object::Ptr o = parseObject(body);
    if (!o) return e;
    try {
        e.error = field<std::string>(o, "error").value_or("");
        e.message = field<std::string>(o, "message").value_or("");
    } catch (const Poco::Exception&) {
    }
    return e;
}

std::optional<std::int64_t> conflictIdFromJson(const std::string& body) {
    Poco::JSON::Object::Ptr o = parseObject(body);
    if (!o) return std::nullopt;
    try {
        return field<std::int64_t>(o, "conflict_id");
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

}  // namespace jicofo::http::reservation
