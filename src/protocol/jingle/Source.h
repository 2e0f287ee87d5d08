#pragma once
// <source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='N'> (XEP-0339) with <parameter name value/> children
// (cname, msid, mslabel, label) and Jitsi's <ssrc-info xmlns='http://jitsi.org/jitmeet' owner video-type/>.
// ssrc is an unsigned 32-bit decimal; a source without one is valid only in the focus's Colibri update
// ("clear all sources", docs/media.md §2.4a) — Jingle descriptions refuse it (RtpDescription::parse).
// A second ssrc-info is refused (bad-request). Kept: parameters in order, unknown attributes and children
// (order of kinds too).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/ChildOrder.h"
#include "protocol/jingle/Parameter.h"

namespace jicofo::protocol::jingle {

struct SsrcInfo {
    std::string owner;      // occupant JID of the sender, or "jvb" for the bridge's own SSRCs
    std::string videoType;  // camera | screen; "" ⇒ absent
    Attributes extra;

    static ParseResult<SsrcInfo> parse(const xml::Element& e);
    xml::Element toElement() const;
};

struct Source {
    std::optional<uint32_t> ssrc;
    std::vector<Parameter> parameters;
    std::optional<SsrcInfo> ssrcInfo;
    Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    ChildOrder order;

    static ParseResult<Source> parse(const xml::Element& e);
    xml::Element toElement() const;

    static Source make(uint32_t ssrc) {
        Source s;
        s.ssrc = ssrc;
        return s;
    }
    const std::string* param(const std::string& name) const { return findParameter(parameters, name); }
    void setParam(const std::string& name, std::string value) {
        setParameter(parameters, name, std::move(value));
    }
    // Overwrites the owner of the ssrc-info, appending one when missing; video-type stays (docs/media.md
    // §4.2).
    void setOwner(const std::string& owner);
};

// Parses an "ssrc" attribute value: decimal 0..2^32-1.
std::optional<uint32_t> parseSsrc(const std::string& text);

}  // namespace jicofo::protocol::jingle
