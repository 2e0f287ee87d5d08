#include "support/TestEndpoint.h"

#include <stdexcept>

#include "protocol/stanza/Namespaces.h"
#include "xml/Writer.h"
#include "xmpp/NamespaceRewrite.h"
#include "xmpp/StreamErrors.h"
#include "xmpp/XmppError.h"

namespace jicofo::test {

using protocol::ns::kClient;
using protocol::ns::kComponent;

TestEndpoint::TestEndpoint(bool component) : component_(component) {}

TestEndpoint::~TestEndpoint() {
    if (conn_) conn_->abort("test endpoint destroyed");
    if (reader_.joinable()) reader_.join();
}

void TestEndpoint::begin(std::unique_ptr<xmpp::Connection> connection, util::Jid jid) {
    conn_ = std::move(connection);
    jid_ = std::move(jid);
    reader_ = std::thread([this] { readLoop(); });
}

void TestEndpoint::readLoop() {
    try {
        for (;;) {
            auto ev = conn_->next();
            if (ev.kind == xmpp::Connection::Event::Kind::StreamClose) {
                finish("the server closed the stream");
                return;
            }
            if (ev.kind != xmpp::Connection::Event::Kind::Stanza) continue;
            xml::Element stanza = std::move(ev.element);
            if (xmpp::isStreamError(stanza)) {
                finish("stream error: " + xmpp::describeStreamError(stanza));
                return;
            }
            if (component_) xmpp::toClientNamespace(stanza);
            AutoResponder responder;
            {
                std::lock_guard<std::mutex> lock(mutex_);
                responder = responder_;
            }
            if (responder && responder(stanza)) continue;
            std::lock_guard<std::mutex> lock(mutex_);
            inbox_.push_back(std::move(stanza));
            cv_.notify_all();
        }
    } catch (const std::exception& e) {
        finish(e.what());
    }
}

void TestEndpoint::finish(const std::string& reason) {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    reason_ = reason;
    cv_.notify_all();
}

namespace {
// Prosody's own expat (Debian 12's, with reparse deferral backported) holds a large token back until about as
// many bytes again arrive. A real client's later traffic releases it; whitespace keep-alives do here.
std::string withKeepAlives(std::string xml) {
    if (xml.size() > 4096) xml.append(xml.size(), ' ');
    return xml;
}
}  // namespace

void TestEndpoint::send(const xml::Element& stanza) {
    if (!component_) {
        conn_->writeRaw(withKeepAlives(xml::Writer::write(stanza, kClient)));
        return;
    }
    std::string from = jid_.str();
    conn_->writeRaw(
        withKeepAlives(xml::Writer::write(stanza, kComponent, {kClient, kComponent, {"from", from}})));
}

void TestEndpoint::sendRaw(const std::string& data) {
    conn_->writeRaw(withKeepAlives(data));
}

std::optional<xml::Element> TestEndpoint::waitFor(const Predicate& pred, util::Duration timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    auto until = util::Clock::now() + timeout;
    size_t checked = 0;  // stanzas already tested: only new arrivals need a look
    for (;;) {
        for (; checked < inbox_.size(); ++checked) {
            if (pred(inbox_[checked])) {
                xml::Element e = std::move(inbox_[checked]);
                inbox_.erase(inbox_.begin() + static_cast<long>(checked));
                return e;
            }
        }
        if (closed_) return std::nullopt;
        if (cv_.wait_until(lock, until) == std::cv_status::timeout) {
            // One last look: something may have arrived together with the timeout.
            for (; checked < inbox_.size(); ++checked) {
                if (pred(inbox_[checked])) {
                    xml::Element e = std::move(inbox_[checked]);
                    inbox_.erase(inbox_.begin() + static_cast<long>(checked));
                    return e;
                }
            }
            return std::nullopt;
        }
    }
}

xml::Element TestEndpoint::request(const protocol::Iq& iq, util::Duration timeout) {
    send(iq.toElement());
    auto reply = waitFor(iqResponse(iq.id), timeout);
    if (!reply)
        throw std::runtime_error("no reply to iq " + iq.id + " (to " + iq.to.str() + ") within " +
                                 std::to_string(timeout.count()) + " ms" +
                                 (closed() ? "; stream closed: " + closeReason() : std::string()));
    return *reply;
}

std::vector<xml::Element> TestEndpoint::pending() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return {inbox_.begin(), inbox_.end()};
}

void TestEndpoint::setAutoResponder(AutoResponder responder) {
    std::lock_guard<std::mutex> lock(mutex_);
    responder_ = std::move(responder);
}

void TestEndpoint::disconnect() {
    if (!conn_) return;
    conn_->closeStream(util::Duration(2000));
    if (reader_.joinable()) reader_.join();
}

void TestEndpoint::drop() {
    if (!conn_) return;
    conn_->abort("dropped by the test");
    if (reader_.joinable()) reader_.join();
}

bool TestEndpoint::closed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return closed_;
}

std::string TestEndpoint::closeReason() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return reason_;
}

bool TestEndpoint::waitClosed(util::Duration timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return cv_.wait_for(lock, timeout, [this] { return closed_; });
}

TestEndpoint::Predicate TestEndpoint::iqResponse(const std::string& id) {
    return [id](const xml::Element& e) {
        const std::string& type = e.attr("type");
        return e.name() == "iq" && e.attr("id") == id && (type == "result" || type == "error");
    };
}

TestEndpoint::Predicate TestEndpoint::named(const std::string& name, const std::string& childName,
                                            const std::string& childNs) {
    return [=](const xml::Element& e) {
        return e.name() == name && (childName.empty() || e.child(childName, childNs) != nullptr);
    };
}

}  // namespace jicofo::test
