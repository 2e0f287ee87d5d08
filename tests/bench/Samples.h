#pragma once
// Latency samples in milliseconds with nearest-rank percentiles, for the benchmark's tables. Thread-safe:
// samples are added from the test clients' reader threads.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <vector>

namespace jicofo::bench {

using Clock = std::chrono::steady_clock;

inline double msBetween(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

class Samples {
  public:
    void add(double ms) {
        std::lock_guard<std::mutex> lock(mutex_);
        values_.push_back(ms);
    }
    std::size_t count() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return values_.size();
    }
    // Nearest rank: the smallest sample with at least p% of all samples at or below it; NaN when empty.
    double percentile(double p) const {
        std::lock_guard<std::mutex> lock(mutex_);
        if (values_.empty()) return std::nan("");
        std::vector<double> v = values_;
        std::sort(v.begin(), v.end());
        auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
        return v[std::min(v.size(), std::max<std::size_t>(rank, 1)) - 1];
    }
    double p50() const { return percentile(50); }
    double p99() const { return percentile(99); }
    double max() const { return percentile(100); }
    double mean() const {
        std::lock_guard<std::mutex> lock(mutex_);
        if (values_.empty()) return std::nan("");
        double sum = 0;
        for (double x : values_) sum += x;
        return sum / static_cast<double>(values_.size());
    }

  private:
    mutable std::mutex mutex_;
    std::vector<double> values_;
};

}  // namespace jicofo::bench
