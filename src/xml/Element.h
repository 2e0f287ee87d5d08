#pragma once
// A small XML element tree for one stanza. Namespaces are resolved: every element knows its namespace URI,
// prefixes are gone. Text is kept as one string per element (XMPP payloads are not mixed content).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jicofo::xml {

class Element {
  public:
    Element() = default;
    Element(std::string name, std::string ns = {}) : name_(std::move(name)), ns_(std::move(ns)) {}

    const std::string& name() const { return name_; }
    const std::string& ns() const { return ns_; }
    void setNs(std::string ns) { ns_ = std::move(ns); }

    // Attributes keep insertion order (golden output is stable). Names are as written, e.g. "xml:lang".
    const std::vector<std::pair<std::string, std::string>>& attributes() const { return attrs_; }
    // Empty string when absent; use hasAttr() to tell "absent" from "empty".
    const std::string& attr(std::string_view name) const;
    bool hasAttr(std::string_view name) const;
    Element& setAttr(std::string_view name, std::string value);  // replaces or appends
    // Appends without looking for an existing one: for parsers whose input has no duplicates.
    void appendAttr(std::string name, std::string value) {
        attrs_.emplace_back(std::move(name), std::move(value));
    }
    void removeAttr(std::string_view name);

    const std::string& text() const { return text_; }
    Element& setText(std::string text) {
        text_ = std::move(text);
        return *this;
    }
    void appendText(std::string_view t) { text_.append(t); }

    const std::vector<Element>& children() const { return children_; }
    std::vector<Element>& children() { return children_; }
    // Adds a copy/move of child; an empty child namespace inherits this element's namespace.
    Element& addChild(Element child);
    // New child named name in namespace ns (ns empty ⇒ this element's namespace); returns it.
    Element& addChild(std::string name, std::string ns = {});
    // First child with that name (and namespace, if given); nullptr when none.
    const Element* child(std::string_view name, std::string_view ns = {}) const;
    Element* child(std::string_view name, std::string_view ns = {});
    std::vector<const Element*> childrenNamed(std::string_view name, std::string_view ns = {}) const;
    // Removes children with that name (and namespace, if given); returns how many.
    size_t removeChildren(std::string_view name, std::string_view ns = {});

    // Canonical equality: name, namespace, attribute set (order ignored), text, children in order.
    bool operator==(const Element& o) const;
    bool operator!=(const Element& o) const { return !(*this == o); }

    // Serialised XML (see Writer.h); namespaces declared where they differ from the parent's.
    std::string toString() const;

  private:
    std::string name_, ns_;
    std::vector<std::pair<std::string, std::string>> attrs_;
    std::string text_;
    std::vector<Element> children_;
};

}  // namespace jicofo::xml
