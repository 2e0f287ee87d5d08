#include "log/RecentWarnings.h"

#include <boost/log/core.hpp>
#include <boost/log/expressions.hpp>
#include <boost/log/sinks/basic_sink_backend.hpp>
#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/make_shared.hpp>
#include <deque>

#include "log/LogFormat.h"
#include "log/LogSetup.h"

namespace jicofo::log {
namespace {

namespace bl = boost::log;

class RingBackend : public bl::sinks::basic_formatted_sink_backend<char, bl::sinks::synchronized_feeding> {
  public:
    void consume(const bl::record_view&, const string_type& line) {
        lines_.push_back(line);
        while (lines_.size() > kRecentWarnings) lines_.pop_front();
    }
    std::vector<std::string> lines() const { return {lines_.begin(), lines_.end()}; }
    void clear() { lines_.clear(); }

  private:
    std::deque<std::string> lines_;
};

using RingSink = bl::sinks::synchronous_sink<RingBackend>;

// One sink for the process, made on first use; the core only holds a reference to it.
boost::shared_ptr<RingSink>& ring() {
    static boost::shared_ptr<RingSink> sink;
    return sink;
}

}  // namespace

void installRecentWarnings() {
    auto& sink = ring();
    if (!sink) {
        sink = boost::make_shared<RingSink>();
        sink->set_formatter(parseFormat(defaultFormat()));
        sink->set_filter(bl::expressions::attr<Severity>("Severity") >= Severity::warning);
    }
    auto core = bl::core::get();
    core->remove_sink(sink);
    core->add_sink(sink);
}

std::vector<std::string> recentWarnings() {
    auto& sink = ring();
    if (!sink) return {};
    return sink->locked_backend()->lines();
}

void clearRecentWarnings() {
    if (auto& sink = ring()) sink->locked_backend()->clear();
}

}  // namespace jicofo::log
