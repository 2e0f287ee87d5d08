#include "bridgesim/ComponentLink.h"

#include <stdexcept>

namespace jicofo::bridgesim {

ComponentLink::ComponentLink(xmpp::XmppStream::Config config, util::Loop& loop)
    : config_(std::move(config)), loop_(loop) {}

ComponentLink::~ComponentLink() {
    shutdown();
}

void ComponentLink::connect() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (current_) return;
    if (!listener_) throw std::logic_error("ComponentLink::connect without a listener");
    Running r;
    r.stream = std::make_unique<xmpp::XmppStream>(config_, loop_, *listener_);
    xmpp::XmppStream* stream = r.stream.get();
    r.thread = std::thread([stream] { stream->run(); });
    current_ = stream;
    streams_.push_back(std::move(r));
}

void ComponentLink::disconnect() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (current_) current_->stop();
    current_ = nullptr;
}

void ComponentLink::shutdown() {
    std::vector<Running> streams;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        current_ = nullptr;
        streams.swap(streams_);
    }
    for (auto& r : streams) r.stream->stop();
    for (auto& r : streams)
        if (r.thread.joinable()) r.thread.join();
}

void ComponentLink::send(const xml::Element& stanza) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (current_) current_->send(stanza);
}

bool ComponentLink::isConnected() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return current_ && current_->isConnected();
}

util::Jid ComponentLink::localJid() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return current_ ? current_->localJid() : util::Jid();
}

}  // namespace jicofo::bridgesim
