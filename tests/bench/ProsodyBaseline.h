#pragma once
// What one trip through Prosody costs on this machine, to read the other figures against: an IQ from one
// test client to another and its result (two passes through Prosody, TLS on both streams), and the same
// with an offer-sized payload (~5 KB in 120 elements: Prosody builds and re-serialises every element). The
// focus's paths are counted in such passes; Prosody's CPU per pass tells how many it can take per second.
#include "bench/ProcStat.h"
#include "bench/Samples.h"
#include "bench/Table.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"
#include "support/TestClient.h"

namespace jicofo::bench {

inline Table prosodyBaseline(const test::ProsodyFixture& prosody, int rounds = 200) {
    Table table("Prosody baseline (no focus involved)");
    auto a = test::TestClient::anonymous(prosody);
    auto b = test::TestClient::anonymous(prosody);
    test::TestClient& answerer = *b;
    b->setAutoResponder([&answerer](const xml::Element& e) {
        if (e.name() == "iq" && (e.attr("type") == "get" || e.attr("type") == "set"))
            if (auto iq = protocol::Iq::parse(e)) answerer.send(iq->result().toElement());
        return true;
    });
    auto measure = [&](int elements) {
        Samples s;
        xml::Element ping("ping", protocol::ns::kPing);
        for (int i = 0; i < elements; ++i) {
            auto& e = ping.addChild("payload-type");
            e.setAttr("id", std::to_string(i));
            e.setAttr("name", "codec-name");
            e.setAttr("clockrate", "90000");
        }
        long cpu0 = procCpuMs(prosody.pid());
        for (int i = 0; i < rounds; ++i) {
            auto t0 = Clock::now();
            a->request(protocol::Iq::request(protocol::IqType::Get, b->jid(), ping));
            s.add(msBetween(t0, Clock::now()));
        }
        double cpu = static_cast<double>(procCpuMs(prosody.pid()) - cpu0) / rounds;
        return Table::fmt(s.p50(), 2) + " / " + Table::fmt(s.p99(), 2) + " ms; Prosody CPU " +
               Table::fmt(cpu, 3) + " ms per round trip";
    };
    table.info("client -> client IQ and result (2 passes), p50 / p99", measure(0));
    table.info("  the same with 120 elements (~5 KB, an offer) in the request", measure(120));
    b->setAutoResponder(nullptr);
    a->disconnect();
    b->disconnect();
    return table;
}

}  // namespace jicofo::bench
