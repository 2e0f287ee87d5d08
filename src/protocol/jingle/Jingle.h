#pragma once
// <jingle xmlns='urn:xmpp:jingle:1' action sid initiator responder> (XEP-0166) with contents, a BUNDLE
// <group>, <reason>, and Jitsi's <startmuted>, <bridge-session>, <json-message> and <ice-state>
// (docs/media.md §2b §4). initiator/responder are kept as strings because real clients fill them with JIDs
// nobody should key on (docs/media.md §3.4). Kept: unknown attributes and children (e.g. a jingle-level estos
// <bundle/>), further groups (XEP-0338 allows several, e.g. LS beside BUNDLE), order of kinds; default order:
// content, group, reason, startmuted (the 2015 offer's), then bridge-session, json-message, ice-state.
// parse() refuses (bad-request): missing sid, missing or unknown action, a second reason, startmuted,
// bridge-session, json-message or ice-state, and any malformed child (ssrc not a number, group without
// sources, negative port, …).
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/BridgeSession.h"
#include "protocol/jingle/Content.h"
#include "protocol/jingle/Group.h"
#include "protocol/jingle/IceState.h"
#include "protocol/jingle/JingleAction.h"
#include "protocol/jingle/JsonMessage.h"
#include "protocol/jingle/Reason.h"
#include "protocol/jingle/StartMuted.h"

namespace jicofo::protocol::jingle {

struct Jingle {
    JingleAction action = JingleAction::SessionInfo;
    bool legacyAction = false;  // came as addsource/removesource; toElement writes that spelling back
    std::string sid;
    std::string initiator, responder;  // "" ⇒ absent
    std::vector<Content> contents;
    std::optional<Group> group;     // the first <group>
    std::vector<Group> moreGroups;  // any later ones, written right after it
    std::optional<Reason> reason;
    std::optional<StartMuted> startMuted;
    std::optional<BridgeSession> bridgeSession;
    std::optional<JsonMessage> jsonMessage;
    std::optional<IceState> iceState;
    Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    ChildOrder order;

    static bool isJingle(const xml::Element& e);
    static ParseResult<Jingle> parse(const xml::Element& e);
    xml::Element toElement() const;

    const char* actionName() const { return toString(action, legacyAction); }
    const Content* content(const std::string& name) const;
    // Names of the contents in order (for mediaOf() of a later transport-info named by mid).
    std::vector<std::string> contentNames() const;
};

}  // namespace jicofo::protocol::jingle
