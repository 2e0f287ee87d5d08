#include "protocol/jingle/JingleAction.h"

#include <utility>

namespace jicofo::protocol::jingle {
namespace {

constexpr std::pair<JingleAction, const char*> kNames[] = {
    {JingleAction::ContentAccept, "content-accept"},
    {JingleAction::ContentAdd, "content-add"},
    {JingleAction::ContentModify, "content-modify"},
    {JingleAction::ContentReject, "content-reject"},
    {JingleAction::ContentRemove, "content-remove"},
    {JingleAction::DescriptionInfo, "description-info"},
    {JingleAction::SecurityInfo, "security-info"},
    {JingleAction::SessionAccept, "session-accept"},
    {JingleAction::SessionInfo, "session-info"},
    {JingleAction::SessionInitiate, "session-initiate"},
    {JingleAction::SessionTerminate, "session-terminate"},
    {JingleAction::TransportAccept, "transport-accept"},
    {JingleAction::TransportInfo, "transport-info"},
    {JingleAction::TransportReject, "transport-reject"},
    {JingleAction::TransportReplace, "transport-replace"},
    {JingleAction::SourceAdd, "source-add"},
    {JingleAction::SourceRemove, "source-remove"},
};

}  // namespace

std::optional<ParsedAction> parseJingleAction(std::string_view name) {
    if (name == "addsource") return ParsedAction{JingleAction::SourceAdd, true};
    if (name == "removesource") return ParsedAction{JingleAction::SourceRemove, true};
    for (const auto& [action, text] : kNames)
        if (name == text) return ParsedAction{action, false};
    return std::nullopt;
}

const char* toString(JingleAction action, bool legacy) {
    if (legacy && action == JingleAction::SourceAdd) return "addsource";
    if (legacy && action == JingleAction::SourceRemove) return "removesource";
    for (const auto& [a, text] : kNames)
        if (a == action) return text;
    return "session-info";  // unreachable: every enumerator is in the table
}

}  // namespace jicofo::protocol::jingle
