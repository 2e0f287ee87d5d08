// Every input kept under tests/fuzz/regressions/<target>/ (a finding, fixed) and every seed under
// tests/fuzz/corpus/<target>/ goes through its target's check in the ordinary build, so a fixed finding
// stays fixed without clang or libFuzzer.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "FuzzTarget.h"

namespace fs = std::filesystem;
using jicofo::fuzz::Target;

namespace {

const fs::path kFuzzDir = JICOFO_FUZZ_DIR;

std::vector<fs::path> filesIn(const fs::path& dir) {
    std::vector<fs::path> out;
    if (fs::is_directory(dir))
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file()) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void replay(const Target& t, const fs::path& dir) {
    for (const auto& file : filesIn(dir)) {
        const std::string bytes = contents(file);
        const std::string failure = t.check(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
        EXPECT_EQ(failure, "") << file;
    }
}

class FuzzReplay : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzReplay, RegressionInputsPass) {
    replay(GetParam(), kFuzzDir / "regressions" / GetParam().name);
}

TEST_P(FuzzReplay, SeedsPass) {
    const fs::path dir = kFuzzDir / "corpus" / GetParam().name;
    EXPECT_FALSE(filesIn(dir).empty()) << "no seeds in " << dir;
    replay(GetParam(), dir);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay, ::testing::ValuesIn(jicofo::fuzz::targets()),
                         [](const auto& info) { return std::string(info.param.name); });

// A folder under corpus/ or regressions/ that names no target would never be replayed.
TEST(FuzzReplayLayout, EveryFolderNamesATarget) {
    for (const char* kind : {"corpus", "regressions"})
        for (const auto& entry : fs::directory_iterator(kFuzzDir / kind))
            EXPECT_NE(jicofo::fuzz::findTarget(entry.path().filename().string()), nullptr) << entry.path();
}

}  // namespace
