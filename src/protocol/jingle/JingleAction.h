#pragma once
// Jingle actions (XEP-0166 §7.2) plus Jitsi's source-add / source-remove. The 2015 clients also sent and
// accepted the older names "addsource" / "removesource"; they parse to SourceAdd / SourceRemove and
// Jingle::legacyAction remembers the spelling so a reply can use it.
#include <optional>
#include <string_view>

namespace jicofo::protocol::jingle {

enum class JingleAction {
    ContentAccept,
    ContentAdd,
    ContentModify,
    ContentReject,
    ContentRemove,
    DescriptionInfo,
    SecurityInfo,
    SessionAccept,
    SessionInfo,
    SessionInitiate,
    SessionTerminate,
    TransportAccept,
    TransportInfo,
    TransportReject,
    TransportReplace,
    SourceAdd,
    SourceRemove,
};

struct ParsedAction {
    JingleAction action;
    bool legacy;  // "addsource" / "removesource"
};

// nullopt for an unknown name.
std::optional<ParsedAction> parseJingleAction(std::string_view name);
// The wire name; legacy only changes SourceAdd ⇒ "addsource", SourceRemove ⇒ "removesource".
const char* toString(JingleAction action, bool legacy = false);

}  // namespace jicofo::protocol::jingle
