#include "bench/MediaParticipant.h"

#include <sstream>

#include "bench/Client2015.h"
#include "protocol/focus/ConferenceIq.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"

namespace jicofo::bench {

using protocol::Iq;
using protocol::IqType;
namespace jingle = protocol::jingle;

namespace {
int countElements(const xml::Element& e) {
    int n = 1;
    for (const auto& c : e.children()) n += countElements(c);
    return n;
}
}  // namespace

MediaParticipant::MediaParticipant(std::unique_ptr<test::TestClient> client, uint32_t audioSsrc,
                                   uint32_t videoSsrc,
                                   const std::map<uint32_t, const MediaParticipant*>& owners)
    : client_(std::move(client)), audio_(audioSsrc), video_(videoSsrc), owners_(owners) {
    client_->setAutoResponder([this](const xml::Element& e) { return onStanza(e); });
}

MediaParticipant::~MediaParticipant() {
    client_->setAutoResponder(nullptr);
}

std::string MediaParticipant::requestConference(const util::Jid& focus, const std::string& room) {
    // samples/lib-jitsi-meet-1.0.6/conference-request.xml
    protocol::ConferenceIq c;
    c.room = room;
    c.machineUid = "e8b16f9deb16b144dfd02e0a12cfaa99";
    c.addProperty("disableAdaptiveSimulcast", "true");
    c.addProperty("disableRtx", "true");
    c.addProperty("enableLipSync", "true");
    c.addProperty("openSctp", "true");
    c.addProperty("simulcastMode", "rewriting");
    try {
        xml::Element reply = client_->request(Iq::request(IqType::Set, focus, c.toElement()));
        const xml::Element* conf = reply.child("conference", protocol::ns::kFocus);
        if (reply.attr("type") != "result" || !conf || conf->attr("ready") != "true")
            return "conference IQ answered " + reply.toString();
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

void MediaParticipant::join(const std::string& room, const std::string& nick) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        room_ = room;
        nick_ = nick;
        joinSent_ = Clock::now();
    }
    client_->send(joinPresence(*util::Jid::parse(room + "/" + nick), sendCaps_));
}

bool MediaParticipant::waitJoined(util::Duration timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return joined_; });
}

bool MediaParticipant::waitActive(util::Duration timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return acceptAcked_.has_value(); });
}

bool MediaParticipant::waitKnows(const std::vector<const MediaParticipant*>& peers, util::Duration timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
        if (!acceptAcked_) return false;
        for (const MediaParticipant* p : peers)
            if (p != this && (!known_.count(p->audio_) || !known_.count(p->video_))) return false;
        return true;
    });
}

void MediaParticipant::leave() {
    std::string occupant;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        occupant = room_ + "/" + nick_;
    }
    client_->send(protocol::makePresence(*util::Jid::parse(occupant), "unavailable"));
}

void MediaParticipant::ack(const xml::Element& stanza) {
    auto iq = Iq::parse(stanza);
    if (!iq) return;
    Iq r = iq->result();
    client_->send(r.toElement());
}

void MediaParticipant::problem(std::string what) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (problems_.size() < 5) problems_.push_back(std::move(what));
}

bool MediaParticipant::onStanza(const xml::Element& e) {
    auto now = Clock::now();
    if (e.name() == "presence") {
        util::Jid from = protocol::fromOf(e);
        std::lock_guard<std::mutex> lock(mutex_);
        if (from.bareStr() == room_ && from.resource() == nick_) {
            if (e.attr("type") == "error") {
                if (problems_.size() < 5) problems_.push_back("join refused: " + e.toString());
            } else if (e.attr("type") != "unavailable") {
                joined_ = true;
            }
            changed_.notify_all();
        }
        return true;
    }
    if (e.name() != "iq") return true;
    const std::string& type = e.attr("type");
    if (type == "result" || type == "error") {
        std::lock_guard<std::mutex> lock(mutex_);
        if (acceptId_.empty() || e.attr("id") != acceptId_) return false;  // for request()
        if (type == "result")
            acceptAcked_ = now;
        else if (problems_.size() < 5)
            problems_.push_back("session-accept refused: " + e.toString());
        changed_.notify_all();
        return true;
    }
    if (e.child("query", protocol::ns::kDiscoInfo)) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!discoAt_) discoAt_ = now;
        }
        auto iq = Iq::parse(e);
        if (iq) client_->send(iq->result(clientDiscoInfo().toElement()).toElement());
        return true;
    }
    if (e.child("jingle", protocol::ns::kJingle)) {
        onJingle(e);
        return true;
    }
    // Anything else the focus might ask (ping, version...): a 2015 client answered or errored; ack.
    if (type == "get" || type == "set") ack(e);
    return true;
}

void MediaParticipant::onJingle(const xml::Element& iq) {
    auto now = Clock::now();
    auto parsed = jingle::Jingle::parse(*iq.child("jingle", protocol::ns::kJingle));
    ack(iq);
    if (!parsed) {
        problem("unparsable jingle from the focus: " + iq.toString());
        return;
    }
    const jingle::Jingle& j = parsed.value();
    std::set<uint32_t> ssrcs;
    for (const auto& c : j.contents)
        if (c.description)
            for (const auto& s : c.description->sources)
                if (s.ssrc) ssrcs.insert(*s.ssrc);
    if (j.action == jingle::JingleAction::SessionInitiate) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!initiateAt_) {
                initiateAt_ = now;
            } else if (terminated_) {
                reoffers_.push_back(now);
                terminated_ = false;
                known_.clear();
                acceptAcked_.reset();
            } else if (problems_.size() < 5) {
                problems_.push_back("second session-initiate without a session-terminate");
            }
            for (uint32_t s : ssrcs) known_.emplace(s, "the offer");
            offerSize_ = {countElements(iq), iq.toString().size()};
            changed_.notify_all();
        }
        sendAccept(iq, j);
        return;
    }
    if (j.action == jingle::JingleAction::SourceAdd) {
        std::set<const MediaParticipant*> from;
        for (uint32_t s : ssrcs) {
            auto it = owners_.find(s);
            if (it != owners_.end()) from.insert(it->second);
        }
        std::lock_guard<std::mutex> lock(mutex_);
        for (const MediaParticipant* owner : from) sourceAdds_.push_back({owner, now});
        for (uint32_t s : ssrcs) {
            auto [it, fresh] = known_.emplace(s, "an earlier source-add");
            if (fresh) continue;
            ++duplicates_;
            if (problems_.size() < 5)
                problems_.push_back("source-add repeats SSRC " + std::to_string(s) + " known from " +
                                    it->second +
                                    (initiateAt_ ? " (" + std::to_string(msBetween(*initiateAt_, now)) +
                                                       " ms after the offer arrived)"
                                                 : std::string(" (no offer yet)")));
        }
        changed_.notify_all();
        return;
    }
    if (j.action == jingle::JingleAction::SessionTerminate) {
        std::lock_guard<std::mutex> lock(mutex_);
        terminated_ = true;
        changed_.notify_all();
        return;
    }
    if (j.action == jingle::JingleAction::SourceRemove) return;
    problem(std::string("unexpected jingle ") + j.actionName());
}

void MediaParticipant::sendAccept(const xml::Element& offerIq, const jingle::Jingle& offer) {
    jingle::Jingle accept = sessionAcceptFor(offer, audio_, video_, client_->jid().str());
    Iq iq = Iq::request(IqType::Set, protocol::fromOf(offerIq), accept.toElement());
    {
        // Stamped before it leaves: a peer may see the resulting source-add before send() returns here.
        std::lock_guard<std::mutex> lock(mutex_);
        acceptId_ = iq.id;
        acceptSent_ = Clock::now();
    }
    client_->send(iq.toElement());
}

Clock::time_point MediaParticipant::joinSent() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return joinSent_;
}
std::optional<Clock::time_point> MediaParticipant::discoAt() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return discoAt_;
}
std::optional<Clock::time_point> MediaParticipant::initiateAt() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return initiateAt_;
}
std::optional<Clock::time_point> MediaParticipant::acceptSent() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return acceptSent_;
}
std::optional<Clock::time_point> MediaParticipant::acceptAcked() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return acceptAcked_;
}
std::vector<MediaParticipant::SourceAdd> MediaParticipant::sourceAdds() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return sourceAdds_;
}
std::pair<int, std::size_t> MediaParticipant::offerSize() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return offerSize_;
}
int MediaParticipant::duplicates() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return duplicates_;
}
std::vector<std::string> MediaParticipant::problems() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return problems_;
}

int MediaParticipant::reoffers() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<int>(reoffers_.size());
}
std::optional<Clock::time_point> MediaParticipant::lastReoffer() const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (reoffers_.empty()) return std::nullopt;
    return reoffers_.back();
}
bool MediaParticipant::waitReoffers(int count, util::Duration timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return static_cast<int>(reoffers_.size()) >= count; });
}

std::string MediaParticipant::describe() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::ostringstream s;
    s << room_ << "/" << nick_ << ": joined=" << joined_ << " initiate=" << bool(initiateAt_)
      << " accepted=" << bool(acceptSent_) << " acked=" << bool(acceptAcked_) << " knows " << known_.size()
      << " ssrcs, " << sourceAdds_.size() << " source-adds";
    for (const auto& p : problems_) s << "\n    " << p;
    return s.str();
}

}  // namespace jicofo::bench
