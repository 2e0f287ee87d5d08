#pragma once
// <ssrc-group xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' semantics='SIM|FID'><source ssrc/>…</ssrc-group>
// (XEP-0339). An empty group is valid here because the focus sends <ssrc-group semantics='SIM'/> to the
// bridge to mean "no simulcast layers" (docs/media.md §2.4a); Jingle descriptions refuse it.
#include <cstdint>
#include <string>
#include <vector>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::jingle {

struct SourceGroup {
    std::string semantics;
    std::vector<uint32_t> ssrcs;
    Attributes extra;

    // Same semantics and the same SSRCs in the same order.
    bool operator==(const SourceGroup& o) const { return semantics == o.semantics && ssrcs == o.ssrcs; }
    bool operator!=(const SourceGroup& o) const { return !(*this == o); }
    // Same semantics and every SSRC of other is in this group (the 2015 removal match, docs/media.md §4.3).
    bool covers(const SourceGroup& other) const;
    bool contains(uint32_t ssrc) const;

    static ParseResult<SourceGroup> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::jingle
