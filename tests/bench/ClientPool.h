#pragma once
// Many anonymous test clients logged in at once (TLS + SASL + bind each), on a few threads so that set-up
// does not dominate the run.
#include <atomic>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "support/TestClient.h"

namespace jicofo::bench {

inline std::vector<std::unique_ptr<test::TestClient>> connectClients(const test::ProsodyFixture& prosody,
                                                                     int count, int threads) {
    std::vector<std::unique_ptr<test::TestClient>> clients(static_cast<std::size_t>(count));
    std::atomic<int> next{0};
    std::mutex errorMutex;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&] {
            for (int i = next++; i < count; i = next++) {
                try {
                    clients[static_cast<std::size_t>(i)] = test::TestClient::anonymous(prosody);
                } catch (const std::exception& e) {
                    std::lock_guard<std::mutex> lock(errorMutex);
                    std::cerr << "client " << i << " could not log in: " << e.what() << "\n";
                }
            }
        });
    for (auto& w : workers) w.join();
    std::vector<std::unique_ptr<test::TestClient>> ok;
    for (auto& c : clients)
        if (c) ok.push_back(std::move(c));
    return ok;
}

}  // namespace jicofo::bench
