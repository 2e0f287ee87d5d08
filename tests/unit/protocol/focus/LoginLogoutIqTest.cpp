#include <gtest/gtest.h>

#include "protocol/focus/FocusErrors.h"
#include "protocol/focus/FormEncoding.h"
#include "protocol/focus/LoginUrlIq.h"
#include "protocol/focus/LogoutIq.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"
#include "support/Golden.h"

using namespace jicofo;
using jicofo::protocol::Iq;
using jicofo::protocol::LoginUrlIq;
using jicofo::protocol::LogoutIq;
using jicofo::test::golden;

namespace {

Iq requestFrom(const std::string& file) {
    auto iq = Iq::parse(golden(file));
    EXPECT_TRUE(iq) << file;
    return iq.value();
}

}  // namespace

TEST(FormEncoding, EncodesAsJavaUrlEncoder) {
    EXPECT_EQ(protocol::formEncode("login/?machineUID=7d5e&room=myroom@conference.example.com&close=true"),
              "login%2F%3FmachineUID%3D7d5e%26room%3Dmyroom%40conference.example.com%26close%3Dtrue");
    EXPECT_EQ(protocol::formEncode("a b*c.d-e_f~g"), "a+b*c.d-e_f%7Eg");
    EXPECT_EQ(protocol::formEncode("\xc3\xa9"), "%C3%A9");  // é as UTF-8 bytes
    EXPECT_EQ(protocol::formEncode(""), "");
}

TEST(FormEncoding, DecodesAndRefusesBrokenEscapes) {
    EXPECT_EQ(protocol::formDecode("a+b%2Fc%c3%A9"), "a b/c\xc3\xa9");
    EXPECT_EQ(protocol::formDecode("plain"), "plain");
    EXPECT_FALSE(protocol::formDecode("%"));
    EXPECT_FALSE(protocol::formDecode("ab%4"));
    EXPECT_FALSE(protocol::formDecode("%zz"));
    for (std::string s : {"x y/z?&=%+", "", "\x01\xff"})
        EXPECT_EQ(protocol::formDecode(protocol::formEncode(s)), s);
}

TEST(LoginUrlIq, ParsesClientRequest) {
    Iq iq = requestFrom("focus/login-url-request.xml");
    auto r = LoginUrlIq::parse(*iq.payload);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->room, "myroom@conference.example.com");
    EXPECT_EQ(r->machineUid, "7d5e0f1c2b3a");
    EXPECT_TRUE(r->isPopup());
    EXPECT_FALSE(r->url);
    EXPECT_EQ(r->toElement(), *iq.payload);
}

TEST(LoginUrlIq, PopupDefaultsToFalseAndIsCaseInsensitive) {
    xml::Element e("login-url", protocol::ns::kFocus);
    e.setAttr("room", "r@conference.example.com");
    EXPECT_FALSE(LoginUrlIq::parse(e)->isPopup());
    e.setAttr("popup", "TRUE");
    EXPECT_TRUE(LoginUrlIq::parse(e)->isPopup());
    e.setAttr("popup", "yes");
    EXPECT_FALSE(LoginUrlIq::parse(e)->isPopup());
    e.setAttr("machine-uid", "");
    EXPECT_FALSE(LoginUrlIq::parse(e)->machineUid);  // empty counts as absent
}

TEST(LoginUrlIq, ShibbolethResultIsFormEncoded) {
    Iq request = requestFrom("focus/login-url-request.xml");
    LoginUrlIq answer;
    answer.url = "login/?machineUID=7d5e0f1c2b3a&room=myroom@conference.example.com&close=true";
    auto expected = golden("focus/login-url-result.shibboleth-default.xml");
    EXPECT_EQ(request.result(answer.toElement()).toElement(), expected);
    // Parsing the result gives the plain URL back.
    auto back = LoginUrlIq::parse(*Iq::parse(expected)->payload);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->url, answer.url);
    EXPECT_FALSE(back->room);
}

TEST(LoginUrlIq, XmppAuthorityResult) {
    Iq request = requestFrom("focus/login-url-request.xml");
    LoginUrlIq answer;
    answer.url = "./myroom?login=true";
    EXPECT_EQ(request.result(answer.toElement()).toElement(), golden("focus/login-url-result.xmpp.xml"));
}

TEST(LoginUrlIq, MissingMachineUidErrorAsTheOriginal) {
    xml::Element payload("login-url", protocol::ns::kFocus);
    payload.setAttr("room", "myroom@conference.example.com");
    Iq request = Iq::request(protocol::IqType::Get, *util::Jid::parse("focus.example.com"), payload);
    request.id = "l2";
    request.from = *util::Jid::parse("x1y2@guest.example.com/r1");
    auto error = protocol::StanzaError::of("bad-request", "missing mandatory attribute 'machineUID'");
    EXPECT_EQ(request.errorReply(error).toElement(), golden("focus/login-url-error-no-machine-uid.xml"));
}

TEST(LogoutIq, RequestAndResults) {
    Iq request = requestFrom("focus/logout-request.xml");
    auto r = LogoutIq::parse(*request.payload);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->sessionId, "3f0c1d2e-aaaa");
    EXPECT_FALSE(r->logoutUrl);
    EXPECT_EQ(r->toElement(), *request.payload);

    LogoutIq withUrl;
    withUrl.logoutUrl = "../Shibboleth.sso/Logout";
    auto expected = golden("focus/logout-result.shibboleth-default.xml");
    EXPECT_EQ(request.result(withUrl.toElement()).toElement(), expected);
    EXPECT_EQ(LogoutIq::parse(*Iq::parse(expected)->payload)->logoutUrl, "../Shibboleth.sso/Logout");

    EXPECT_EQ(request.result(LogoutIq{}.toElement()).toElement(), golden("focus/logout-result.no-url.xml"));
}

TEST(LogoutIq, UnknownSessionErrorAsTheOriginal) {
    Iq request = requestFrom("focus/logout-request.xml");
    EXPECT_EQ(request.errorReply(protocol::focus_errors::sessionInvalid()).toElement(),
              golden("focus/logout-error-session-invalid.xml"));
}

TEST(LoginLogoutIq, HostileInputsAreBadRequests) {
    auto a = LoginUrlIq::parse(golden("focus/bad/login-url-bad-escape.xml"));
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().condition, "bad-request");
    auto b = LoginUrlIq::parse(golden("focus/bad/login-url-wrong-namespace.xml"));
    ASSERT_FALSE(b);
    EXPECT_EQ(b.error().condition, "bad-request");
    auto c = LogoutIq::parse(golden("focus/bad/logout-huge-session-id.xml"));
    ASSERT_FALSE(c);
    EXPECT_EQ(c.error().condition, "bad-request");
    // Each type refuses the other's element.
    EXPECT_FALSE(LogoutIq::parse(xml::Element("login-url", protocol::ns::kFocus)));
    EXPECT_FALSE(LoginUrlIq::parse(xml::Element("logout", protocol::ns::kFocus)));
}

// Found by fuzzing: a url of 2000 '/' parsed (2000 bytes on the wire) but was written as 6000 bytes of %2F,
// which the same parser refused as too long. The limit is on the decoded url; the wire may hold 3 times that.
TEST(LoginLogoutIq, WhatParsesIsWrittenSoThatItParsesAgain) {
    LoginUrlIq login;
    login.url = std::string(LoginUrlIq::kMaxValueLength, '/');
    xml::Element written = login.toElement();
    EXPECT_EQ(written.attr("url").size(), 3 * LoginUrlIq::kMaxValueLength);
    auto back = LoginUrlIq::parse(written);
    ASSERT_TRUE(back) << back.error().text;
    EXPECT_EQ(back->url, login.url);
    login.url->push_back('/');
    EXPECT_FALSE(LoginUrlIq::parse(login.toElement())) << "one byte over the decoded limit";

    LogoutIq logout;
    logout.logoutUrl = std::string(LogoutIq::kMaxValueLength, ' ');  // written as '+', decoded back
    auto again = LogoutIq::parse(logout.toElement());
    ASSERT_TRUE(again) << again.error().text;
    EXPECT_EQ(again->logoutUrl, logout.logoutUrl);
    logout.logoutUrl = std::string(LogoutIq::kMaxValueLength + 1, 'a');
    EXPECT_FALSE(LogoutIq::parse(logout.toElement()));
}
