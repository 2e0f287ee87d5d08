#include "app/BuildInfo.h"

#include <sys/utsname.h>

// Written by BuildInfo.cmake on every build (JICOFO_VERSION, JICOFO_GIT_REVISION).
#include "app/BuildInfoValues.h"

namespace jicofo::app {

http::VersionInfo buildVersion() {
    http::VersionInfo v;
    v.name = "jicofo";
    v.revision = JICOFO_GIT_REVISION;
    v.version = JICOFO_VERSION;
    if (!v.revision.empty()) v.version += "-g" + v.revision;
    struct utsname u {};
    v.os = uname(&u) == 0 ? u.sysname : "unknown";
    return v;
}

}  // namespace jicofo::app
