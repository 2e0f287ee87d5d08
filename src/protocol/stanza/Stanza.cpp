#include "protocol/stanza/Stanza.h"

#include "protocol/stanza/Namespaces.h"
#include "util/Ids.h"

namespace jicofo::protocol {
namespace {

std::optional<IqType> typeFrom(const std::string& t) {
    if (t == "get") return IqType::Get;
    if (t == "set") return IqType::Set;
    if (t == "result") return IqType::Result;
    if (t == "error") return IqType::Error;
    return std::nullopt;
}

util::Jid jidAttr(const xml::Element& e, const char* name) {
    if (!e.hasAttr(name)) return {};
    auto j = util::Jid::parse(e.attr(name));
    return j ? *j : util::Jid();
}

}  // namespace

const char* toString(IqType t) {
    switch (t) {
        case IqType::Get:
            return "get";
        case IqType::Set:
            return "set";
        case IqType::Result:
            return "result";
        case IqType::Error:
            return "error";
    }
    return "get";
}

ParseResult<Iq> Iq::parse(const xml::Element& stanza) {
    if (stanza.name() != "iq") return StanzaError::of("bad-request", "not an iq");
    Iq iq;
    auto type = typeFrom(stanza.attr("type"));
    if (!type) return StanzaError::of("bad-request", "missing or unknown iq type");
    iq.type = *type;
    iq.id = stanza.attr("id");
    if (iq.id.empty()) return StanzaError::of("bad-request", "missing iq id");
    for (const char* name : {"to", "from"}) {
        if (stanza.hasAttr(name) && !util::Jid::parse(stanza.attr(name)))
            return StanzaError::of("jid-malformed", std::string("malformed '") + name + "'");
    }
    iq.to = jidAttr(stanza, "to");
    iq.from = jidAttr(stanza, "from");
    for (const auto& c : stanza.children()) {
        if (c.name() == "error" && (c.ns() == ns::kClient || c.ns() == ns::kComponent || c.ns().empty())) {
            auto err = StanzaError::parse(c);
            if (err) iq.error = err.value();
        } else if (!iq.payload) {
            iq.payload = c;
        }
    }
    if (iq.type == IqType::Error && !iq.error) iq.error = StanzaError::of("undefined-condition");
    return iq;
}

xml::Element Iq::toElement() const {
    xml::Element e("iq", ns::kClient);
    e.setAttr("type", toString(type));
    e.setAttr("id", id);
    if (!to.empty()) e.setAttr("to", to.str());
    if (!from.empty()) e.setAttr("from", from.str());
    if (payload) e.addChild(*payload);
    if (error) e.addChild(error->toElement());
    return e;
}

Iq Iq::request(IqType type, util::Jid to, xml::Element payload) {
    Iq iq;
    iq.type = type;
    iq.id = util::nextStanzaId();
    iq.to = std::move(to);
    iq.payload = std::move(payload);
    return iq;
}

Iq Iq::result(std::optional<xml::Element> p) const {
    Iq r;
    r.type = IqType::Result;
    r.id = id;
    r.to = from;
    r.from = to;
    r.payload = std::move(p);
    return r;
}

Iq Iq::errorReply(StanzaError err) const {
    Iq r;
    r.type = IqType::Error;
    r.id = id;
    r.to = from;
    r.from = to;
    // The request's child is echoed as Smack did for the 2015 clients, unless it is large: echoing would
    // double the cost of a hostile request, and Prosody's expat (reparse deferral) holds a large token back
    // until more bytes follow on the stream.
    if (payload && payload->toString().size() <= kMaxEchoedPayload) r.payload = payload;
    r.error = std::move(err);
    return r;
}

xml::Element makePresence(const util::Jid& to, const std::string& type) {
    xml::Element p("presence", ns::kClient);
    if (!to.empty()) p.setAttr("to", to.str());
    if (!type.empty()) p.setAttr("type", type);
    return p;
}

util::Jid fromOf(const xml::Element& stanza) {
    return jidAttr(stanza, "from");
}
util::Jid toOf(const xml::Element& stanza) {
    return jidAttr(stanza, "to");
}

}  // namespace jicofo::protocol
