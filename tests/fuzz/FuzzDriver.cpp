// The libFuzzer entry point of fuzz_<name> (built with JICOFO_FUZZ; JICOFO_FUZZ_TARGET names the target):
// runs the target's check and traps on a failed property, so libFuzzer keeps the input as a crash.
#include <cstdio>

#include "FuzzTarget.h"

#ifndef JICOFO_FUZZ_TARGET
#error "JICOFO_FUZZ_TARGET must name the target (tests/fuzz/CMakeLists.txt sets it)"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const jicofo::fuzz::Target* target = jicofo::fuzz::findTarget(JICOFO_FUZZ_TARGET);
    if (!target) __builtin_trap();
    const std::string failure = target->check(data, size);
    if (!failure.empty()) {
        std::fprintf(stderr, "\n==jicofo-fuzz== %s: %s\n", target->name, failure.c_str());
        __builtin_trap();
    }
    return 0;
}
