// The connection's write path (issue 10 part 1): once the writer runs, a write only queues, whatever the
// peer does; a peer that stops reading loses the connection after the stall timeout, or at once when the
// queue goes over its bound. The peer is a plain local socket the test reads, or does not.
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>

#include "xmpp/Connection.h"
#include "xmpp/XmppError.h"

using namespace jicofo;
using namespace std::chrono_literals;

namespace {

class ConnectionWrite : public ::testing::Test {
  protected:
    void SetUp() override {
        // A small receive buffer on the peer: what the kernel holds for it stays small, so a peer that does
        // not read fills up after a few MB (the sender's own buffer) and the queue must take the rest.
        server_.bind(Poco::Net::SocketAddress("127.0.0.1", 0), true);
        server_.setReceiveBufferSize(4096);  // before listen(): accepted sockets inherit it
        server_.listen();
        conn_ = std::make_unique<xmpp::Connection>();
        conn_->connect("127.0.0.1", server_.address().port(), util::Duration(2000));
        peer_ = server_.acceptConnection();
    }

    // Writes `total` bytes in 16 KiB pieces (byte i of the stream is 'a' + i % 26) the way the focus loop
    // writes: it must not wait for the peer. Fails the test when the writes take longer than `limit`;
    // returns how many bytes were accepted before a write threw, and the error.
    std::pair<std::size_t, std::string> writeFromAnotherThread(std::size_t total,
                                                               std::chrono::milliseconds limit = 5000ms) {
        auto done = std::async(std::launch::async, [this, total] {
            std::string piece(16384, 'x');
            std::size_t sent = 0;
            try {
                while (sent < total) {
                    for (std::size_t i = 0; i < piece.size(); ++i) piece[i] = char('a' + (sent + i) % 26);
                    conn_->writeRaw(piece);
                    sent += piece.size();
                }
            } catch (const xmpp::XmppError& e) {
                return std::pair<std::size_t, std::string>(sent, e.what());
            }
            return std::pair<std::size_t, std::string>(sent, "");
        });
        if (done.wait_for(limit) != std::future_status::ready) {
            ADD_FAILURE() << "a write waited on the peer";
            conn_->abort("test over");  // lets the writes end so the test can finish
        }
        return done.get();
    }

    // Reads until `total` bytes arrived or the socket ends; checks the pattern.
    std::size_t readAll(std::size_t total) {
        std::vector<char> buf(65536);
        std::size_t got = 0;
        peer_.setReceiveTimeout(Poco::Timespan(5, 0));
        while (got < total) {
            int n = peer_.receiveBytes(buf.data(), static_cast<int>(buf.size()));
            if (n <= 0) break;
            for (int i = 0; i < n; ++i)
                if (buf[i] != char('a' + (got + i) % 26)) {
                    ADD_FAILURE() << "byte " << got + i << " out of order";
                    return got;
                }
            got += static_cast<std::size_t>(n);
        }
        return got;
    }

    // The reason next() fails with (the connection was aborted), within a few seconds.
    std::string readerError() {
        try {
            conn_->next(util::Clock::now() + util::Duration(5000));
        } catch (const xmpp::XmppError& e) {
            return e.what();
        }
        return "no error";
    }

    Poco::Net::ServerSocket server_;
    Poco::Net::StreamSocket peer_;
    std::unique_ptr<xmpp::Connection> conn_;
};

}  // namespace

TEST_F(ConnectionWrite, QueuedWritesReturnAtOnceAndArriveInOrderWhenThePeerReadsAgain) {
    conn_->startWriter({std::size_t(8) << 20, util::Duration(60000)});
    const std::size_t total = std::size_t(6) << 20;  // more than the sockets hold
    auto [sent, error] = writeFromAnotherThread(total);
    EXPECT_EQ(error, "");
    EXPECT_EQ(sent, total);
    EXPECT_GT(conn_->queuedBytes(), 0u) << "the peer reads nothing yet: some output waits in the queue";
    EXPECT_FALSE(conn_->aborted());
    EXPECT_EQ(readAll(total), total);
    for (int i = 0; i < 100 && conn_->queuedBytes() > 0; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(conn_->queuedBytes(), 0u);
}

TEST_F(ConnectionWrite, APeerThatStopsReadingLosesTheConnectionAfterTheStallTimeout) {
    conn_->startWriter({std::size_t(8) << 20, util::Duration(300)});
    auto [sent, error] = writeFromAnotherThread(std::size_t(7) << 20);
    EXPECT_EQ(error, "") << "queued under the bound: no write fails";
    std::string why = readerError();
    EXPECT_NE(why.find("not reading"), std::string::npos) << why;
    EXPECT_TRUE(conn_->aborted());
}

TEST_F(ConnectionWrite, OverTheBoundTheWriteFailsAtOnceAndTheConnectionIsDropped) {
    conn_->startWriter({std::size_t(1) << 20, util::Duration(60000)});
    auto [sent, error] = writeFromAnotherThread(std::size_t(64) << 20);
    EXPECT_NE(error.find("not reading"), std::string::npos) << error;
    EXPECT_LT(sent, std::size_t(64) << 20);
    EXPECT_TRUE(conn_->aborted());
    EXPECT_NE(readerError().find("bytes waiting to be written"), std::string::npos);
    // Later writes fail too, at once.
    auto again = writeFromAnotherThread(16384);
    EXPECT_NE(again.second, "");
}

TEST_F(ConnectionWrite, DestroyingAConnectionWithUnwrittenOutputDoesNotWaitForThePeer) {
    conn_->startWriter({std::size_t(8) << 20, util::Duration(60000)});
    writeFromAnotherThread(std::size_t(6) << 20);
    auto gone = std::async(std::launch::async, [this] { conn_.reset(); });
    EXPECT_EQ(gone.wait_for(5s), std::future_status::ready) << "the writer thread held the destructor";
}

TEST_F(ConnectionWrite, BeforeTheWriterStartsWritesGoOutOnTheCaller) {
    conn_->writeRaw("abcdefghij");
    EXPECT_EQ(conn_->queuedBytes(), 0u);
    EXPECT_EQ(readAll(10), 10u);
}
