#include "protocol/stanza/StanzaError.h"

#include <map>

#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol {
namespace {

struct Known {
    const char* type;
    int code;
};

const std::map<std::string, Known>& table() {
    // RFC 6120 §8.3.3 default types; XEP-0086 legacy codes.
    static const std::map<std::string, Known> t = {
        {"bad-request", {"modify", 400}},
        {"conflict", {"cancel", 409}},
        {"feature-not-implemented", {"cancel", 501}},
        {"forbidden", {"auth", 403}},
        {"gone", {"modify", 302}},
        {"internal-server-error", {"wait", 500}},
        {"item-not-found", {"cancel", 404}},
        {"jid-malformed", {"modify", 400}},
        {"not-acceptable", {"modify", 406}},
        {"not-allowed", {"cancel", 405}},
        {"not-authorized", {"auth", 401}},
        {"policy-violation", {"modify", 406}},
        {"recipient-unavailable", {"wait", 404}},
        {"redirect", {"modify", 302}},
        {"registration-required", {"auth", 407}},
        {"remote-server-not-found", {"cancel", 404}},
        {"remote-server-timeout", {"wait", 504}},
        {"resource-constraint", {"wait", 500}},
        {"service-unavailable", {"cancel", 503}},
        {"subscription-required", {"auth", 407}},
        {"undefined-condition", {"cancel", 500}},
        {"unexpected-request", {"wait", 400}},
    };
    return t;
}

}  // namespace

StanzaError StanzaError::of(const std::string& condition, std::string text) {
    StanzaError e;
    e.condition = condition;
    auto it = table().find(condition);
    e.type = it == table().end() ? "cancel" : it->second.type;
    e.text = std::move(text);
    return e;
}

int StanzaError::legacyCode(const std::string& condition) {
    auto it = table().find(condition);
    return it == table().end() ? 500 : it->second.code;
}

xml::Element StanzaError::toElement() const {
    xml::Element err("error", ns::kClient);
    err.setAttr("code", std::to_string(legacyCode(condition)));
    err.setAttr("type", type);
    err.addChild(condition, ns::kStanzas);
    if (!text.empty()) {
        auto& t = err.addChild("text", ns::kStanzas);
        t.setAttr("xml:lang", "en");
        t.setText(text);
    }
    if (appSpecific) err.addChild(*appSpecific);
    return err;
}

util::Result<StanzaError, std::string> StanzaError::parse(const xml::Element& error) {
    if (error.name() != "error") return std::string("not an <error> element");
    StanzaError e;
    e.type = error.attr("type");
    bool found = false;
    for (const auto& c : error.children()) {
        if (c.ns() == ns::kStanzas) {
            if (c.name() == "text")
                e.text = c.text();
            else if (!found) {
                e.condition = c.name();
                found = true;
            }
        } else if (!e.appSpecific) {
            e.appSpecific = c;
        }
    }
    if (!found) return std::string("<error> without a defined condition");
    if (e.type.empty()) e.type = of(e.condition).type;
    return e;
}

}  // namespace jicofo::protocol
