#pragma once
// Round-trip checks shared by the XML targets. A typed object is good when
//   e1 = serialise(parse(input))      survives the wire: Writer text read back is e1 again,
//   parse(e1) succeeds                 the focus can read what it writes,
//   serialise(parse(e1)) == e1         canonical element equality (the value did not change).
// Each returns "" or what failed.
#include <optional>
#include <string>
#include <utility>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::fuzz {

// The input as one XML element (as golden files and IQ payloads are read); nothing when it is not one.
std::optional<xml::Element> elementOf(const uint8_t* data, size_t size);
// The IQ's payload when e is an IQ with children, else e (goldens are whole stanzas).
const xml::Element& payloadOf(const xml::Element& e);

// The Writer's text of e parses back to an element equal to e.
std::string wireRoundTrip(const xml::Element& e, const std::string& what);

inline std::string errorText(const protocol::StanzaError& e) {
    return e.condition + ": " + e.text;
}
inline std::string errorText(const std::string& e) {
    return e;
}

std::string describeMismatch(const std::string& what, const xml::Element& first, const xml::Element& second);

// parse: const xml::Element& -> Result<T, E>; serialise: const T& -> xml::Element.
template <typename Parse, typename Serialise>
std::string typedRoundTrip(const xml::Element& in, const std::string& what, Parse parse,
                           Serialise serialise) {
    auto v1 = parse(in);
    if (!v1) return {};  // refused: nothing to check
    xml::Element e1 = serialise(*v1);
    if (auto f = wireRoundTrip(e1, what); !f.empty()) return f;
    auto v2 = parse(e1);
    if (!v2) return what + ": refuses its own output (" + errorText(v2.error()) + ")\n  " + e1.toString();
    xml::Element e2 = serialise(*v2);
    if (e2 != e1) return describeMismatch(what + ": parse(serialise(x)) serialises differently", e1, e2);
    return {};
}

// For objects the focus builds itself: they must parse and round-trip.
template <typename Parse, typename Serialise>
std::string builtRoundTrip(const xml::Element& built, const std::string& what, Parse parse,
                           Serialise serialise) {
    auto v = parse(built);
    if (!v)
        return what + ": refuses what the focus builds (" + errorText(v.error()) + ")\n  " + built.toString();
    return typedRoundTrip(built, what, parse, serialise);
}

// Calls f on e and every descendant, depth first.
template <typename F>
void forEachElement(const xml::Element& e, F&& f) {
    f(e);
    for (const auto& c : e.children()) forEachElement(c, f);
}

// Appends failure to out when out is still empty (the first failure is the one reported).
inline void keepFirst(std::string& out, std::string failure) {
    if (out.empty()) out = std::move(failure);
}

}  // namespace jicofo::fuzz
