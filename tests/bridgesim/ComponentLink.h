#pragma once
// The simulator's component stream(s) to Prosody as one StanzaChannel. XmppStream reconnects by itself and
// cannot be restarted once stopped, so a test-requested disconnect stops the current stream and a later
// connect() runs a fresh one on a thread of its own; stopped streams are joined at shutdown.
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "xmpp/XmppStream.h"

namespace jicofo::bridgesim {

class ComponentLink : public xmpp::StanzaChannel {
  public:
    ComponentLink(xmpp::XmppStream::Config config, util::Loop& loop);
    ~ComponentLink() override;  // shutdown()

    // Before connect(): where the streams' events go (on the loop).
    void setListener(xmpp::ChannelListener* listener) { listener_ = listener; }
    // Starts a stream unless one is running. Any thread.
    void connect();
    // Closes the current stream (</stream:stream>); nothing reconnects until connect(). Any thread.
    void disconnect();
    // Stops and joins every stream. Not on the loop thread while the loop must keep serving the streams'
    // posts: run() returns without waiting for the loop.
    void shutdown();

    void send(const xml::Element& stanza) override;
    bool isConnected() const override;
    util::Jid localJid() const override;

  private:
    struct Running {
        std::unique_ptr<xmpp::XmppStream> stream;
        std::thread thread;
    };

    xmpp::XmppStream::Config config_;
    util::Loop& loop_;
    xmpp::ChannelListener* listener_ = nullptr;
    mutable std::mutex mutex_;
    xmpp::XmppStream* current_ = nullptr;  // points into streams_
    std::vector<Running> streams_;
};

}  // namespace jicofo::bridgesim
