#pragma once
// The bridge side of Colibri for allocator tests, as a 2015 videobridge answers (docs/media.md §2.3, §2.5):
// an allocate without id creates a conference; every requested channel gets an id and a bundle transport; an
// expire removes channels. It counts what stays allocated, so a test can assert that nothing leaks.
#include <map>
#include <set>
#include <string>

#include "protocol/colibri/ColibriConference.h"
#include "protocol/stanza/Stanza.h"

namespace jicofo::test {

class FakeBridge {
  public:
    explicit FakeBridge(std::string tag) : tag_(std::move(tag)) {}

    // The <conference> of the result to an allocate request.
    xml::Element allocate(const protocol::Iq& request) {
        using namespace protocol::colibri;
        ColibriConference req = ColibriConference::parse(*request.payload).value();
        ColibriConference res;
        res.id = req.id.empty() ? tag_ + "-conf" + std::to_string(++created) : req.id;
        res.name = req.name;
        auto& live = conferences[res.id];
        for (const auto& content : req.contents) {
            ColibriContent& out = res.getOrAddContent(content.name);
            for (const auto& c : content.channels) {
                Channel ch;
                ch.id = nextId();
                ch.endpoint = c.endpoint;
                ch.expire = 60;
                ch.initiator = true;
                ch.channelBundleId = c.channelBundleId;
                ch.rtpLevelRelayType = "translator";
                ch.sources.push_back(protocol::jingle::Source::make(3000000000u + ++ssrc_));
                if (c.channelBundleId.empty()) ch.transport = transport(false);
                live.insert(ch.id);
                out.channels.push_back(std::move(ch));
            }
            for (const auto& s : content.sctpConnections) {
                SctpConnection sc;
                sc.id = nextId();
                sc.endpoint = s.endpoint;
                sc.expire = 60;
                sc.initiator = true;
                sc.channelBundleId = s.channelBundleId;
                if (s.channelBundleId.empty()) sc.transport = transport(false);
                live.insert(sc.id);
                out.sctpConnections.push_back(std::move(sc));
            }
        }
        for (const auto& b : req.channelBundles) {
            ChannelBundle bundle;
            bundle.id = b.id;
            bundle.transport = transport(true);
            res.channelBundles.push_back(std::move(bundle));
        }
        return res.toElement();
    }

    // Applies an expire request; returns how many channels it removed.
    std::size_t expire(const protocol::Iq& request) {
        using namespace protocol::colibri;
        ColibriConference req = ColibriConference::parse(*request.payload).value();
        auto& live = conferences[req.id];
        std::size_t n = 0;
        for (const auto& content : req.contents) {
            for (const auto& c : content.channels)
                if (c.expire == 0u) n += live.erase(c.id);
            for (const auto& s : content.sctpConnections)
                if (s.expire == 0u) n += live.erase(s.id);
        }
        return n;
    }

    std::size_t liveChannels() const {
        std::size_t n = 0;
        for (const auto& [id, channels] : conferences) n += channels.size();
        return n;
    }

    std::map<std::string, std::set<std::string>> conferences;  // id → live channel and sctpconnection ids
    int created = 0;

  private:
    std::string nextId() { return tag_ + "-ch" + std::to_string(++channels_); }
    static protocol::jingle::Transport transport(bool bundle) {
        protocol::jingle::Transport t;
        t.ufrag = "b4mcr1a0nf3v0q";
        t.pwd = "4q1p3tm1hnbgdarm6t0fv7ca9v";
        t.rtcpMux = bundle;
        protocol::jingle::Fingerprint fp;
        fp.hash = "sha-1";
        fp.value = "8F:2A:C1";
        t.fingerprints.push_back(fp);
        protocol::jingle::Candidate c;
        c.foundation = "1";
        c.generation = 0;
        c.id = "6c0d1e2f";
        c.ip = "198.51.100.7";
        c.network = 0;
        c.port = 10000;
        c.priority = 2130706431;
        c.protocol = "udp";
        c.type = "host";
        t.candidates.push_back(c);
        return t;
    }

    std::string tag_;
    int channels_ = 0;
    uint32_t ssrc_ = 0;
};

}  // namespace jicofo::test
