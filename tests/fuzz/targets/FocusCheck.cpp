// The focus's own IQs: conference, login-url, logout, mute. Every parser sees every input (each refuses
// what is not its element quickly), so one corpus serves all four.
#include "protocol/focus/ConferenceIq.h"
#include "protocol/focus/FormEncoding.h"
#include "protocol/focus/LoginUrlIq.h"
#include "protocol/focus/LogoutIq.h"
#include "protocol/focus/MuteIq.h"
#include "targets/Checks.h"
#include "targets/RoundTrip.h"

namespace jicofo::fuzz {
namespace {

template <typename T>
std::string roundTrip(const xml::Element& e, const char* what) {
    return typedRoundTrip(e, what, &T::parse, [](const T& v) { return v.toElement(); });
}

// formDecode(formEncode(x)) == x for any bytes, including what a decoded attribute holds.
std::string formRoundTrip(const std::string& text) {
    auto back = protocol::formDecode(protocol::formEncode(text));
    if (!back || *back != text) return "formDecode(formEncode(x)) != x for '" + text + "'";
    return {};
}

}  // namespace

std::string checkFocus(const uint8_t* data, size_t size) {
    auto root = elementOf(data, size);
    if (!root) return {};
    const xml::Element& e = payloadOf(*root);
    std::string out;
    keepFirst(out, roundTrip<protocol::ConferenceIq>(e, "conference"));
    keepFirst(out, roundTrip<protocol::LoginUrlIq>(e, "login-url"));
    keepFirst(out, roundTrip<protocol::LogoutIq>(e, "logout"));
    keepFirst(out, roundTrip<protocol::MuteIq>(e, "mute"));
    for (const auto& attr : e.attributes()) keepFirst(out, formRoundTrip(attr.second));
    return out;
}

}  // namespace jicofo::fuzz
