#pragma once
// A StanzaChannel that records what the code under test sends (the only fake in logic tests,
// docs/architecture.md).
#include <functional>
#include <optional>
#include <vector>

#include "protocol/stanza/Stanza.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::test {

class FakeChannel : public xmpp::StanzaChannel {
  public:
    explicit FakeChannel(util::Jid local) : local_(std::move(local)) {}

    void send(const xml::Element& stanza) override {
        if (onSend) onSend(stanza);
        if (connected_) sent_.push_back(stanza);
    }
    // Sees every stanza before it is recorded. A test may throw from it: the exception then escapes the
    // focus code that was sending (fault-injection tests, issue 10 part 3).
    std::function<void(const xml::Element&)> onSend;
    bool isConnected() const override { return connected_; }
    util::Jid localJid() const override { return local_; }
    void setConnected(bool c) { connected_ = c; }

    std::vector<xml::Element>& sent() { return sent_; }
    // Removes and returns the first sent stanza matching name (and optional payload child/namespace).
    std::optional<xml::Element> take(const std::string& name, const std::string& child = {},
                                     const std::string& childNs = {}) {
        for (auto it = sent_.begin(); it != sent_.end(); ++it) {
            if (it->name() != name) continue;
            if (!child.empty() && !it->child(child, childNs)) continue;
            xml::Element e = *it;
            sent_.erase(it);
            return e;
        }
        return std::nullopt;
    }
    void clear() { sent_.clear(); }

  private:
    util::Jid local_;
    bool connected_ = true;
    std::vector<xml::Element> sent_;
};

}  // namespace jicofo::test
