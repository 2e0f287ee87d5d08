#pragma once
// Filter expressions of the logging settings ([Core] Filter=, a sink's Filter=), as Boost.Log writes them:
//   %Severity% >= INFO
//   %Severity% = DEBUG or (%Severity% >= ERROR and not %Severity% = FATAL)
// Relations = != < > <= >= on %Severity% (by level; any name parseSeverity accepts); logic and/&, or/|,
// not/!, parentheses. Only the severity can be filtered on: the room (JLOG_ROOM) is attached to a record
// after the filters ran. Regular expressions (matches) are not offered: they would bring boost_regex back.
#include <boost/log/core/core.hpp>
#include <boost/log/expressions/filter.hpp>
#include <string>

namespace jicofo::log {

// Throws std::invalid_argument saying what is wrong with `text`.
boost::log::filter parseFilter(const std::string& text);

}  // namespace jicofo::log
