#include "app/BuildInfo.h"

#include <Poco/Environment.h>

// Written by BuildInfo.cmake on every build (JICOFO_VERSION, JICOFO_GIT_REVISION).
#include "app/BuildInfoValues.h"

namespace jicofo::app {

http::VersionInfo buildVersion() {
    http::VersionInfo v;
    v.name = "jicofo";
    v.revision = JICOFO_GIT_REVISION;
    v.version = JICOFO_VERSION;
    if (!v.revision.empty()) v.version += "-g" + v.revision;
    v.os = Poco::Environment::osName();  // uname's sysname ("Linux"); "Windows NT" on Windows
    return v;
}

}  // namespace jicofo::app
