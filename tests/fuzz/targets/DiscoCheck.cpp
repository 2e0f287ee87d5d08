// XEP-0030 disco#info (clients' Jingle features, bridges' identities) and disco#items (the domain's
// components).
#include "protocol/disco/DiscoInfo.h"
#include "targets/Checks.h"
#include "targets/RoundTrip.h"

namespace jicofo::fuzz {
namespace {

template <typename T>
std::string roundTrip(const xml::Element& e, const char* what) {
    return typedRoundTrip(e, what, &T::parse, [](const T& v) { return v.toElement(); });
}

}  // namespace

std::string checkDisco(const uint8_t* data, size_t size) {
    auto root = elementOf(data, size);
    if (!root) return {};
    const xml::Element& e = payloadOf(*root);
    std::string out = roundTrip<protocol::DiscoInfo>(e, "disco#info");
    keepFirst(out, roundTrip<protocol::DiscoItems>(e, "disco#items"));
    return out;
}

}  // namespace jicofo::fuzz
