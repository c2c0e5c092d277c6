// A small blocking HTTP client for the server tests (Poco::Net, loopback only).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace gongwen::test {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;
  std::string header(const std::string& lowercaseName) const;
};

struct HttpRequest {
  std::string method = "GET";
  std::string path = "/";
  std::string contentType;  // "" = no Content-Type header
  std::string body;
  bool chunked = false;  // send the body chunked (no Content-Length)
  std::vector<std::pair<std::string, std::string>> headers;
  // The tests read the English messages (the same sentences as the Chinese ones); a test of
  // the Chinese sets "zh-CN", or "" for no header at all (the server then answers Chinese).
  std::string acceptLanguage = "en";
};

// Sends one request to 127.0.0.1:port on a fresh connection.
HttpResponse http(unsigned port, const HttpRequest& request);
HttpResponse httpGet(unsigned port, const std::string& path);
HttpResponse httpPost(unsigned port, const std::string& path, const std::string& contentType,
                      const std::string& body);

// The value of a sample line of Prometheus text ("name{labels} value"), -1 when absent.
double metricValue(const std::string& metricsText, const std::string& nameAndLabels);

}  // namespace gongwen::test
