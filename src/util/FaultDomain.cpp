#include "util/FaultDomain.h"

namespace jicofo::util {
namespace {
thread_local std::shared_ptr<FaultDomain> currentDomain;
}  // namespace

FaultDomain::Scope::Scope(std::shared_ptr<FaultDomain> domain) : previous_(std::move(currentDomain)) {
    currentDomain = std::move(domain);
}

FaultDomain::Scope::~Scope() {
    currentDomain = std::move(previous_);
}

const std::shared_ptr<FaultDomain>& FaultDomain::current() {
    return currentDomain;
}

void FaultDomain::report(const std::shared_ptr<FaultDomain>& domain, const std::string& what) {
    Scope outside(nullptr);
    if (domain->onFault_) domain->onFault_(domain, what);
}

}  // namespace jicofo::util
