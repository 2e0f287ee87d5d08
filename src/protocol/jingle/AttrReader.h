#pragma once
// Reads and checks the attributes of one element for the typed protocol objects. The first problem found is
// kept as a bad-request StanzaError whose text names the element and attribute, so parse() can stop with it.
// Attributes never asked for are returned by unread(): objects keep them to write them back unchanged.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol::jingle {

using Attributes = std::vector<std::pair<std::string, std::string>>;

class AttrReader {
  public:
    explicit AttrReader(const xml::Element& element) : e_(element) {}

    // The value, "" when absent (a required one that is absent or empty is an error).
    std::string str(std::string_view name, bool required = false);
    // Decimal digits only (no sign, no spaces), at most max. Absent ⇒ nullopt (error when required).
    std::optional<uint64_t> uint(std::string_view name, uint64_t max, bool required = false);
    // Optional leading '-', then decimal digits; min <= value <= max.
    std::optional<int64_t> sint(std::string_view name, int64_t min, int64_t max, bool required = false);
    // true/1 ⇒ true, false/0 ⇒ false (any case); anything else is an error. Absent ⇒ nullopt.
    std::optional<bool> boolean(std::string_view name);

    bool failed() const { return error_.has_value(); }
    const StanzaError& error() const { return *error_; }
    // Records a problem found by the caller (the first one wins).
    void fail(std::string text);
    // Attributes of the element that no str/uint/boolean call asked for, in document order.
    Attributes unread() const;

  private:
    const xml::Element& e_;
    std::vector<std::string> read_;
    std::optional<StanzaError> error_;
};

// Decimal digits only, value <= max.
std::optional<uint64_t> parseDecimal(std::string_view text, uint64_t max);
// Appends attributes (those already set are replaced).
void writeAttributes(xml::Element& e, const Attributes& attrs);
// "true" / "false".
inline const char* boolText(bool b) {
    return b ? "true" : "false";
}
StanzaError badRequest(std::string text);

}  // namespace jicofo::protocol::jingle
