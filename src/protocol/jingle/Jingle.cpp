#include "protocol/jingle/Jingle.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {
namespace {

std::optional<StanzaError> readChild(Jingle& j, const xml::Element& c) {
    if (c.name() == "content" && c.ns() == ns::kJingle) {
        auto content = Content::parse(c);
        if (!content) return content.error();
        j.contents.push_back(std::move(*content));
    } else if (Group::isGroup(c)) {
        auto g = Group::parse(c);
        if (!g) return g.error();
        if (j.group)
            j.moreGroups.push_back(std::move(*g));
        else
            j.group = std::move(*g);
    } else if (c.name() == "reason" && c.ns() == ns::kJingle) {
        if (j.reason) return badRequest("<jingle> has a second <reason>");
        auto r = Reason::parse(c);
        if (!r) return r.error();
        j.reason = std::move(*r);
    } else if (StartMuted::isStartMuted(c)) {
        if (j.startMuted) return badRequest("<jingle> has a second <startmuted>");
        j.startMuted = *StartMuted::parse(c);
    } else if (BridgeSession::isBridgeSession(c)) {
        if (j.bridgeSession) return badRequest("<jingle> has a second <bridge-session>");
        auto b = BridgeSession::parse(c);
        if (!b) return b.error();
        j.bridgeSession = std::move(*b);
    } else if (JsonMessage::isJsonMessage(c)) {
        if (j.jsonMessage) return badRequest("<jingle> has a second <json-message>");
        j.jsonMessage = *JsonMessage::parse(c);
    } else if (IceState::isIceState(c)) {
        if (j.iceState) return badRequest("<jingle> has a second <ice-state>");
        auto s = IceState::parse(c);
        if (!s) return s.error();
        j.iceState = std::move(*s);
    } else {
        j.extraChildren.push_back(c);
        j.order.saw(kExtraKind);
        return std::nullopt;
    }
    j.order.saw(c.name());
    return std::nullopt;
}

}  // namespace

bool Jingle::isJingle(const xml::Element& e) {
    return e.name() == "jingle" && e.ns() == ns::kJingle;
}

ParseResult<Jingle> Jingle::parse(const xml::Element& e) {
    if (!isJingle(e)) return badRequest("not a <jingle> element");
    AttrReader r(e);
    Jingle j;
    std::string action = r.str("action", true);
    j.sid = r.str("sid", true);
    j.initiator = r.str("initiator");
    j.responder = r.str("responder");
    if (r.failed()) return r.error();
    auto parsed = parseJingleAction(action);
    if (!parsed) return badRequest("unknown Jingle action '" + action + "'");
    j.action = parsed->action;
    j.legacyAction = parsed->legacy;
    j.extraAttrs = r.unread();
    for (const auto& c : e.children())
        if (auto err = readChild(j, c)) return *err;
    return j;
}

xml::Element Jingle::toElement() const {
    xml::Element e("jingle", ns::kJingle);
    e.setAttr("action", actionName());
    if (!initiator.empty()) e.setAttr("initiator", initiator);
    if (!responder.empty()) e.setAttr("responder", responder);
    e.setAttr("sid", sid);
    writeAttributes(e, extraAttrs);
    order.emit({
        {"content",
         [&] {
             for (const auto& c : contents) e.addChild(c.toElement());
         }},
        {"group",
         [&] {
             if (group) e.addChild(group->toElement());
             for (const auto& g : moreGroups) e.addChild(g.toElement());
         }},
        {"reason",
         [&] {
             if (reason) e.addChild(reason->toElement());
         }},
        {"startmuted",
         [&] {
             if (startMuted) e.addChild(startMuted->toElement());
         }},
        {"bridge-session",
         [&] {
             if (bridgeSession) e.addChild(bridgeSession->toElement());
         }},
        {"json-message",
         [&] {
             if (jsonMessage) e.addChild(jsonMessage->toElement());
         }},
        {"ice-state",
         [&] {
             if (iceState) e.addChild(iceState->toElement());
         }},
        {kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

const Content* Jingle::content(const std::string& name) const {
    for (const auto& c : contents)
        if (c.name == name) return &c;
    return nullptr;
}

std::vector<std::string> Jingle::contentNames() const {
    std::vector<std::string> names;
    for (const auto& c : contents) names.push_back(c.name);
    return names;
}

}  // namespace jicofo::protocol::jingle
