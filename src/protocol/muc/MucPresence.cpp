#include "protocol/muc/MucPresence.h"

#include <cstdlib>

#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"

namespace jicofo::protocol {

MucAffiliation parseAffiliation(const std::string& s) {
    if (s == "owner") return MucAffiliation::Owner;
    if (s == "admin") return MucAffiliation::Admin;
    if (s == "member") return MucAffiliation::Member;
    if (s == "outcast") return MucAffiliation::Outcast;
    return MucAffiliation::None;
}

MucRole parseRole(const std::string& s) {
    if (s == "moderator") return MucRole::Moderator;
    if (s == "participant") return MucRole::Participant;
    if (s == "visitor") return MucRole::Visitor;
    return MucRole::None;
}

const char* toString(MucAffiliation a) {
    switch (a) {
        case MucAffiliation::Owner:
            return "owner";
        case MucAffiliation::Admin:
            return "admin";
        case MucAffiliation::Member:
            return "member";
        case MucAffiliation::Outcast:
            return "outcast";
        case MucAffiliation::None:
            return "none";
    }
    return "none";
}

const char* toString(MucRole r) {
    switch (r) {
        case MucRole::Moderator:
            return "moderator";
        case MucRole::Participant:
            return "participant";
        case MucRole::Visitor:
            return "visitor";
        case MucRole::None:
            return "none";
    }
    return "none";
}

namespace {

std::string trimmed(const std::string& s) {
    const char* space = " \t\r\n";
    auto first = s.find_first_not_of(space);
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(space) - first + 1);
}

std::string readRegion(const xml::Element& p) {
    if (const xml::Element* r = p.child("jitsi_participant_region", p.ns())) {
        std::string text = trimmed(r->text());
        if (!text.empty()) return text;
    }
    if (const xml::Element* r = p.child("region", ns::kJitsiMeet)) return trimmed(r->attr("id"));
    return {};
}

}  // namespace

ParseResult<MucPresence> MucPresence::parse(const xml::Element& p) {
    if (p.name() != "presence") return StanzaError::of("bad-request", "not a presence");
    MucPresence m;
    auto from = util::Jid::parse(p.attr("from"));
    if (!from || from->node().empty()) return StanzaError::of("jid-malformed", "presence without a room JID");
    m.from = *from;
    const std::string& type = p.attr("type");
    m.unavailable = type == "unavailable";
    if (type == "error") {
        const xml::Element* err = p.child("error");
        m.error = err && StanzaError::parse(*err) ? StanzaError::parse(*err).value()
                                                  : StanzaError::of("undefined-condition");
        return m;
    }
    if (m.from.resource().empty()) return StanzaError::of("jid-malformed", "presence from the bare room JID");
    if (const xml::Element* x = p.child("x", ns::kMucUser)) {
        if (const xml::Element* item = x->child("item")) {
            m.affiliation = parseAffiliation(item->attr("affiliation"));
            m.role = parseRole(item->attr("role"));
            if (auto real = util::Jid::parse(item->attr("jid"))) m.realJid = *real;
        }
        for (const xml::Element* s : x->childrenNamed("status")) {
            const std::string& code = s->attr("code");
            char* end = nullptr;
            long v = std::strtol(code.c_str(), &end, 10);
            if (!code.empty() && end && *end == '\0' && v >= 100 && v <= 999) m.statusCodes.insert(int(v));
        }
        m.destroyed = x->child("destroy") != nullptr;
    }
    if (const xml::Element* n = p.child("nick", ns::kNick)) m.nick = n->text();
    if (const xml::Element* sm = p.child("startmuted", ns::kStartMuted))
        m.startMuted = StartMuted{sm->attr("audio") == "true", sm->attr("video") == "true"};
    if (const xml::Element* c = p.child("c", ns::kCaps)) {
        if (auto caps = EntityCaps::parse(*c)) m.caps = caps.value();
    }
    m.region = readRegion(p);
    return m;
}

xml::Element MucPresence::toElement() const {
    xml::Element p("presence", ns::kClient);
    p.setAttr("from", from.str());
    if (error) {
        p.setAttr("type", "error");
        p.addChild(error->toElement());
        return p;
    }
    if (unavailable) p.setAttr("type", "unavailable");
    auto& x = p.addChild("x", ns::kMucUser);
    auto& item = x.addChild("item");
    item.setAttr("affiliation", protocol::toString(affiliation));
    item.setAttr("role", protocol::toString(role));
    if (!realJid.empty()) item.setAttr("jid", realJid.str());
    for (int code : statusCodes) x.addChild("status").setAttr("code", std::to_string(code));
    if (destroyed) x.addChild("destroy");
    if (nick) p.addChild("nick", ns::kNick).setText(*nick);
    if (startMuted) {
        auto& sm = p.addChild("startmuted", ns::kStartMuted);
        sm.setAttr("audio", startMuted->audio ? "true" : "false");
        sm.setAttr("video", startMuted->video ? "true" : "false");
    }
    if (!region.empty()) p.addChild("jitsi_participant_region").setText(region);
    return p;
}

bool MucPresence::operator==(const MucPresence& o) const {
    auto sameError = [](const std::optional<StanzaError>& a, const std::optional<StanzaError>& b) {
        if (!a || !b) return !a && !b;
        return a->condition == b->condition && a->type == b->type && a->text == b->text;
    };
    return from == o.from && unavailable == o.unavailable && sameError(error, o.error) &&
           affiliation == o.affiliation && role == o.role && realJid == o.realJid &&
           statusCodes == o.statusCodes && destroyed == o.destroyed && nick == o.nick &&
           startMuted == o.startMuted && region == o.region;
}

namespace {

xml::Element withExtensions(xml::Element p, const std::vector<xml::Element>& extensions) {
    for (const auto& e : extensions) {
        // addChild would give an element without namespace the parent's; keep it as given (bridgeIsDown).
        p.children().push_back(e);
    }
    return p;
}

}  // namespace

xml::Element makeMucJoin(const util::Jid& occupant, const std::vector<xml::Element>& extensions) {
    xml::Element p = makePresence(occupant);
    p.addChild("x", ns::kMuc);
    return withExtensions(std::move(p), extensions);
}

xml::Element makeMucUpdate(const util::Jid& occupant, const std::vector<xml::Element>& extensions) {
    return withExtensions(makePresence(occupant), extensions);
}

xml::Element makeMucLeave(const util::Jid& occupant) {
    return makePresence(occupant, "unavailable");
}

}  // namespace jicofo::protocol
