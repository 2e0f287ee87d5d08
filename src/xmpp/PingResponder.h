#pragma once
// Answers XEP-0199 pings (<iq type='get'><ping xmlns='urn:xmpp:ping'/></iq>) with an empty result. The app
// installs it on the IqRouter of each stream; Prosody and the bridges ping the focus to see it is alive, and
// the component advertises urn:xmpp:ping in its disco#info (docs/protocol.md §3.1).
#include "xmpp/IqRouter.h"

namespace jicofo::xmpp {

void installPingResponder(IqRouter& router);

}  // namespace jicofo::xmpp
