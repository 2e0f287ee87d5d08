// MUC: occupant presences as the MUC service relays them (read by the focus; the value must survive
// toElement and a second parse unchanged) and the owner configuration form (the focus resubmits it: the
// submitted form read back submits the same).
#include "protocol/muc/MucOwner.h"
#include "protocol/muc/MucPresence.h"
#include "protocol/stanza/Namespaces.h"
#include "targets/Checks.h"
#include "targets/RoundTrip.h"

namespace jicofo::fuzz {
namespace {

using protocol::MucPresence;
using protocol::RoomConfigForm;

std::string checkPresence(const xml::Element& e) {
    auto v1 = MucPresence::parse(e);
    if (!v1) return {};
    xml::Element e1 = v1->toElement();
    std::string out = wireRoundTrip(e1, "muc presence");
    auto v2 = MucPresence::parse(e1);
    if (!v2)
        keepFirst(out,
                  "muc presence: refuses its own output (" + errorText(v2.error()) + ")\n  " + e1.toString());
    else if (*v2 != *v1)
        keepFirst(out, describeMismatch("muc presence: the value changed on the way", e1, v2->toElement()));
    return out;
}

std::string checkOwnerForm(const xml::Element& query) {
    auto form = RoomConfigForm::parse(query);
    if (!form) return {};
    form->set("muc#roomconfig_whois", {"anyone"});  // what the focus changes (docs/protocol.md §5.1)
    xml::Element submit = form->toSubmitQuery();
    std::string out = wireRoundTrip(submit, "muc#owner submit");
    auto again = RoomConfigForm::parse(submit);
    if (!again) return out + "muc#owner: refuses its own submit form (" + again.error().text + ")";
    if (again->toSubmitQuery() != submit)
        keepFirst(out, describeMismatch("muc#owner: the submit form read back submits differently", submit,
                                        again->toSubmitQuery()));
    return out;
}

}  // namespace

std::string checkMuc(const uint8_t* data, size_t size) {
    auto root = elementOf(data, size);
    if (!root) return {};
    std::string out;
    if (root->name() == "presence") keepFirst(out, checkPresence(*root));
    forEachElement(*root, [&](const xml::Element& x) {
        if (x.name() == "query" && x.ns() == protocol::ns::kMucOwner) keepFirst(out, checkOwnerForm(x));
    });
    return out;
}

}  // namespace jicofo::fuzz
