#pragma once
// Canonical element equality compares children in order, and real peers order them differently (a client
// writes <source> before <rtcp-mux>, the bridge <rtcp-mux> before <candidate>). A parsed object remembers
// in which order each kind of child first appeared, and toElement() writes the groups in that order; an
// object built in code (empty order) uses the writer's default order. Children of one kind stay together.
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jicofo::protocol::jingle {

class ChildOrder {
  public:
    // Called for every child during parse; kind is the element name (or "#extra" for unmodelled ones).
    void saw(std::string_view kind);
    bool empty() const { return seen_.empty(); }
    void clear() { seen_.clear(); }

    using Writer = std::pair<std::string_view, std::function<void()>>;
    // Runs each writer once: kinds seen while parsing first, in their order, then the rest in the given
    // (default) order.
    void emit(std::initializer_list<Writer> writers) const;

  private:
    std::vector<std::string> seen_;
};

inline constexpr std::string_view kExtraKind = "#extra";

}  // namespace jicofo::protocol::jingle
