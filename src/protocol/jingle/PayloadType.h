#pragma once
// <payload-type id name clockrate channels maxptime ptime> (XEP-0167) with <parameter/> (fmtp) and
// <rtcp-fb xmlns='urn:xmpp:jingle:apps:rtp:rtcp-fb:0' type subtype/> (XEP-0293) children. In a Jingle
// description it is in the RTP namespace, in a Colibri channel in the Colibri namespace (docs/media.md §2.2),
// so toElement takes the namespace. Kept: unknown attributes, unknown parameters (they are ordinary
// parameters), unknown children, the order of child kinds; channels='1' stays as written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/ChildOrder.h"
#include "protocol/jingle/JingleNamespaces.h"
#include "protocol/jingle/Parameter.h"

namespace jicofo::protocol::jingle {

struct RtcpFb {
    std::string type, subtype;  // subtype "" ⇒ absent
    Attributes extra;

    static ParseResult<RtcpFb> parse(const xml::Element& e);
    xml::Element toElement() const;
};

struct PayloadType {
    uint8_t id = 0;  // 0..127
    std::string name;
    std::optional<uint32_t> clockrate, channels, maxptime, ptime;
    std::vector<Parameter> parameters;
    std::vector<RtcpFb> rtcpFbs;
    Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    ChildOrder order;

    static ParseResult<PayloadType> parse(const xml::Element& e);
    xml::Element toElement(const std::string& ns = ns::kRtp) const;

    // Short builders for the offer template.
    static PayloadType make(uint8_t id, std::string name, uint32_t clockrate,
                            std::optional<uint32_t> channels = std::nullopt);
    PayloadType& param(std::string name, std::string value);
    PayloadType& feedback(std::string type, std::string subtype = {});
};

}  // namespace jicofo::protocol::jingle
