#pragma once
// The fuzz targets (docs/architecture.md §6.5): each is a name and one check function that runs an input
// through a parser and its round trip. The same functions serve the libFuzzer driver (FuzzDriver.cpp, clang
// build with JICOFO_FUZZ) and the replay test of the ordinary build (ReplayTest.cpp), so a finding kept under
// regressions/<target>/ is re-checked by every ctest run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jicofo::fuzz {

// "" when every property held; else what failed, with the elements involved. Bad input is not a failure:
// a parser refusing it is what it should do. A crash or sanitizer report is a failure of its own.
using CheckFn = std::string (*)(const uint8_t* data, size_t size);

struct Target {
    const char* name;  // also the folder under corpus/ and regressions/, and the executable fuzz_<name>
    CheckFn check;
};

const std::vector<Target>& targets();
const Target* findTarget(std::string_view name);

}  // namespace jicofo::fuzz
