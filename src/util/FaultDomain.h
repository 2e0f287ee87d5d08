#pragma once
// Fault isolation on the focus loop (docs/architecture.md §2: an exception escaping conference code ends only
// that conference). A FaultDomain stands for one part of the focus — a conference — and says what to do
// when code running for it throws. Work started while a domain is current (loop posts and timers, IQ
// callbacks: EventLoop and IqRouter bind them) runs in that domain again later, so an exception anywhere
// in a conference's asynchronous chain reaches that conference's handler instead of the loop, which could
// not tell whose it was.
//
//   auto domain = std::make_shared<FaultDomain>(room.str(), [](const auto& domain, const std::string& what) {
//       /* log with domain->name(), then end that conference from a task of its own */ });
//   FaultDomain::run(domain, [&] { conference.start(); });   // its timers and requests belong to it now
//   loop.post(FaultDomain::bind(std::move(fn)));             // what EventLoop::post does
//
// Everything here is for the loop thread; other threads have no current domain, so their posts are not
// bound (the reader threads post stanzas that belong to nobody yet).
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace jicofo::util {

class FaultDomain {
  public:
    // Called on the loop, inside the failing call's stack (the domain's code has unwound): it should only
    // log and post the clean-up. What runs there is outside any domain.
    using Handler = std::function<void(const std::shared_ptr<FaultDomain>& domain, const std::string& what)>;

    FaultDomain(std::string name, Handler onFault) : name_(std::move(name)), onFault_(std::move(onFault)) {}
    const std::string& name() const { return name_; }

    // Makes a domain current on this thread for its lifetime (nullptr: no domain), restoring the previous
    // one after.
    class Scope {
      public:
        explicit Scope(std::shared_ptr<FaultDomain> domain);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

      private:
        std::shared_ptr<FaultDomain> previous_;
    };
    static const std::shared_ptr<FaultDomain>& current();

    // Runs fn in the domain; an exception it throws goes to the domain's handler. False when it threw.
    // Without a domain it is a plain call (exceptions go on up).
    template <typename Fn>
    static bool run(const std::shared_ptr<FaultDomain>& domain, Fn&& fn) {
        if (!domain) {
            fn();
            return true;
        }
        Scope in(domain);
        try {
            fn();
            return true;
        } catch (const std::exception& e) {
            report(domain, e.what());
        } catch (...) {
            report(domain, "unknown exception");
        }
        return false;
    }

    // fn made to run in the current domain whenever it is called; unchanged when no domain is current.
    template <typename... Args>
    static std::function<void(Args...)> bind(std::function<void(Args...)> fn) {
        const auto& domain = current();
        if (!domain || !fn) return fn;
        return [domain, fn = std::move(fn)](Args... args) {
            run(domain, [&] { fn(std::forward<Args>(args)...); });
        };
    }

  private:
    // Calls the handler, outside any domain.
    static void report(const std::shared_ptr<FaultDomain>& domain, const std::string& what);

    std::string name_;
    Handler onFault_;
};

}  // namespace jicofo::util
