#include <Poco/AutoPtr.h>
#include <Poco/Crypto/DigestEngine.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DigestEngine.h>
#include <Poco/Environment.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/DNS.h>
#include <Poco/Net/Net.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <expat.h>
#include <openssl/opensslv.h>

#include <boost/log/trivial.hpp>
#include <iostream>
#include <sstream>

// Touches every library the focus links: POCO Foundation/Net/NetSSL/Crypto/XML/JSON/Util, OpenSSL, expat,
// Boost.Log.
int main(int argc, char** argv) {
    // A static POCO does not start Winsock by itself (no-op elsewhere).
    Poco::Net::initializeNetwork();
    for (int i = 1; i < argc; ++i) std::cout << "arg[" << i << "]=" << argv[i] << "\n";
    Poco::Crypto::DigestEngine sha("SHA256");
    sha.update("abc");
    std::cout << "sha256(abc)=" << Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 16) << "\n";
    Poco::Net::Context::Ptr ctx = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "");
    Poco::XML::DOMParser parser;
    Poco::AutoPtr<Poco::XML::Document> doc = parser.parseString("<iq xmlns='jabber:client' type='get'/>");
    std::cout << "xml=" << doc->documentElement()->getAttribute("type") << "\n";
    auto json = Poco::JSON::Parser().parse("{\"conferences\":3}").extract<Poco::JSON::Object::Ptr>();
    std::cout << "json=" << json->getValue<int>("conferences") << "\n";
    std::istringstream props("a.b=c\n");
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> cfg =
        new Poco::Util::PropertyFileConfiguration(props);
    std::cout << "props=" << cfg->getString("a.b") << " host=" << Poco::Net::DNS::hostName().size() << "\n";
    std::cout << "expat=" << XML_ExpatVersion() << " openssl=" << OPENSSL_VERSION_TEXT << "\n";
    BOOST_LOG_TRIVIAL(info) << "boost.log ok on " << Poco::Environment::osName();
    return argc > 1 && std::string(argv[argc - 1]) == "--fail" ? 3 : 0;
}
