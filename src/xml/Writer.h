#pragma once
// Serialises elements. The namespace is written as a default xmlns where it differs from the parent's, which
// is how XMPP peers expect stanza payloads (no prefixes). Text and attribute values are escaped so that a
// reader gets them back unchanged: tab, LF and CR in attribute values and CR in text as character references.
#include <string>
#include <string_view>

#include "xml/Element.h"

namespace jicofo::xml {

class Writer {
  public:
    // parentNs: the namespace already in scope (e.g. "jabber:client" inside a client stream), so the
    // top element does not repeat it.
    static std::string write(const Element& e, std::string_view parentNs = {});
    static void write(std::string& out, const Element& e, std::string_view parentNs = {});

    // Writing a stanza for a stream whose namespace is not the one it was built in, without copying the
    // tree: the top element and every element reached from it only through elements in `from` are written
    // in `to` (a `from` element under a foreign payload is payload data and keeps its namespace). An empty
    // `from` renames nothing. `defaultAttr`, when its name is not empty, is written on the top element if it
    // has no attribute of that name.
    struct StanzaRewrite {
        std::string_view from, to;
        std::pair<std::string_view, std::string_view> defaultAttr;
    };
    static void write(std::string& out, const Element& e, std::string_view parentNs, const StanzaRewrite& r);
    static std::string write(const Element& e, std::string_view parentNs, const StanzaRewrite& r);

    static void escape(std::string& out, std::string_view text, bool attribute);
};

}  // namespace jicofo::xml
