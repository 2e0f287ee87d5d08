#include "muc/ChatRoom.h"

#include <algorithm>

#include "log/Log.h"
#include "protocol/muc/MucOwner.h"
#include "protocol/stanza/Namespaces.h"

namespace jicofo::muc {

using protocol::Iq;
using protocol::IqType;
using protocol::MucPresence;

namespace {
// Caps as the 2015 focus advertised it: a generic client node (docs/protocol.md §3.2).
xml::Element capsElement() {
    xml::Element c("c", protocol::ns::kCaps);
    c.setAttr("hash", "sha-1");
    c.setAttr("node", "http://jitsi.org/jicofo");
    c.setAttr("ver", "RKP4Bm3HTl/XqGBMOD9aI5DHl0s=");
    return c;
}
}  // namespace

ChatRoom::ChatRoom(util::Jid room, std::string nick, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
                   util::Loop& loop, ChatRoomListener& listener, util::Duration joinTimeout,
                   util::Duration iqTimeout)
    : room_(room.bare()),
      self_(room_.withResource(nick)),
      nick_(std::move(nick)),
      channel_(channel),
      router_(router),
      loop_(loop),
      listener_(listener),
      joinTimeout_(joinTimeout),
      iqTimeout_(iqTimeout) {}

ChatRoom::~ChatRoom() {
    if (joinTimer_) loop_.cancel(joinTimer_);
}

const Occupant* ChatRoom::findOccupant(const util::Jid& occupantJid) const {
    if (occupantJid.bare() != room_) return nullptr;
    auto it = occupants_.find(occupantJid.resource());
    return it == occupants_.end() ? nullptr : &it->second;
}

std::vector<xml::Element> ChatRoom::presenceExtensions() const {
    std::vector<xml::Element> out{capsElement()};
    out.insert(out.end(), extensions_.begin(), extensions_.end());
    return out;
}

void ChatRoom::join() {
    state_ = State::Joining;
    stale_.clear();
    for (const auto& [nick, o] : occupants_) stale_[nick] = true;
    JLOG_ROOM(info, room_.str()) << "joining as " << nick_;
    channel_.send(protocol::makeMucJoin(self_, presenceExtensions()));
    selfSeen_ = configured_ = formRead_ = false;
    // Sent right behind the join: the server handles them in order, so by the time it reads these we are the
    // owner of the room we just created. One round trip instead of three (join, submit, fetch the form).
    configure();
    readMeetingId();
    if (joinTimer_) loop_.cancel(joinTimer_);
    joinTimer_ = loop_.schedule(joinTimeout_, [this] {  // cancelled by the destructor
        joinTimer_ = 0;
        if (state_ == State::Joining) fail("no self-presence from the room in time");
    });
}

void ChatRoom::leave() {
    if (state_ == State::Left || state_ == State::Idle) {
        state_ = State::Left;
        return;
    }
    state_ = State::Left;
    if (joinTimer_) loop_.cancel(joinTimer_);
    joinTimer_ = 0;
    channel_.send(protocol::makeMucLeave(self_));
    JLOG_ROOM(info, room_.str()) << "left the room";
}

void ChatRoom::connectionLost() {
    if (state_ == State::Left) return;
    state_ = State::Idle;
    if (joinTimer_) loop_.cancel(joinTimer_);
    joinTimer_ = 0;
}

void ChatRoom::fail(const std::string& why) {
    JLOG_ROOM(warning, room_.str()) << "join failed: " << why;
    if (joinTimer_) loop_.cancel(joinTimer_);
    joinTimer_ = 0;
    bool wasInRoom = state_ == State::Configuring || state_ == State::Joined;
    state_ = State::Left;
    if (wasInRoom) channel_.send(protocol::makeMucLeave(self_));
    listener_.onRoomJoinFailed(why);
}

void ChatRoom::handlePresence(const xml::Element& stanza) {
    auto parsed = MucPresence::parse(stanza);
    if (!parsed) {
        JLOG_ROOM(debug, room_.str()) << "ignored presence: " << parsed.error().text;
        return;
    }
    const MucPresence& p = parsed.value();
    if (p.error) {
        // An error presence answers our own join (nick conflict, room locked, not allowed...).
        if (state_ == State::Joining) fail("presence error: " + p.error->condition);
        return;
    }
    if (p.from == self_ || p.isSelf())
        onSelfPresence(p);
    else
        onOtherPresence(p);
}

void ChatRoom::onSelfPresence(const MucPresence& p) {
    if (p.unavailable) {
        if (state_ == State::Left) return;  // our own leave echoed back
        state_ = State::Left;
        listener_.onRoomLost(p.destroyed ? "room destroyed"
                                         : (p.kicked() ? "focus kicked" : "focus removed"));
        return;
    }
    if (state_ != State::Joining) return;  // later self presences (our own extension updates)
    if (joinTimer_) loop_.cancel(joinTimer_);
    joinTimer_ = 0;
    if (p.affiliation != protocol::MucAffiliation::Owner) {
        state_ = State::Configuring;  // we are in the room: fail() leaves it
        fail("Focus must be an owner! (affiliation " + std::string(protocol::toString(p.affiliation)) + ")");
        return;
    }
    // Everyone present was announced before our self-presence; those not announced again have gone.
    std::vector<Occupant> gone;
    for (const auto& [nick, isStale] : stale_)
        if (isStale && occupants_.count(nick)) gone.push_back(occupants_.at(nick));
    stale_.clear();
    for (const auto& o : gone) {
        occupants_.erase(o.nick);
        --joinCounter_;
        listener_.onOccupantLeft(o, false);
    }
    state_ = State::Configuring;
    selfSeen_ = true;
    maybeFinishJoin();
}

void ChatRoom::configure() {
    // Only the field that matters (non-anonymous, docs/protocol.md §5.1); the server keeps every other field
    // as it is, which is what 2015's fetch-and-resubmit of the whole form achieved in two more round trips.
    protocol::RoomConfigForm form;
    form.set("muc#roomconfig_whois", {"anyone"});
    requests_.send(Iq::request(IqType::Set, room_, form.toSubmitQuery()), iqTimeout_,
                   [this](util::Result<Iq, protocol::StanzaError> submitted) {
                       if (state_ != State::Joining && state_ != State::Configuring) return;
                       if (!submitted) {
                           state_ = State::Configuring;  // we are (or will be) in the room: leave it
                           return fail("room configuration refused: " + submitted.error().condition);
                       }
                       configured_ = true;
                       maybeFinishJoin();
                   });
}

void ChatRoom::readMeetingId() {
    // The form is fetched after the submit only for what the server adds to it (mod_muc_meeting_id's
    // muc#roominfo_meetingId). A refusal does not fail the join: the room then has no meeting id.
    requests_.send(Iq::request(IqType::Get, room_, protocol::makeRoomConfigRequest()), iqTimeout_,
                   [this](util::Result<Iq, protocol::StanzaError> form) {
                       if (state_ != State::Joining && state_ != State::Configuring) return;
                       meetingId_.clear();
                       if (!form) {
                           JLOG_ROOM(info, room_.str())
                               << "no configuration form: " << form.error().condition;
                       } else if (form->payload) {
                           auto parsed = protocol::RoomConfigForm::parse(*form->payload);
                           if (parsed) meetingId_ = parsed->value(protocol::kMeetingIdField);
                       }
                       if (!meetingId_.empty()) JLOG_ROOM(info, room_.str()) << "meeting id " << meetingId_;
                       formRead_ = true;
                       maybeFinishJoin();
                   });
}

void ChatRoom::maybeFinishJoin() {
    if (selfSeen_ && configured_ && formRead_) finishJoin();
}

void ChatRoom::finishJoin() {
    state_ = State::Joined;
    // Extensions the owner already set (a rejoin) go out again; new ones are sent by setExtension().
    if (!extensions_.empty()) channel_.send(protocol::makeMucUpdate(self_, presenceExtensions()));
    JLOG_ROOM(info, room_.str()) << "joined and configured, " << occupants_.size() << " occupant(s)";
    listener_.onRoomJoined();
}

void ChatRoom::onOtherPresence(const MucPresence& p) {
    const std::string& nick = p.from.resource();
    if (nick == nick_) return;  // another instance of the focus nick is never a participant (§5.3)
    auto it = occupants_.find(nick);
    if (p.unavailable) {
        if (it == occupants_.end()) return;
        Occupant gone = it->second;
        occupants_.erase(it);
        stale_.erase(nick);
        --joinCounter_;
        if (state_ == State::Joined) listener_.onOccupantLeft(gone, p.kicked());
        return;
    }
    if (it == occupants_.end()) {
        Occupant o;
        o.occupantJid = p.from;
        o.nick = nick;
        o.realJid = p.realJid;
        o.affiliation = p.affiliation;
        o.role = p.role;
        o.arrival = nextArrival_++;
        o.joinNumber = ++joinCounter_;
        o.startMuted = p.startMuted;
        o.caps = p.caps;
        o.region = p.region;
        occupants_.emplace(nick, o);
        if (state_ == State::Joined) listener_.onOccupantJoined(o);
        return;
    }
    Occupant& o = it->second;
    stale_[nick] = false;
    if (!p.realJid.empty() && o.realJid != p.realJid) {
        // Same nick, another person: the old one has gone (seen across a rejoin).
        Occupant old = o;
        o.realJid = p.realJid;
        o.arrival = nextArrival_++;
        o.caps = p.caps;
        o.region = p.region;
        if (state_ == State::Joined) {
            listener_.onOccupantLeft(old, false);
            listener_.onOccupantJoined(o);
        }
        return;
    }
    bool changed = o.affiliation != p.affiliation || o.role != p.role || p.startMuted.has_value();
    o.affiliation = p.affiliation;
    o.role = p.role;
    if (p.startMuted) o.startMuted = p.startMuted;
    if (p.caps) o.caps = p.caps;  // caps only matter when media starts; no listener event of their own
    if (!p.region.empty()) o.region = p.region;  // the same: read when the participant is allocated
    if (changed && state_ == State::Joined) listener_.onOccupantUpdated(o);
}

void ChatRoom::grantOwner(const Occupant& occupant, std::function<void(bool ok)> done) {
    if (occupant.realJid.empty()) {
        done(false);
        return;
    }
    JLOG_ROOM(info, room_.str()) << "granting owner to " << occupant.nick << " ("
                                 << occupant.realJid.bareStr() << ")";
    requests_.send(
        Iq::request(IqType::Set, room_, protocol::makeAffiliationChange(occupant.realJid, "owner")),
        iqTimeout_, [this, done](util::Result<Iq, protocol::StanzaError> reply) {
            if (!reply) JLOG_ROOM(warning, room_.str()) << "owner grant refused: " << reply.error().condition;
            done(reply.ok());
        });
}

void ChatRoom::destroy(const std::string& reason, std::function<void(bool ok)> done) {
    // <query xmlns='muc#owner'><destroy><reason>…</reason></destroy></query>, as the 2015 focus sent it.
    xml::Element query("query", protocol::ns::kMucOwner);
    query.addChild("destroy").addChild("reason").setText(reason);
    JLOG_ROOM(info, room_.str()) << "destroying the room: " << reason;
    requests_.send(Iq::request(IqType::Set, room_, std::move(query)), iqTimeout_,
                   [this, done](util::Result<Iq, protocol::StanzaError> reply) {
                       if (!reply)
                           JLOG_ROOM(warning, room_.str())
                               << "room destruction refused: " << reply.error().condition;
                       if (done) done(reply.ok());
                   });
}

void ChatRoom::setExtension(xml::Element extension) {
    for (auto& e : extensions_) {
        if (e.name() == extension.name() && e.ns() == extension.ns()) {
            e = std::move(extension);
            if (joined()) channel_.send(protocol::makeMucUpdate(self_, presenceExtensions()));
            return;
        }
    }
    extensions_.push_back(std::move(extension));
    if (joined()) channel_.send(protocol::makeMucUpdate(self_, presenceExtensions()));
}

}  // namespace jicofo::muc

namespace jicofo::muc {

void ChatRoom::removeExtension(const std::string& name, const std::string& ns) {
    auto before = extensions_.size();
    extensions_.erase(std::remove_if(extensions_.begin(), extensions_.end(),
                                     [&](const xml::Element& e) { return e.name() == name && e.ns() == ns; }),
                      extensions_.end());
    if (extensions_.size() != before && joined())
        channel_.send(protocol::makeMucUpdate(self_, presenceExtensions()));
}

}  // namespace jicofo::muc
