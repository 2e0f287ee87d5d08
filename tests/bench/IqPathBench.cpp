// jicofo_iq_bench: what one Jingle IQ costs on its way through the focus, without the network (issue 11 §2).
// In: a client's session-accept from the stream to a typed handler (IqRouter::handle, Iq::parse,
// Jingle::parse), the stanza lent (const&: the payload is copied into the Iq) or handed over (&&: it is
// moved, the streams' path). Out: the focus's session-initiate from an Iq to the bytes of a component stream,
// by copying the tree and rewriting its namespace (the way before) or by renaming while writing
// (xml::Writer::StanzaRewrite). Figures only, best of R runs of N stanzas each. Run:
// tests/bench/jicofo_iq_bench [N] [R]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "protocol/jingle/Jingle.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"
#include "xml/Document.h"
#include "xml/Writer.h"
#include "xmpp/IqRouter.h"
#include "xmpp/NamespaceRewrite.h"

using namespace jicofo;
using Clock = std::chrono::steady_clock;

namespace {

struct NullLoop : util::Loop {
    void post(std::function<void()>) override {}
    util::TimerId schedule(util::Duration, std::function<void()>) override { return 1; }
    void cancel(util::TimerId) override {}
    util::TimePoint now() const override { return Clock::now(); }
    bool inLoopThread() const override { return true; }
};

struct CountingChannel : xmpp::StanzaChannel {
    std::size_t sent = 0;
    void send(const xml::Element&) override { ++sent; }
    bool isConnected() const override { return true; }
    util::Jid localJid() const override { return *util::Jid::parse("focus@auth.example.com/focus"); }
};

xml::Element load(const std::string& relative) {
    std::ifstream in(std::string(JICOFO_GOLDEN_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::string error;
    auto e = xml::parseElement(s.str(), &error);
    if (!e) {
        std::fprintf(stderr, "%s: %s\n", relative.c_str(), error.c_str());
        std::exit(1);
    }
    return *e;
}

// Best of `runs`: ns per stanza of body(i) for i in [0, n), after prepare() builds the inputs (not timed).
double best(int runs, int n, const std::function<void()>& prepare, const std::function<void(int)>& body) {
    double bestNs = 1e300;
    for (int r = 0; r < runs; ++r) {
        prepare();
        auto start = Clock::now();
        for (int i = 0; i < n; ++i) body(i);
        double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count() / n;
        bestNs = std::min(bestNs, ns);
    }
    return bestNs;
}

}  // namespace

int main(int argc, char** argv) {
    int n = argc > 1 ? std::atoi(argv[1]) : 2000;
    int runs = argc > 2 ? std::atoi(argv[2]) : 7;
    if (n <= 0 || runs <= 0) {
        std::fprintf(stderr, "usage: jicofo_iq_bench [N] [RUNS]\n");
        return 2;
    }
    xml::Element accept = load("jingle/lib-jitsi-meet-2020-unified-session-accept.xml");
    accept.setAttr("from", "room2@conference.jitsi.example.test/alice");
    xml::Element initiate = load("jingle/session-initiate-bundle.xml");
    auto offerIq = protocol::Iq::parse(initiate);
    if (!offerIq || !offerIq->payload) return 1;

    NullLoop loop;
    CountingChannel channel;
    xmpp::IqRouter router(channel, loop);
    std::size_t handled = 0;
    router.registerHandler<protocol::jingle::Jingle>(
        protocol::IqType::Set, "jingle", protocol::ns::kJingle,
        [&](const protocol::Iq& iq, const protocol::jingle::Jingle&) -> std::optional<protocol::Iq> {
            ++handled;
            return iq.result();
        });

    std::vector<xml::Element> stanzas;
    auto fresh = [&] { stanzas.assign(n, accept); };
    double inLent =
        best(runs, n, fresh, [&](int i) { router.handle(static_cast<const xml::Element&>(stanzas[i])); });
    double inMoved = best(runs, n, fresh, [&](int i) { router.handle(std::move(stanzas[i])); });

    std::vector<protocol::Iq> iqs;
    auto freshIqs = [&] { iqs.assign(n, *offerIq); };
    std::size_t bytes = 0;
    double outCopy = best(runs, n, freshIqs, [&](int i) {
        xml::Element copy = iqs[i].toElement();
        xmpp::rewriteNamespace(copy, protocol::ns::kClient, protocol::ns::kComponent);
        if (!copy.hasAttr("from")) copy.setAttr("from", "focus.example.com");
        bytes = xml::Writer::write(copy, protocol::ns::kComponent).size();
    });
    const xml::Writer::StanzaRewrite rewrite{
        protocol::ns::kClient, protocol::ns::kComponent, {"from", "focus.example.com"}};
    double outRenamed = best(runs, n, freshIqs, [&](int i) {
        xml::Element e = std::move(iqs[i]).toElement();
        bytes = xml::Writer::write(e, protocol::ns::kComponent, rewrite).size();
    });

    std::printf("jicofo_iq_bench: one Jingle IQ through the focus's IQ path, best of %d runs of %d\n", runs,
                n);
    std::printf("  in:  session-accept (%zu bytes) -> IqRouter -> Jingle handler\n",
                accept.toString().size());
    std::printf("       stanza lent (payload copied into the Iq)   %8.0f ns\n", inLent);
    std::printf("       stanza handed over (payload moved)          %8.0f ns\n", inMoved);
    std::printf("  out: session-initiate (%zu bytes) -> component stream bytes\n", bytes);
    std::printf("       Iq copied, tree copied and rewritten, written %6.0f ns\n", outCopy);
    std::printf("       Iq moved, renamed while writing             %8.0f ns\n", outRenamed);
    std::printf("  (%zu handled, %zu replies)\n", handled, channel.sent);
    return 0;
}
