#pragma once
// A scratch folder per test, and a shortcut for loading with a properties file written there.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "config/ConfigLoader.h"

namespace jicofo::config::test {

class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("jicofo-config-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path_, ec);
    }
    std::string path() const { return path_.string(); }
    std::string write(const std::string& name, const std::string& text) const {
        auto file = path_ / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }

  private:
    std::filesystem::path path_;
};

// The two required flags, so a test only lists what it is about.
inline std::vector<std::string> withRequired(std::vector<std::string> args) {
    args.insert(args.begin(), {"--secret=s3cret", "--user_domain=auth.example.com"});
    return args;
}

// Loads with HOME pointing at an empty folder, so the operator's real ~/.sip-communicator never leaks in.
inline LoadResult loadIsolated(const std::vector<std::string>& args, Environment env = {}) {
    static TempDir home;
    env.emplace("HOME", home.path());
    return load(args, env);
}

// Loads with the given properties file content as --config.
inline LoadResult loadWithFile(const TempDir& dir, const std::string& fileText,
                               std::vector<std::string> args = {}) {
    args.push_back("--config=" + dir.write("sip-communicator.properties", fileText));
    return loadIsolated(withRequired(args));
}

}  // namespace jicofo::config::test
