#pragma once
// A room's ColibriAllocator on the BridgeHarness, with scripted bridges (FakeBridge) the test answers for.
#include <memory>

#include "bridge/ColibriAllocator.h"
#include "bridge/ColibriExpiry.h"
#include "logic/bridge/BridgeHarness.h"
#include "logic/bridge/FakeBridge.h"
#include "media/OfferFactory.h"

namespace jicofo::test {

struct RecordingAllocatorListener : bridge::AllocatorListener {
    std::vector<std::pair<std::string, std::vector<std::string>>> lost;  // bridge, endpoints
    void onParticipantsLost(const util::Jid& bridge, const std::vector<std::string>& endpoints) override {
        lost.emplace_back(bridge.str(), endpoints);
    }
};

class AllocatorHarness : public BridgeHarness {
  public:
    static constexpr const char* kJvb1 = "jvb1.example.com";
    static constexpr const char* kJvb2 = "jvb2.example.com";
    static constexpr const char* kRoom = "r1@conference.example.com";
    using Outcome = util::Result<bridge::Allocation, protocol::StanzaError>;

    explicit AllocatorHarness(const std::vector<std::string>& bridges = {kJvb1, kJvb2},
                              bridge::BridgeRegistrySettings s = defaults())
        : BridgeHarness(s) {
        if (!bridges.empty()) startWith(bridges);
        colibri = std::make_unique<bridge::ColibriAllocator>(ctx, bjid(kRoom), &listener);
    }

    static std::vector<protocol::jingle::Content> offerTemplate() {
        return media::OfferFactory::createTemplate(media::ParticipantFeatures{}, true);
    }
    static protocol::colibri::AllocateOptions options() {
        protocol::colibri::AllocateOptions o;
        o.simulcastMode = "REWRITING";
        return o;
    }

    bridge::ColibriAllocator::Handle allocate(const std::string& endpoint,
                                              std::optional<util::Jid> hint = std::nullopt) {
        return colibri->allocate(endpoint, offerTemplate(), options(), hint,
                                 [this, endpoint](Outcome r) { outcomes.insert_or_assign(endpoint, r); });
    }

    // The pending allocate requests (Colibri IQs of type get) to a bridge, removed.
    std::vector<protocol::Iq> allocateRequests(const std::string& bridge) {
        auto all = takeIqs(bridge, "conference", protocol::ns::kColibri);
        std::vector<protocol::Iq> gets;
        for (auto& iq : all) {
            if (iq.type == protocol::IqType::Get)
                gets.push_back(iq);
            else
                client.sent().push_back(iq.toElement());  // not ours: put it back
        }
        return gets;
    }
    protocol::Iq allocateRequest(const std::string& bridge) {
        auto all = allocateRequests(bridge);
        EXPECT_EQ(all.size(), 1u) << "allocate requests to " << bridge;
        for (std::size_t i = 1; i < all.size(); ++i) client.sent().push_back(all[i].toElement());
        return all.empty() ? protocol::Iq{} : all.front();
    }
    // The pending Colibri sets to a bridge (updates and expires), removed.
    std::vector<protocol::Iq> colibriSets(const std::string& bridge) {
        auto all = takeIqs(bridge, "conference", protocol::ns::kColibri);
        std::vector<protocol::Iq> sets;
        for (auto& iq : all) {
            if (iq.type == protocol::IqType::Set)
                sets.push_back(iq);
            else
                client.sent().push_back(iq.toElement());
        }
        return sets;
    }
    // Applies every pending expire to the fake bridge and answers it; returns how many there were.
    std::size_t serveExpires(const std::string& bridge, FakeBridge& fake) {
        auto sets = colibriSets(bridge);
        for (const auto& iq : sets) {
            fake.expire(iq);
            reply(iq);
        }
        return sets.size();
    }
    void answer(FakeBridge& fake, const protocol::Iq& request) { reply(request, fake.allocate(request)); }
    // Allocates `endpoint` on the room's bridge, which answers at once.
    bridge::Allocation allocated(const std::string& endpoint, const std::string& bridge, FakeBridge& fake) {
        allocate(endpoint);
        answer(fake, allocateRequest(bridge));
        EXPECT_TRUE(outcomes.count(endpoint) && outcomes.at(endpoint).ok()) << endpoint << " not allocated";
        return outcomes.at(endpoint).value();
    }
    static std::string conferenceIdOf(const protocol::Iq& iq) { return iq.payload->attr("id"); }

    bridge::BridgeSelector selector{std::chrono::minutes(5)};
    bridge::ColibriExpiry expiry{loop, client, router, registry, {}};
    bridge::AllocatorContext ctx{loop, client, router, registry, selector, expiry, std::chrono::seconds(20)};
    RecordingAllocatorListener listener;
    std::unique_ptr<bridge::ColibriAllocator> colibri;
    std::map<std::string, Outcome> outcomes;
    FakeBridge jvb1{"j1"}, jvb2{"j2"};
};

}  // namespace jicofo::test
