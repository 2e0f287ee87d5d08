#pragma once
// Filter expressions of the logging settings ([Core] Filter=, a sink's Filter=), as Boost.Log writes them:
//   %Severity% >= INFO
//   %Severity% >= DEBUG and not %Room% contains "test"
//   (%Severity% > WARNING) or %Room%            (a bare %Name%: the record has that attribute)
// Relations: = != < > <= >= on %Severity% (by level; any name parseSeverity accepts) and on string attributes
// (%Room%, compared as text), plus contains, begins_with, ends_with on strings. Logic: and/&, or/|, not/!,
// parentheses. Regular expressions (matches) are not offered: they would bring boost_regex back.
#include <boost/log/core/core.hpp>
#include <boost/log/expressions/filter.hpp>
#include <string>

namespace jicofo::log {

// Throws std::invalid_argument saying what is wrong with `text`.
boost::log::filter parseFilter(const std::string& text);

}  // namespace jicofo::log
