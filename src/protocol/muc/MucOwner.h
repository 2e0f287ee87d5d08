#pragma once
// Room configuration (XEP-0045 §10.1.3) and owner grants (§10.3): the focus fetches the form, resubmits it
// with muc#roomconfig_whois=anyone (docs/protocol.md §5.1), and grants owner with muc#admin (§5.5).
#include <string>
#include <utility>
#include <vector>

#include "protocol/stanza/StanzaError.h"
#include "util/Jid.h"
#include "xml/Element.h"

namespace jicofo::protocol {

struct DataFormField {
    std::string var, type;
    std::vector<std::string> values;
};

// The room's meeting id in its configuration form (Jitsi's mod_muc_meeting_id; docs/media.md §2b).
inline constexpr const char* kMeetingIdField = "muc#roominfo_meetingId";

struct RoomConfigForm {
    std::vector<DataFormField> fields;

    // From <query xmlns='muc#owner'><x xmlns='jabber:x:data' type='form'>.
    static ParseResult<RoomConfigForm> parse(const xml::Element& query);
    void set(const std::string& var, std::vector<std::string> values);
    // The first value of the field var; "" when the form has no such field or it has no value.
    std::string value(const std::string& var) const;
    // <query xmlns='muc#owner'><x type='submit'> with FORM_TYPE first and every field's values (fixed fields
    // and fields without a var are not submitted).
    xml::Element toSubmitQuery() const;
};

// <query xmlns='http://jabber.org/protocol/muc#owner'/> (type get: fetch the form)
xml::Element makeRoomConfigRequest();
// <query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='owner' jid='bare'/></query>
xml::Element makeAffiliationChange(const util::Jid& realJid, const std::string& affiliation);

}  // namespace jicofo::protocol
