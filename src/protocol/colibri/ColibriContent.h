#pragma once
// Colibri v1 <content name='audio|video|data'> holding RTP <channel>s and <sctpconnection>s.
#include <string>
#include <vector>

#include "protocol/colibri/Channel.h"
#include "protocol/colibri/SctpConnection.h"

namespace jicofo::protocol::colibri {

struct ColibriContent {
    std::string name;  // required
    std::vector<Channel> channels;
    std::vector<SctpConnection> sctpConnections;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    jingle::ChildOrder order;

    static ParseResult<ColibriContent> parse(const xml::Element& e);
    xml::Element toElement() const;

    const Channel* channel(const std::string& id) const;
    const SctpConnection* sctpConnection(const std::string& id) const;
};

}  // namespace jicofo::protocol::colibri
