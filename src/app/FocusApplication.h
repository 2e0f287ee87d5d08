#pragma once
// The focus as a POCO ServerApplication: a daemon on Linux (--daemon, --pidfile), a service on Windows.
// main() has already loaded and validated the configuration and set up logging.
#include <Poco/Util/ServerApplication.h>

#include "config/FocusConfig.h"

namespace jicofo::app {

class FocusApplication : public Poco::Util::ServerApplication {
  public:
    explicit FocusApplication(config::FocusConfig config);

  protected:
    int main(const std::vector<std::string>& args) override;

  private:
    config::FocusConfig config_;
};

}  // namespace jicofo::app
