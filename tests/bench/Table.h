#pragma once
// A plain-text table of measured figures against the targets:
//   metric | measured | target | verdict
// The verdict says by how much a target was missed, so the output can be pasted into a closing note.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace jicofo::bench {

class Table {
  public:
    explicit Table(std::string title) : title_(std::move(title)) {}

    // A figure with an upper bound: verdict "ok" or "MISSED (x1.7)".
    void limit(const std::string& metric, double value, const std::string& unit, double target) {
        std::string verdict;
        if (std::isnan(value))
            verdict = "NO DATA";
        else if (value <= target)
            verdict = "ok";
        else
            verdict = "MISSED (x" + fmt(value / target, 2) + ")";
        rows_.push_back({metric, fmt(value, decimals(value)) + " " + unit,
                         "<= " + fmt(target, decimals(target)) + " " + unit, verdict});
    }
    // A figure without a target.
    void info(const std::string& metric, const std::string& value) {
        rows_.push_back({metric, value, "", ""});
    }
    void info(const std::string& metric, double value, const std::string& unit) {
        info(metric, fmt(value, decimals(value)) + " " + unit);
    }

    void print(std::ostream& out) const {
        std::size_t w[4] = {6, 8, 6, 7};
        for (const auto& r : rows_)
            for (int i = 0; i < 4; ++i) w[i] = std::max(w[i], r[i].size());
        out << "\n" << title_ << "\n";
        auto line = [&](const std::vector<std::string>& r) {
            out << "  ";
            for (int i = 0; i < 4; ++i) {
                out << r[i] << std::string(w[i] - r[i].size(), ' ');
                if (i < 3) out << " | ";
            }
            out << "\n";
        };
        line({"metric", "measured", "target", "verdict"});
        out << "  " << std::string(w[0] + w[1] + w[2] + w[3] + 9, '-') << "\n";
        for (const auto& r : rows_) line(r);
        out.flush();
    }

    static std::string fmt(double v, int decimals) {
        if (std::isnan(v)) return "n/a";
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
        return buf;
    }

  private:
    static int decimals(double v) { return std::fabs(v) >= 100 ? 0 : std::fabs(v) >= 10 ? 1 : 2; }

    std::string title_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace jicofo::bench
