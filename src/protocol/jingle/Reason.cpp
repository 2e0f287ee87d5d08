#include "protocol/jingle/Reason.h"

#include "protocol/jingle/AttrReader.h"
#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

ParseResult<Reason> Reason::parse(const xml::Element& e) {
    Reason r;
    for (const auto& c : e.children()) {
        if (c.ns() == ns::kJingle && c.name() == "text")
            r.text = c.text();
        else if (c.ns() == ns::kJingle && r.condition.empty())
            r.condition = c.name();
        else
            r.extraChildren.push_back(c);
    }
    if (r.condition.empty()) return badRequest("<reason> without a condition");
    return r;
}

xml::Element Reason::toElement() const {
    xml::Element e("reason", ns::kJingle);
    e.addChild(condition);
    if (!text.empty()) e.addChild("text").setText(text);
    for (const auto& x : extraChildren) e.addChild(x);
    return e;
}

}  // namespace jicofo::protocol::jingle
