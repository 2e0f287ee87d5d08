// protocol/stanza: the IQ envelope (type, id, to, from, payload, error), stanza errors, the addresses of
// presences and messages, and the replies built from an IQ.
#include "protocol/stanza/Stanza.h"
#include "targets/Checks.h"
#include "targets/RoundTrip.h"

namespace jicofo::fuzz {
namespace {

using protocol::Iq;
using protocol::StanzaError;

std::string addressRoundTrip(const util::Jid& j, const char* what) {
    if (j.empty()) return {};
    auto back = util::Jid::parse(j.str());
    if (!back || *back != j) return std::string(what) + ": address '" + j.str() + "' does not read back";
    return {};
}

std::string checkIq(const xml::Element& e) {
    auto serialise = [](const Iq& q) { return q.toElement(); };
    auto parse = [](const xml::Element& x) { return Iq::parse(x); };
    std::string out = typedRoundTrip(e, "iq", parse, serialise);
    auto iq = Iq::parse(e);
    // The streams' path (the stanza handed over, its payload moved) reads the same IQ.
    xml::Element handedOver = e;
    auto moved = Iq::parse(std::move(handedOver));
    if (bool(moved) != bool(iq) || (iq && Iq(*moved).toElement() != iq->toElement()))
        keepFirst(out, "iq: parsing a handed-over stanza differs from parsing a lent one");
    if (!iq) return out;
    keepFirst(out, addressRoundTrip(iq->to, "iq to"));
    keepFirst(out, addressRoundTrip(iq->from, "iq from"));
    // The replies the focus sends to this IQ are IQs it can read.
    keepFirst(out, builtRoundTrip(iq->result().toElement(), "iq result", parse, serialise));
    keepFirst(out, builtRoundTrip(iq->errorReply(StanzaError::of("bad-request", "text")).toElement(),
                                  "iq error reply", parse, serialise));
    return out;
}

}  // namespace

std::string checkStanza(const uint8_t* data, size_t size) {
    auto e = elementOf(data, size);
    if (!e) return {};
    std::string out;
    if (e->name() == "iq") keepFirst(out, checkIq(*e));
    if (e->name() == "presence" || e->name() == "message") {
        keepFirst(out, addressRoundTrip(protocol::fromOf(*e), "from"));
        keepFirst(out, addressRoundTrip(protocol::toOf(*e), "to"));
    }
    forEachElement(*e, [&](const xml::Element& x) {
        if (x.name() == "error")
            keepFirst(out, typedRoundTrip(x, "error", &StanzaError::parse,
                                          [](const StanzaError& s) { return s.toElement(); }));
    });
    return out;
}

std::string checkJid(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto j = util::Jid::parse(text);
    if (!j) return {};
    std::string out;
    auto again = util::Jid::parse(j->str());
    if (!again)
        keepFirst(out, "'" + text + "' parses to '" + j->str() + "', which does not parse");
    else if (*again != *j)
        keepFirst(out, "'" + text + "' parses to '" + j->str() + "', which parses to '" + again->str() + "'");
    auto bare = util::Jid::parse(j->bareStr());
    if (!bare || *bare != j->bare()) keepFirst(out, "bare JID '" + j->bareStr() + "' does not read back");
    if (j->str() != j->bareStr() + (j->resource().empty() ? "" : "/" + j->resource()))
        keepFirst(out, "str() and bareStr() disagree for '" + text + "'");
    return out;
}

}  // namespace jicofo::fuzz
