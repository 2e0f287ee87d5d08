#include "protocol/muc/MucOwner.h"

#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol {

ParseResult<RoomConfigForm> RoomConfigForm::parse(const xml::Element& query) {
    if (query.name() != "query" || query.ns() != ns::kMucOwner)
        return StanzaError::of("bad-request", "not a muc#owner query");
    const xml::Element* x = query.child("x", ns::kDataForms);
    if (!x) return StanzaError::of("bad-request", "muc#owner query without a data form");
    RoomConfigForm f;
    for (const xml::Element* field : x->childrenNamed("field")) {
        DataFormField d{field->attr("var"), field->attr("type"), {}};
        for (const xml::Element* v : field->childrenNamed("value")) d.values.push_back(v->text());
        f.fields.push_back(std::move(d));
    }
    return f;
}

void RoomConfigForm::set(const std::string& var, std::vector<std::string> values) {
    for (auto& f : fields) {
        if (f.var == var) {
            f.values = std::move(values);
            return;
        }
    }
    fields.push_back({var, {}, std::move(values)});
}

std::string RoomConfigForm::value(const std::string& var) const {
    for (const auto& f : fields)
        if (f.var == var) return f.values.empty() ? std::string() : f.values.front();
    return {};
}

xml::Element RoomConfigForm::toSubmitQuery() const {
    xml::Element q("query", ns::kMucOwner);
    auto& x = q.addChild("x", ns::kDataForms);
    x.setAttr("type", "submit");
    auto& formType = x.addChild("field");
    formType.setAttr("var", "FORM_TYPE");
    formType.addChild("value").setText("http://jabber.org/protocol/muc#roomconfig");
    for (const auto& f : fields) {
        if (f.var.empty() || f.var == "FORM_TYPE" || f.type == "fixed") continue;
        auto& e = x.addChild("field");
        e.setAttr("var", f.var);
        for (const auto& v : f.values) e.addChild("value").setText(v);
    }
    return q;
}

xml::Element makeRoomConfigRequest() {
    return xml::Element("query", ns::kMucOwner);
}

xml::Element makeAffiliationChange(const util::Jid& realJid, const std::string& affiliation) {
    xml::Element q("query", ns::kMucAdmin);
    auto& item = q.addChild("item");
    item.setAttr("affiliation", affiliation);
    item.setAttr("jid", realJid.bareStr());
    return q;
}

}  // namespace jicofo::protocol
