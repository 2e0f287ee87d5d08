#pragma once
// A small JSON reader and string quoting, for the compact JSON the focus exchanges inside XMPP (the
// json-message sources, protocol/jingle/JsonSources). Numbers are kept as their text (the caller decides the
// range); objects keep member order. Depth is limited (maxDepth) so hostile nesting cannot exhaust the stack.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jicofo::util {

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    std::string text;  // String: the value; Number: the literal as written
    std::vector<JsonValue> items;
    std::vector<std::pair<std::string, JsonValue>> members;

    bool isArray() const { return kind == Kind::Array; }
    bool isObject() const { return kind == Kind::Object; }
    bool isString() const { return kind == Kind::String; }
    bool isNumber() const { return kind == Kind::Number; }
    const JsonValue* member(std::string_view name) const;  // first member of that name; nullptr when none
};

// The whole text must be one JSON value (surrounding whitespace allowed). On failure: nullopt and, when
// error is given, what was wrong and where.
std::optional<JsonValue> parseJson(std::string_view text, std::string* error = nullptr, int maxDepth = 16);

// "text" with JSON escapes (quote, backslash, control characters).
std::string jsonQuote(std::string_view text);

}  // namespace jicofo::util
