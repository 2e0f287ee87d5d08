#include "app/FocusApplication.h"

#include <Poco/TaskManager.h>

#include <future>

#include "app/FocusWiring.h"
#include "app/OperationService.h"
#include "app/Tasks.h"
#include "log/Log.h"
#include "log/LogSetup.h"

namespace jicofo::app {

FocusApplication::FocusApplication(config::FocusConfig config) : config_(std::move(config)) {
    // POCO's Windows default is /name options; the service flags main() passes are --name on every system.
    setUnixOptions(true);
}

int FocusApplication::main(const std::vector<std::string>&) {
    auto started = std::chrono::steady_clock::now();
    util::EventLoop loop;
    loop.setErrorHandler(
        [](const std::exception& e) { JLOG(error) << "focus loop task failed: " << e.what(); });
    // A drained graceful shutdown ends the process like a signal would.
    FocusWiring w(config_, loop, [] {
        JLOG(info) << "graceful shutdown: no conference left, exiting";
        ServerApplication::terminate();  // static: wakes waitForTerminationRequest()
    });

    OperationService operation(w, config_);  // health, stats, metrics on w.http

    Poco::TaskManager tasks;
    tasks.start(new FocusLoopTask(loop));
    if (!w.usesClientProxy())
        tasks.start(new BlockingTask(
            "component", [&] { w.component.run(); }, [&] { w.component.stop(); }));
    else
        JLOG(info) << config_.clientProxy->str()
                   << " is a client_proxy to the focus user: no component login";
    tasks.start(new BlockingTask(
        "focus-user", [&] { w.client.run(); }, [&] { w.client.stop(); }));
    tasks.start(new ColibriAllocatorTask(loop, config_.bridgeHealthCheckInterval, [&w] {
        if (w.bridges.running()) w.bridges.checkHealth();
    }));
    operation.start();
    JLOG(info) << "focus started for " << config_.componentJid().str() << " and " << config_.focusJid().str()
               << " in "
               << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                        started)
                      .count()
               << " ms";

    waitForTerminationRequest();
    JLOG(info) << "stopping: leaving rooms and closing streams";
    operation.stop();

    // Leave every room from the loop, then close the streams (the leave presences are written by then).
    std::promise<void> left;
    loop.post([&] {
        w.focus.stopAll("the focus is shutting down");
        left.set_value();
    });
    left.get_future().wait_for(std::chrono::seconds(3));
    if (!w.usesClientProxy()) w.component.stop();
    w.client.stop();
    tasks.cancelAll();
    tasks.joinAll();
    // Tasks the loop never ran may own conferences (an ended one waits in a task to be destroyed); they go
    // now, while the registries and streams their destructors talk to still exist.
    loop.discardPending();
    JLOG(info) << "stopped";
    log::flush();
    return Application::EXIT_OK;
}

}  // namespace jicofo::app
