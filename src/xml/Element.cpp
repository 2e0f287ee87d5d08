#include "xml/Element.h"

#include <algorithm>

#include "xml/Writer.h"

namespace jicofo::xml {
namespace {
const std::string kEmpty;

bool matches(const Element& e, std::string_view name, std::string_view ns) {
    return e.name() == name && (ns.empty() || e.ns() == ns);
}
}  // namespace

const std::string& Element::attr(std::string_view name) const {
    for (const auto& [k, v] : attrs_)
        if (k == name) return v;
    return kEmpty;
}

bool Element::hasAttr(std::string_view name) const {
    return std::any_of(attrs_.begin(), attrs_.end(), [&](const auto& a) { return a.first == name; });
}

Element& Element::setAttr(std::string_view name, std::string value) {
    for (auto& [k, v] : attrs_) {
        if (k == name) {
            v = std::move(value);
            return *this;
        }
    }
    attrs_.emplace_back(std::string(name), std::move(value));
    return *this;
}

void Element::removeAttr(std::string_view name) {
    attrs_.erase(std::remove_if(attrs_.begin(), attrs_.end(), [&](const auto& a) { return a.first == name; }),
                 attrs_.end());
}

Element& Element::addChild(Element child) {
    if (child.ns_.empty()) child.ns_ = ns_;
    children_.push_back(std::move(child));
    return children_.back();
}

Element& Element::addChild(std::string name, std::string ns) {
    return addChild(Element(std::move(name), std::move(ns)));
}

const Element* Element::child(std::string_view name, std::string_view ns) const {
    for (const auto& c : children_)
        if (matches(c, name, ns)) return &c;
    return nullptr;
}

Element* Element::child(std::string_view name, std::string_view ns) {
    for (auto& c : children_)
        if (matches(c, name, ns)) return &c;
    return nullptr;
}

std::vector<const Element*> Element::childrenNamed(std::string_view name, std::string_view ns) const {
    std::vector<const Element*> out;
    for (const auto& c : children_)
        if (matches(c, name, ns)) out.push_back(&c);
    return out;
}

size_t Element::removeChildren(std::string_view name, std::string_view ns) {
    size_t before = children_.size();
    children_.erase(std::remove_if(children_.begin(), children_.end(),
                                   [&](const Element& c) { return matches(c, name, ns); }),
                    children_.end());
    return before - children_.size();
}

bool Element::operator==(const Element& o) const {
    if (name_ != o.name_ || ns_ != o.ns_ || text_ != o.text_ || attrs_.size() != o.attrs_.size() ||
        children_ != o.children_)
        return false;
    for (const auto& [k, v] : attrs_) {
        if (!o.hasAttr(k) || o.attr(k) != v) return false;
    }
    return true;
}

std::string Element::toString() const {
    return Writer::write(*this);
}

}  // namespace jicofo::xml
