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

// The envelope only; the children are left to the caller, which copies or moves them.
static std::optional<StanzaError> parseEnvelope(const xml::Element& stanza, Iq& iq) {
    if (stanza.name() != "iq") return StanzaError::of("bad-request", "not an iq");
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
    return std::nullopt;
}

static bool isErrorChild(const xml::Element& c) {
    return c.name() == "error" && (c.ns() == ns::kClient || c.ns() == ns::kComponent || c.ns().empty());
}

template <class Children>
static void takeChildren(Children& children, Iq& iq) {
    for (auto& c : children) {
        if (isErrorChild(c)) {
            auto err = StanzaError::parse(c);
            if (err) iq.error = err.value();
        } else if (!iq.payload) {
            iq.payload = std::move(c);  // a copy from a const stanza, a move from one handed over
        }
    }
    if (iq.type == IqType::Error && !iq.error) iq.error = StanzaError::of("undefined-condition");
}

ParseResult<Iq> Iq::parse(const xml::Element& stanza) {
    Iq iq;
    if (auto bad = parseEnvelope(stanza, iq)) return *bad;
    takeChildren(stanza.children(), iq);
    return iq;
}

ParseResult<Iq> Iq::parse(xml::Element&& stanza) {
    Iq iq;
    if (auto bad = parseEnvelope(stanza, iq)) return *bad;
    takeChildren(stanza.children(), iq);
    return iq;
}

static xml::Element envelope(const Iq& iq) {
    xml::Element e("iq", ns::kClient);
    e.setAttr("type", toString(iq.type));
    e.setAttr("id", iq.id);
    if (!iq.to.empty()) e.setAttr("to", iq.to.str());
    if (!iq.from.empty()) e.setAttr("from", iq.from.str());
    return e;
}

xml::Element Iq::toElement() const& {
    xml::Element e = envelope(*this);
    if (payload) e.addChild(*payload);
    if (error) e.addChild(error->toElement());
    return e;
}

xml::Element Iq::toElement() && {
    xml::Element e = envelope(*this);
    if (payload) e.addChild(std::move(*payload));
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
