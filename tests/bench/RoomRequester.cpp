#include "bench/RoomRequester.h"

#include "protocol/focus/ConferenceIq.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"

namespace jicofo::bench {

using protocol::Iq;
using protocol::IqType;

RoomRequester::RoomRequester(std::unique_ptr<test::TestClient> client, Run& run)
    : client_(std::move(client)), run_(run) {
    client_->setAutoResponder([this](const xml::Element& e) { return onStanza(e); });
}

RoomRequester::~RoomRequester() {
    client_->setAutoResponder(nullptr);
}

void RoomRequester::start(int inFlight) {
    for (int i = 0; i < inFlight; ++i) sendNext();
}

void RoomRequester::sendNext() {
    int n = run_.next.fetch_add(1);
    if (n >= run_.rooms) return;
    std::string room = run_.roomPrefix + "-" + std::to_string(n) + "@" + run_.mucDomain;
    // What a 2015 client sends (samples/lib-jitsi-meet-1.0.6/conference-request.xml).
    protocol::ConferenceIq c;
    c.room = room;
    c.machineUid = "e8b16f9deb16b144dfd02e0a12cfaa99";
    c.addProperty("openSctp", "true");
    c.addProperty("simulcastMode", "rewriting");
    Iq iq = Iq::request(IqType::Set, run_.focus, c.toElement());
    {
        std::lock_guard<std::mutex> lock(mutex_);
        pendingIqs_[iq.id] = {room, Clock::now()};
    }
    client_->send(iq.toElement());
}

bool RoomRequester::onStanza(const xml::Element& e) {
    auto now = Clock::now();
    if (e.name() == "iq") {
        const std::string& type = e.attr("type");
        if (type != "result" && type != "error") return false;
        Pending p;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            auto it = pendingIqs_.find(e.attr("id"));
            if (it == pendingIqs_.end()) return false;
            p = it->second;
            pendingIqs_.erase(it);
            if (type == "result") pendingJoins_[p.room] = p.sent;
        }
        if (type == "result") {
            run_.iqToReply.add(msBetween(p.sent, now));
            // A participant joins at once, as a 2015 client does after ready='true'.
            xml::Element join = protocol::makePresence(*util::Jid::parse(p.room + "/bench"));
            join.addChild("x", protocol::ns::kMuc);
            client_->send(join);
        } else {
            ++run_.errors;
            std::lock_guard<std::mutex> lock(run_.mutex);
            if (run_.firstErrors.size() < 3) run_.firstErrors.push_back(e.toString());
        }
        ++run_.replies;
        sendNext();
        notify();
        return true;
    }
    if (e.name() == "presence") {
        util::Jid from = protocol::fromOf(e);
        // The focus's presence comes among the occupants' presences the server sends a joining client.
        if (from.resource() == "focus" && e.attr("type") != "unavailable") {
            bool first = false;
            Clock::time_point sent;
            {
                std::lock_guard<std::mutex> lock(mutex_);
                auto it = pendingJoins_.find(from.bareStr());
                if (it != pendingJoins_.end()) {
                    first = true;
                    sent = it->second;
                    pendingJoins_.erase(it);
                }
            }
            if (first) {
                run_.iqToFocusPresence.add(msBetween(sent, now));
                ++run_.focusSeen;
                notify();
            }
        }
        return true;  // occupants' updates are of no interest here
    }
    return true;
}

void RoomRequester::notify() {
    std::lock_guard<std::mutex> lock(run_.mutex);
    run_.done.notify_all();
}

}  // namespace jicofo::bench
