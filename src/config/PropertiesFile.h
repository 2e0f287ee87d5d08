#pragma once
// Reads the text of a Java .properties file the way java.util.Properties.load does: `=`, `:` or whitespace
// between key and value, `#`/`!` comment lines (never continued), a backslash at the end of a line continues
// it (leading whitespace of the next line dropped), escapes \t \n \r \f \uXXXX and `\x` => x in keys and
// values, value whitespace at the end kept, later duplicates win. One difference: Java read the bytes as
// ISO-8859-1; here they pass through unchanged (UTF-8 files stay UTF-8) and \uXXXX (surrogate pairs too)
// becomes UTF-8.
#include <map>
#include <string>
#include <string_view>

#include "util/Result.h"

namespace jicofo::config {

struct PropertiesSyntaxError {
    int line;  // 1-based line where the bad logical line starts
    std::string message;
};

using PropertyMap = std::map<std::string, std::string>;

// The only error Java's loader raised is a malformed \uXXXX escape; that is the only one here too.
util::Result<PropertyMap, PropertiesSyntaxError> parseProperties(std::string_view text);

}  // namespace jicofo::config
