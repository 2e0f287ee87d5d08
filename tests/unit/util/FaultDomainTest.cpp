// Fault domains (util/FaultDomain.h): work started in a domain keeps it, and its exceptions reach that
// domain's handler only.
#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "util/EventLoop.h"
#include "util/FaultDomain.h"

using namespace jicofo::util;

namespace {

struct Recorder {
    std::vector<std::string> faults;
    std::shared_ptr<FaultDomain> domain(const std::string& name) {
        return std::make_shared<FaultDomain>(
            name, [this](const std::shared_ptr<FaultDomain>& d, const std::string& what) {
                faults.push_back(d->name() + ": " + what);
                EXPECT_EQ(FaultDomain::current(), nullptr) << "the handler runs outside any domain";
            });
    }
};

}  // namespace

TEST(FaultDomain, RunCatchesAndReportsToThatDomainOnly) {
    Recorder r;
    auto a = r.domain("a");
    EXPECT_TRUE(FaultDomain::run(a, [] {}));
    EXPECT_FALSE(FaultDomain::run(a, [] { throw std::runtime_error("boom"); }));
    EXPECT_EQ(r.faults, std::vector<std::string>{"a: boom"});
    EXPECT_EQ(FaultDomain::current(), nullptr);
    EXPECT_THROW(FaultDomain::run(nullptr, [] { throw std::runtime_error("x"); }), std::runtime_error)
        << "without a domain an exception goes on up";
}

TEST(FaultDomain, BoundCallbacksRunInTheDomainTheyWereMadeIn) {
    Recorder r;
    auto a = r.domain("a");
    std::function<void(int)> cb;
    {
        FaultDomain::Scope in(a);
        cb = FaultDomain::bind(std::function<void(int)>([](int n) {
            EXPECT_EQ(FaultDomain::current()->name(), "a");
            if (n > 1) throw std::runtime_error("too big");
        }));
    }
    cb(1);
    cb(2);  // caught: reported to a
    EXPECT_EQ(r.faults, std::vector<std::string>{"a: too big"});
}

TEST(FaultDomain, TheLoopKeepsTheDomainOfWhoPostedAndTheOthersGoOn) {
    Recorder r;
    auto a = r.domain("a"), b = r.domain("b");
    EventLoop loop;
    std::vector<std::string> ran, unattributed;
    loop.setErrorHandler([&](const std::exception& e) { unattributed.push_back(e.what()); });
    {
        FaultDomain::Scope in(a);
        loop.post([&] {
            ran.push_back("a1");
            // A timer set from a's task is a's too.
            loop.schedule(Duration(1), [&] { throw std::runtime_error("a's timer"); });
        });
    }
    {
        FaultDomain::Scope in(b);
        loop.post([&] { ran.push_back("b1"); });
    }
    loop.post([&] { throw std::runtime_error("nobody's"); });
    loop.schedule(Duration(20), [&] { loop.stop(); });
    loop.run();
    EXPECT_EQ(ran, (std::vector<std::string>{"a1", "b1"}));
    EXPECT_EQ(r.faults, std::vector<std::string>{"a: a's timer"});
    EXPECT_EQ(unattributed, std::vector<std::string>{"nobody's"});
}

TEST(FaultDomain, OtherThreadsHaveNoDomain) {
    Recorder r;
    FaultDomain::Scope in(r.domain("a"));
    std::shared_ptr<FaultDomain> seen = r.domain("sentinel");
    std::thread([&] { seen = FaultDomain::current(); }).join();
    EXPECT_EQ(seen, nullptr);
}
