#pragma once
// Human descriptions of every flag and property, for --help and for the test that keeps
// sip-communicator.properties.sample complete. Names come from PropertyNames.h.
#include <string>
#include <vector>

namespace jicofo::config {

struct FlagInfo {
    const char* name;   // without hyphens
    const char* value;  // value placeholder, "" for a flag without value
    const char* defaultText;
    const char* meaning;
};

struct PropertyInfo {
    const char* group;
    const char* name;
    const char* defaultText;
    const char* meaning;
    bool isNew;  // not read by the 2015 focus
};

const std::vector<FlagInfo>& flagCatalog();
// Properties that belong in sip-communicator.properties.
const std::vector<PropertyInfo>& propertyCatalog();
// System properties that only make sense as -D arguments (where to find files).
const std::vector<PropertyInfo>& systemPropertyCatalog();

// The --help text: usage line, flags, environment variables, system and file properties.
std::string usage(const std::string& program);

}  // namespace jicofo::config
