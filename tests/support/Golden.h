#pragma once
// Loads golden XML files from tests/golden/ (JICOFO_GOLDEN_DIR).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "xml/Document.h"

namespace jicofo::test {

inline std::string readGoldenText(const std::string& relative) {
    std::ifstream in(std::string(JICOFO_GOLDEN_DIR) + "/" + relative, std::ios::binary);
    if (!in) throw std::runtime_error("missing golden file " + relative);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The golden element; fails the test (and returns an empty element) when it does not parse.
inline xml::Element golden(const std::string& relative) {
    std::string error;
    auto e = xml::parseElement(readGoldenText(relative), &error);
    EXPECT_TRUE(e) << relative << ": " << error;
    return e ? *e : xml::Element();
}

}  // namespace jicofo::test
