#include "support/HttpClient.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "support/KeptPdfs.h"

namespace gongwen::test {

std::string HttpResponse::header(const std::string& lowercaseName) const {
  auto it = headers.find(lowercaseName);
  return it == headers.end() ? "" : it->second;
}

HttpResponse http(unsigned port, const HttpRequest& request) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  session.setTimeout(Poco::Timespan(120, 0));
  Poco::Net::HTTPRequest req(request.method, request.path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!request.contentType.empty()) req.setContentType(request.contentType);
  if (!request.acceptLanguage.empty()) req.set("Accept-Language", request.acceptLanguage);
  for (const auto& [name, value] : request.headers) req.set(name, value);
  if (request.chunked) {
    req.setChunkedTransferEncoding(true);
  } else if (!request.body.empty() || request.method == "POST") {
    req.setContentLength64(static_cast<Poco::Int64>(request.body.size()));
  }
  std::ostream& out = session.sendRequest(req);
  out.write(request.body.data(), static_cast<std::streamsize>(request.body.size()));
  Poco::Net::HTTPResponse res;
  std::istream& in = session.receiveResponse(res);
  HttpResponse r;
  r.status = res.getStatus();
  for (const auto& [name, value] : res) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    r.headers[lower] = value;
  }
  std::ostringstream body;
  Poco::StreamCopier::copyStream(in, body);
  r.body = body.str();
  keepPdf(r.body);  // for the suite's last check (KeptPdfs.h)
  return r;
}

HttpResponse httpGet(unsigned port, const std::string& path) {
  HttpRequest r;
  r.path = path;
  return http(port, r);
}

HttpResponse httpPost(unsigned port, const std::string& path, const std::string& contentType,
                      const std::string& body) {
  HttpRequest r;
  r.method = "POST";
  r.path = path;
  r.contentType = contentType;
  r.body = body;
  return http(port, r);
}

double metricValue(const std::string& text, const std::string& nameAndLabels) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(nameAndLabels + " ", 0) == 0)
      return std::stod(line.substr(nameAndLabels.size()));
  }
  return -1;
}

}  // namespace gongwen::test
