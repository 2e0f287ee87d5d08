#include <gtest/gtest.h>

#include "protocol/muc/MucOwner.h"
#include "protocol/muc/MucPresence.h"
#include "protocol/stanza/Namespaces.h"
#include "support/Golden.h"

using namespace jicofo;
using namespace jicofo::protocol;
using jicofo::test::golden;

TEST(MucPresence, OccupantAsProsodyBroadcastsIt) {
    auto p = MucPresence::parse(golden("muc/occupant-presence.prosody.xml"));
    ASSERT_TRUE(p);
    EXPECT_EQ(p->from.str(), "room1@conference.jitsi.example.test/oputers8");
    EXPECT_EQ(p->role, MucRole::Participant);
    EXPECT_EQ(p->affiliation, MucAffiliation::None);
    EXPECT_EQ(p->realJid.str(), "oputers8j3ii046mknhydstf@jitsi.example.test/5_jzSBzbCDJg");
    EXPECT_EQ(p->nick, "client1");
    ASSERT_TRUE(p->startMuted);
    EXPECT_TRUE(p->startMuted->audio);
    EXPECT_FALSE(p->startMuted->video) << "missing attribute parses as false";
    EXPECT_FALSE(p->isSelf());
}

TEST(MucPresence, SelfPresenceOfANewRoom) {
    auto p = MucPresence::parse(golden("muc/self-presence-created.xml"));
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->isSelf());
    EXPECT_TRUE(p->statusCodes.count(201));
    EXPECT_EQ(p->affiliation, MucAffiliation::Owner);
}

TEST(MucPresence, ClientJoinPresenceSampleIsReadable) {
    // What lib-jitsi-meet sends to the room has no 'from'; as relayed it gains one.
    auto e = golden("muc/muc-join-presence.lib-jitsi-meet-1.0.6.xml");
    e.setAttr("from", e.attr("to"));
    auto p = MucPresence::parse(e);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->nick, "client1");
    EXPECT_FALSE(p->startMuted);
}

// docs/media.md §1.5: the participant's region for bridge selection. The 2021 client sends both forms (with
// deploymentInfo.userRegion set); earlier ones only <region/>, Prosody's mod_muc_meeting_id era only the
// text.
TEST(MucPresence, ParticipantRegionInEitherForm) {
    auto both = MucPresence::parse(golden("muc/occupant-presence.lib-jitsi-meet-2021-region.xml"));
    ASSERT_TRUE(both);
    EXPECT_EQ(both->region, "eu-west");
    EXPECT_EQ(MucPresence::parse(golden("muc/occupant-presence.prosody.xml"))->region, "");

    auto presence = [](const std::string& from) {
        xml::Element p("presence", ns::kClient);
        p.setAttr("from", from);
        return p;
    };
    xml::Element text = presence("r@conference.example.com/a");
    text.addChild("jitsi_participant_region").setText("  us-east-1\n");
    EXPECT_EQ(MucPresence::parse(text)->region, "us-east-1") << "white space dropped";
    xml::Element old = presence("r@conference.example.com/b");
    old.addChild("region", "http://jitsi.org/jitsi-meet").setAttr("id", "ap-south");
    EXPECT_EQ(MucPresence::parse(old)->region, "ap-south");
    // The text form wins; an empty one does not hide the other.
    text.addChild("region", "http://jitsi.org/jitsi-meet").setAttr("id", "ap-south");
    EXPECT_EQ(MucPresence::parse(text)->region, "us-east-1");
    xml::Element empty = presence("r@conference.example.com/c");
    empty.addChild("jitsi_participant_region");
    empty.addChild("region", "http://jitsi.org/jitsi-meet").setAttr("id", "ap-south");
    EXPECT_EQ(MucPresence::parse(empty)->region, "ap-south");
    // Another namespace is another element.
    xml::Element foreign = presence("r@conference.example.com/d");
    foreign.addChild("jitsi_participant_region", "urn:example").setText("x");
    EXPECT_EQ(MucPresence::parse(foreign)->region, "");
    // Round trip.
    MucPresence m = *MucPresence::parse(text);
    EXPECT_EQ(MucPresence::parse(m.toElement()).value(), m);
}

TEST(MucPresence, RefusesPresenceWithoutOccupantJid) {
    xml::Element bare("presence", ns::kClient);
    bare.setAttr("from", "room@conference.example.com");
    EXPECT_FALSE(MucPresence::parse(bare));
    xml::Element none("presence", ns::kClient);
    EXPECT_FALSE(MucPresence::parse(none));
}

TEST(MucPresence, ErrorPresenceCarriesCondition) {
    xml::Element p("presence", ns::kClient);
    p.setAttr("from", "room@conference.example.com/focus");
    p.setAttr("type", "error");
    auto& err = p.addChild("error");
    err.setAttr("type", "cancel");
    err.addChild("conflict", ns::kStanzas);
    auto m = MucPresence::parse(p);
    ASSERT_TRUE(m);
    ASSERT_TRUE(m->error);
    EXPECT_EQ(m->error->condition, "conflict");
}

TEST(MucOwner, ResubmitsTheFormWithWhoisAnyone) {
    auto form = RoomConfigForm::parse(golden("muc/room-config-form.xml"));
    ASSERT_TRUE(form);
    form->set("muc#roomconfig_whois", {"anyone"});
    EXPECT_EQ(form->toSubmitQuery(), golden("muc/room-config-submit.xml"));
}

TEST(MucOwner, ReadsTheMeetingIdOfMucMeetingId) {
    auto form = RoomConfigForm::parse(golden("muc/room-config-form.meeting-id.xml"));
    ASSERT_TRUE(form);
    EXPECT_EQ(form->value(kMeetingIdField), "5cd2aa7b-1f2a-4e71-9a0d-2c0d1f4e8b11");
    EXPECT_EQ(form->value("muc#roomconfig_whois"), "anyone");
    // Without the module the field is absent: no meeting id.
    auto plain = RoomConfigForm::parse(golden("muc/room-config-form.xml"));
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->value(kMeetingIdField), "");
}

TEST(MucOwner, FormWithoutDataFormIsRefused) {
    xml::Element q("query", ns::kMucOwner);
    EXPECT_FALSE(RoomConfigForm::parse(q));
}

TEST(MucOwner, OwnerGrantUsesTheBareJid) {
    EXPECT_EQ(makeAffiliationChange(*util::Jid::parse("x1y2@guest.example.com/r1"), "owner"),
              golden("muc/grant-owner.xml"));
}

TEST(MucPresence, JoinAndLeavePresences) {
    auto occupant = *util::Jid::parse("r@conference.example.com/focus");
    auto join = makeMucJoin(occupant, {});
    EXPECT_EQ(join.toString(),
              "<presence xmlns=\"jabber:client\" to=\"r@conference.example.com/focus\"><x "
              "xmlns=\"http://jabber.org/protocol/muc\"/></presence>");
    EXPECT_EQ(makeMucLeave(occupant).attr("type"), "unavailable");
}
