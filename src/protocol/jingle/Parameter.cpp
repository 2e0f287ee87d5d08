#include "protocol/jingle/Parameter.h"

namespace jicofo::protocol::jingle {

ParseResult<Parameter> Parameter::parse(const xml::Element& e) {
    AttrReader r(e);
    Parameter p;
    p.name = r.str("name", true);
    p.value = r.str("value");
    if (r.failed()) return r.error();
    p.extra = r.unread();
    return p;
}

xml::Element Parameter::toElement(const std::string& ns) const {
    xml::Element e("parameter", ns);
    e.setAttr("name", name);
    e.setAttr("value", value);
    writeAttributes(e, extra);
    return e;
}

const std::string* findParameter(const std::vector<Parameter>& params, const std::string& name) {
    for (const auto& p : params)
        if (p.name == name) return &p.value;
    return nullptr;
}

void setParameter(std::vector<Parameter>& params, const std::string& name, std::string value) {
    for (auto& p : params) {
        if (p.name == name) {
            p.value = std::move(value);
            return;
        }
    }
    params.push_back(Parameter{name, std::move(value), {}});
}

}  // namespace jicofo::protocol::jingle
