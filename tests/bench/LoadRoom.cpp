#include "bench/LoadRoom.h"

#include <thread>

#include "support/TestClient.h"

namespace jicofo::bench {

using namespace std::chrono_literals;

LoadRoom::LoadRoom(const test::ProsodyFixture& prosody, std::string room, int participants,
                   uint32_t firstSsrc)
    : prosody_(prosody), room_(std::move(room)), size_(participants), firstSsrc_(firstSsrc) {}

LoadRoom::~LoadRoom() {
    leave();
    disconnect();
}

std::string LoadRoom::connect(int deadlineMs, LoadFigures& figures) {
    auto deadline = Clock::now() + std::chrono::milliseconds(deadlineMs);
    std::string error;
    for (int i = static_cast<int>(participants_.size()); i < size_; ++i) {
        std::unique_ptr<test::TestClient> client;
        for (int attempt = 0; !client; ++attempt) {
            try {
                client = test::TestClient::anonymous(prosody_);
            } catch (const std::exception& e) {
                error = e.what();
                if (Clock::now() > deadline) return "client " + std::to_string(i) + ": " + error;
                ++figures.loginRetries;
                std::this_thread::sleep_for(std::chrono::milliseconds(100 * std::min(attempt + 1, 10)));
            }
        }
        uint32_t audio = firstSsrc_ + 2u * static_cast<uint32_t>(i);
        participants_.push_back(
            std::make_unique<MediaParticipant>(std::move(client), audio, audio + 1, owners_));
        owners_[audio] = owners_[audio + 1] = participants_.back().get();
    }
    return {};
}

std::string LoadRoom::join(int timeoutMs, LoadFigures& figures) {
    auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    auto left = [&] {
        return util::Duration(std::max<long>(
            1, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count()));
    };
    util::Jid focus = *util::Jid::parse(prosody_.focusComponent());
    for (int i = 0; i < size_; ++i) {
        MediaParticipant& p = *participants_[static_cast<std::size_t>(i)];
        for (;;) {
            std::string error = p.requestConference(focus, room_);
            if (error.empty()) break;
            if (Clock::now() > deadline) return room_ + " p" + std::to_string(i) + ": " + error;
            ++figures.conferenceRetries;  // focus not connected yet, or not ready: a 2015 client asks again
            std::this_thread::sleep_for(500ms);
        }
        p.join(room_, "p" + std::to_string(i));
        if (!p.waitJoined(left())) return "no self presence: " + p.describe();
        for (int j = i == 1 ? 0 : i; i >= 1 && j <= i; ++j) {
            auto& q = *participants_[static_cast<std::size_t>(j)];
            if (!q.waitActive(left())) return "no session: " + q.describe();
        }
    }
    return {};
}

std::string LoadRoom::waitSettled(int timeoutMs) {
    if (size_ < 2) return {};
    auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    std::vector<const MediaParticipant*> peers;
    for (const auto& p : participants_) peers.push_back(p.get());
    for (const auto& p : participants_) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (!p->waitKnows(peers, util::Duration(std::max<long>(1, left)))) {
            std::string out = "media did not settle:";
            for (const auto& q : participants_) out += "\n  " + q->describe();
            return out;
        }
    }
    return {};
}

void LoadRoom::collect(LoadFigures& figures) const {
    for (int i = 1; i < static_cast<int>(participants_.size()); ++i) {
        const MediaParticipant& p = *participants_[static_cast<std::size_t>(i)];
        figures.duplicates += p.duplicates();
        if (auto initiate = p.initiateAt()) figures.joinToInitiate.add(msBetween(p.joinSent(), *initiate));
    }
    for (const auto& p : participants_) {
        auto acked = p->acceptAcked();
        for (const auto& sa : p->sourceAdds()) {
            auto ownerAccept = sa.owner->acceptSent();
            if (ownerAccept && acked && *acked < *ownerAccept)
                figures.acceptToSourceAdd.add(msBetween(*ownerAccept, sa.at));
        }
    }
}

void LoadRoom::leave() {
    for (auto& p : participants_) {
        if (p->client().closed()) continue;
        try {
            p->leave();
        } catch (const std::exception&) {
        }
    }
}

void LoadRoom::disconnect() {
    for (auto& p : participants_) {
        if (!p->client().closed()) p->client().disconnect();  // else the stream is gone already
    }
}

std::vector<MediaParticipant*> LoadRoom::participants() const {
    std::vector<MediaParticipant*> out;
    for (const auto& p : participants_) out.push_back(p.get());
    return out;
}

}  // namespace jicofo::bench
