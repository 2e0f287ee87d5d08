#pragma once
// Issue 11 figures (footprint): for each program given (build/jicofo, the lin64 dist archive's program...),
// started with the original command line against the real Prosody: start-up to both streams ready, then idle
// RSS, PSS and USS, the program's size on disk (with the libraries it ships) and the smaps breakdown of the
// largest resident mappings, so what holds the RSS up can be named.
#include <string>
#include <vector>

#include "bench/Table.h"
#include "support/ProsodyFixture.h"

namespace jicofo::bench {

class FootprintBench {
  public:
    struct Program {
        std::string label;  // "build/jicofo"
        std::string path;   // the program, or a launcher that execs it (jicofo.sh of an unpacked archive)
        std::string
            onDisk;  // what to count as its size on disk: the program file, or a folder (lib/ included)
    };
    struct Options {
        int startups = 5;
        int topMappings = 12;
    };

    FootprintBench(test::ProsodyFixture& prosody, Options options) : prosody_(prosody), options_(options) {}
    Table run(const Program& program);

  private:
    test::ProsodyFixture& prosody_;
    Options options_;
};

// Unpacks a dist .zip into a fresh temp folder and describes its launcher; the folder stays until exit.
FootprintBench::Program unpackDistArchive(const std::string& zip);

}  // namespace jicofo::bench
