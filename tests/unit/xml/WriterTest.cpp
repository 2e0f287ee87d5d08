// The writer's escaping: whatever a parsed element holds, its text reads back as the same element. A raw tab,
// LF or CR in an attribute value would come back as a space, a raw CR in text as LF (found by fuzzing).
#include <gtest/gtest.h>

#include "support/Golden.h"
#include "xml/Document.h"
#include "xml/Writer.h"

using namespace jicofo;
using jicofo::test::golden;

TEST(Writer, AttributeTabLfCrAreCharacterReferences) {
    xml::Element message = golden("xml/attribute-whitespace.xml");
    ASSERT_EQ(message.children().size(), 1u);
    const xml::Element& payload = message.children().front();
    EXPECT_EQ(payload.attr("data"), "line one\nline two\ttabbed\r");
    EXPECT_EQ(payload.text(), "text with a CR\r");

    const std::string written = xml::Writer::write(message);
    EXPECT_NE(written.find("data=\"line one&#10;line two&#9;tabbed&#13;\""), std::string::npos) << written;
    EXPECT_NE(written.find(">text with a CR&#13;</json-message>"), std::string::npos) << written;
    auto back = xml::parseElement(written);
    ASSERT_TRUE(back) << written;
    EXPECT_EQ(*back, message) << written;
}

TEST(Writer, TabAndLfInTextStayLiteral) {
    xml::Element body("body", "jabber:client");
    body.setText("two\n\tlines");
    EXPECT_EQ(xml::Writer::write(body), "<body xmlns=\"jabber:client\">two\n\tlines</body>");
    EXPECT_EQ(*xml::parseElement(xml::Writer::write(body)), body);
}
