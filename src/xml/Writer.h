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
    static void escape(std::string& out, std::string_view text, bool attribute);
};

}  // namespace jicofo::xml
