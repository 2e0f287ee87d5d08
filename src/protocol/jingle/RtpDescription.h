#pragma once
// <description xmlns='urn:xmpp:jingle:apps:rtp:1' media [ssrc] [maxptime]> (XEP-0167) holding payload types,
// rtp-hdrext, sources, ssrc-groups and <rtcp-mux/>. The description-level ssrc attribute of the 2015 clients
// is kept as written (the focus ignores it). Kept: unknown attributes and children, order of child kinds;
// default order: payload-type, rtp-hdrext, rtcp-mux, source, ssrc-group (the 2015 offer's).
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/ChildOrder.h"
#include "protocol/jingle/PayloadType.h"
#include "protocol/jingle/RtpHdrExt.h"
#include "protocol/jingle/Source.h"
#include "protocol/jingle/SourceGroup.h"

namespace jicofo::protocol::jingle {

struct RtpDescription {
    std::string media;  // audio | video | application
    std::string ssrc;   // as written; "" ⇒ absent
    std::optional<uint32_t> maxptime;
    std::vector<PayloadType> payloadTypes;
    std::vector<RtpHdrExt> hdrExts;
    bool rtcpMux = false;
    std::vector<Source> sources;
    std::vector<SourceGroup> groups;
    Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    ChildOrder order;

    static bool isDescription(const xml::Element& e);  // <description> in the RTP namespace
    // Refuses a source without ssrc and an ssrc-group without sources (bad-request).
    static ParseResult<RtpDescription> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::jingle
