#include "app/OperationService.h"

#include "app/BuildInfo.h"
#include "http/OperationHandler.h"
#include "log/Log.h"

namespace jicofo::app {

OperationService::OperationService(FocusWiring& wiring, const config::FocusConfig& config)
    : w_(wiring),
      health_(wiring, util::Jid::parse(config.xmppDomain).value_or(util::Jid()), kJoinTimeout),
      probe_(std::make_shared<LoopProbe>(wiring, health_, kJoinTimeout)) {
    http::VersionInfo version = buildVersion();
    std::shared_ptr<http::FocusProbe> probe = probe_;
    for (const auto& [path, endpoint] : http::OperationHandler::routes()) {
        w_.http.add(path, [probe, version, endpoint = endpoint](const Poco::Net::HTTPServerRequest&) {
            return new http::OperationHandler(probe, version, endpoint);
        });
    }
}

OperationService::~OperationService() {
    stop();
}

void OperationService::start() {
    JLOG(info) << "jicofo " << buildVersion().version;
    if (auto error = w_.http.start()) JLOG(error) << *error << "; health, stats and metrics are not served";
}

void OperationService::stop() {
    // After this the probe answers at once without the loop, so requests still running finish promptly and
    // only touch the probe they share.
    probe_->shutdown();
    w_.http.stop();
}

}  // namespace jicofo::app
