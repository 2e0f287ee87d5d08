#pragma once
// Line formats of the logging settings (a sink's Format=), as Boost.Log writes them: text with placeholders
//   %TimeStamp%   local time, YYYY-MM-DD HH:MM:SS.mmm (arguments such as %TimeStamp(format="...")% ignored)
//   %Severity%    TRACE DEBUG INFO WARNING ERROR FATAL
//   %ThreadID%    0x00007f3a1c2f7700
//   %Room%        "[room=NAME] " on lines about one conference, nothing on the others
//   %Message%     the text
//   %LineID% %ProcessID%
// and the escapes \n \t \\ \%. Any other placeholder is an error, so a typo shows at start-up.
#include <boost/log/core/record_view.hpp>
#include <boost/log/expressions/formatter.hpp>
#include <string>

namespace jicofo::log {

// Throws std::invalid_argument saying what is wrong with `text`.
boost::log::formatter parseFormat(const std::string& text);

// Registers the attributes every record carries (TimeStamp, ThreadID, LineID, ProcessID); idempotent.
void addCommonAttributes();

}  // namespace jicofo::log
