#include "http/reservation/RestTransport.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Timespan.h>

#include <istream>

namespace jicofo::http::reservation {
namespace {

using SteadyClock = std::chrono::steady_clock;

Poco::Timespan span(std::chrono::milliseconds ms) {
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
}

}  // namespace

RestTransport::RestTransport(const Poco::URI& base, std::chrono::milliseconds timeout)
    : host_(base.getHost()), port_(base.getPort()), basePath_(base.getPath()), timeout_(timeout) {
    while (!basePath_.empty() && basePath_.back() == '/') basePath_.pop_back();
}

RestAnswer RestTransport::call(const std::string& method, const std::string& path,
                               const std::string& form) const {
    RestAnswer answer;
    const auto deadline = SteadyClock::now() + timeout_;
    auto left = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
    };
    try {
        Poco::Net::HTTPClientSession session(host_, port_);
        session.setKeepAlive(false);
        session.setTimeout(span(timeout_));
        Poco::Net::HTTPRequest request(method, basePath_ + path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.set("Accept", "application/json");
        if (!form.empty()) {
            request.setContentType("application/x-www-form-urlencoded; charset=UTF-8");
            request.setContentLength(static_cast<std::streamsize>(form.size()));
        } else if (method == Poco::Net::HTTPRequest::HTTP_POST) {
            request.setContentLength(0);
        }
        session.sendRequest(request) << form;
        if (left().count() <= 0) throw Poco::TimeoutException("request not sent in time");
        session.socket().setReceiveTimeout(span(left()));
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        // Without this a failed read only sets badbit and a cut answer would pass for a complete one.
        in.exceptions(std::ios::badbit);
        // Each read waits at most what is left of the deadline: a server dribbling bytes cannot hold us.
        char buf[4096];
        for (;;) {
            if (left().count() <= 0) throw Poco::TimeoutException("answer not complete in time");
            session.socket().setReceiveTimeout(span(left()));
            in.read(buf, sizeof buf);
            std::streamsize n = in.gcount();
            if (n > 0) answer.body.append(buf, static_cast<size_t>(n));
            if (answer.body.size() > kMaxBody) throw Poco::DataException("answer larger than 1 MiB");
            if (!in) break;
        }
        answer.status = static_cast<int>(response.getStatus());
    } catch (const Poco::Exception& e) {
        answer = RestAnswer{};
        answer.failure = e.displayText();
    } catch (const std::exception& e) {
        answer = RestAnswer{};
        answer.failure = e.what();
    }
    return answer;
}

}  // namespace jicofo::http::reservation
