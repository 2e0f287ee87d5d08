#include "protocol/focus/ConferenceIq.h"

#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol {
namespace {

std::optional<std::string> nonEmpty(const xml::Element& e, const char* name) {
    const std::string& v = e.attr(name);
    if (v.empty()) return std::nullopt;
    return v;
}

}  // namespace

ParseResult<ConferenceIq> ConferenceIq::parse(const xml::Element& e) {
    if (e.name() != "conference" || e.ns() != ns::kFocus)
        return StanzaError::of("bad-request",
                               "expected <conference xmlns='http://jitsi.org/protocol/focus'>");
    for (const auto& [k, v] : e.attributes())
        if (v.size() > kMaxValueLength)
            return StanzaError::of("bad-request", "attribute '" + k + "' too long");
    ConferenceIq c;
    c.room = nonEmpty(e, "room");
    c.focusJid = nonEmpty(e, "focusjid");
    c.sessionId = nonEmpty(e, "session-id");
    c.machineUid = nonEmpty(e, "machine-uid");
    c.identity = nonEmpty(e, "identity");
    if (auto r = nonEmpty(e, "ready")) c.ready = (*r == "true");
    for (const auto& child : e.children()) {
        if (child.name() != "property") continue;
        if (c.properties.size() >= kMaxProperties)
            return StanzaError::of("bad-request", "too many properties");
        const std::string& name = child.attr("name");
        const std::string& value = child.attr("value");
        if (name.empty()) continue;
        if (name.size() > kMaxValueLength || value.size() > kMaxValueLength)
            return StanzaError::of("bad-request", "property too long");
        c.properties.emplace_back(name, value.empty() ? std::nullopt : std::optional<std::string>(value));
    }
    return c;
}

xml::Element ConferenceIq::toElement() const {
    xml::Element e("conference", ns::kFocus);
    if (room) e.setAttr("room", *room);
    if (ready) e.setAttr("ready", *ready ? "true" : "false");
    if (focusJid) e.setAttr("focusjid", *focusJid);
    if (sessionId) e.setAttr("session-id", *sessionId);
    if (machineUid) e.setAttr("machine-uid", *machineUid);
    if (identity) e.setAttr("identity", *identity);
    for (const auto& [name, value] : properties) {
        auto& p = e.addChild("property");
        p.setAttr("name", name);
        p.setAttr("value", value.value_or(""));
    }
    return e;
}

std::optional<std::string> ConferenceIq::property(const std::string& name) const {
    std::optional<std::string> out;
    for (const auto& [k, v] : properties)
        if (k == name) out = v;
    return out;
}

void ConferenceIq::addProperty(std::string name, std::string value) {
    properties.emplace_back(std::move(name), std::move(value));
}

}  // namespace jicofo::protocol
