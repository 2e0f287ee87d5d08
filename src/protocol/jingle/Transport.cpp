#include "protocol/jingle/Transport.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

bool Transport::isTransport(const xml::Element& e) {
    return e.name() == "transport" && (e.ns() == ns::kIceUdp || e.ns() == ns::kRawUdp);
}

const char* Transport::ns() const {
    return kind == Kind::IceUdp ? ns::kIceUdp : ns::kRawUdp;
}

ParseResult<Transport> Transport::parse(const xml::Element& e) {
    if (!isTransport(e)) return badRequest("<" + e.name() + "> is not an ICE-UDP or raw-UDP transport");
    Transport t;
    t.kind = e.ns() == ns::kIceUdp ? Kind::IceUdp : Kind::RawUdp;
    AttrReader r(e);
    t.ufrag = r.str("ufrag");
    t.pwd = r.str("pwd");
    if (r.failed()) return r.error();
    t.extraAttrs = r.unread();
    for (const auto& c : e.children()) {
        if (c.name() == "rtcp-mux") {
            t.rtcpMux = true;
        } else if (c.name() == "fingerprint" && c.ns() == ns::kDtls) {
            auto f = Fingerprint::parse(c);
            if (!f) return f.error();
            t.fingerprints.push_back(std::move(*f));
        } else if (c.name() == "sctpmap" && c.ns() == ns::kSctp) {
            auto m = SctpMap::parse(c);
            if (!m) return m.error();
            t.sctpMaps.push_back(std::move(*m));
        } else if (c.name() == "candidate" && c.ns() == e.ns()) {
            auto cand = Candidate::parse(c, t.kind == Kind::IceUdp);
            if (!cand) return cand.error();
            t.candidates.push_back(std::move(*cand));
        } else {
            t.extraChildren.push_back(c);
            t.order.saw(kExtraKind);
            continue;
        }
        t.order.saw(c.name());
    }
    return t;
}

xml::Element Transport::toElement() const {
    xml::Element e("transport", ns());
    if (!ufrag.empty()) e.setAttr("ufrag", ufrag);
    if (!pwd.empty()) e.setAttr("pwd", pwd);
    writeAttributes(e, extraAttrs);
    order.emit({
        {"rtcp-mux",
         [&] {
             if (rtcpMux) e.addChild("rtcp-mux");
         }},
        {"fingerprint",
         [&] {
             for (const auto& f : fingerprints) e.addChild(f.toElement());
         }},
        {"sctpmap",
         [&] {
             for (const auto& m : sctpMaps) e.addChild(m.toElement());
         }},
        {"candidate",
         [&] {
             for (const auto& c : candidates) e.addChild(c.toElement(ns()));
         }},
        {kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

Transport Transport::relayCopy() const {
    Transport t;
    t.kind = kind;
    t.ufrag = ufrag;
    t.pwd = pwd;
    t.rtcpMux = rtcpMux;
    t.fingerprints = fingerprints;
    t.candidates = candidates;
    return t;
}

}  // namespace jicofo::protocol::jingle
