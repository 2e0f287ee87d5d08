#include "support/TestClient.h"

#include "xmpp/ClientSession.h"

namespace jicofo::test {

TestClient::TestClient(Options options) : TestEndpoint(false) {
    auto connection = std::make_unique<xmpp::Connection>();
    connection->connect(options.host, options.port, util::Duration(5000));
    xmpp::ClientSession::Options o;
    o.domain = options.domain;
    o.username = options.username;
    o.password = options.password;
    o.resource = options.resource;
    o.trustAll = options.trustAll;
    o.caFile = options.caFile;
    o.presencePriority = options.presencePriority;
    o.timeout = util::Duration(10000);
    util::Jid jid = xmpp::ClientSession(*connection, o).login();
    begin(std::move(connection), jid);
}

std::unique_ptr<TestClient> TestClient::anonymous(const ProsodyFixture& prosody) {
    Options o;
    o.host = prosody.host();
    o.port = prosody.c2sPort();
    o.domain = prosody.anonymousDomain();
    return std::make_unique<TestClient>(o);
}

std::unique_ptr<TestClient> TestClient::user(const ProsodyFixture& prosody, const std::string& username,
                                             const std::string& password, const std::string& domain) {
    Options o;
    o.host = prosody.host();
    o.port = prosody.c2sPort();
    o.domain = domain.empty() ? prosody.authDomain() : domain;
    o.username = username;
    o.password = password;
    return std::make_unique<TestClient>(o);
}

}  // namespace jicofo::test
