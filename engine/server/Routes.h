// The HTTP API's routes and what each answers, apart from the connection (RequestHandler
// reads the request and writes the reply):
//   POST /v1/render    one record (JSON) → application/pdf
//   POST /v1/batch     {"layout", "records"} JSON or CSV (?layout=) → PDF, zip, or report
//   GET  /v1/layouts   the layouts and their fields
//   GET  /v1/openapi.json  this API as OpenAPI 3.1 (server/OpenApi.cpp)
//   GET  /healthz      200 when every font role is resolved, else 503
//   GET  /metrics      Prometheus text
//   GET  /, /app.js …  the web page
#pragma once

#include <map>
#include <string>
#include <vector>

#include "server/Reply.h"
#include "server/ServerContext.h"

namespace gongwen::server {

enum class RouteId { Render, Batch, Layouts, OpenApi, Health, Metrics, Web, NotFound };

struct Route {
  RouteId id = RouteId::NotFound;
  std::string label;                    // how /metrics names it
  std::string method;                   // the one method it answers
  bool needsToken = false;              // when the server has a token
  std::vector<std::string> mediaTypes;  // bodies it reads (none: reads no body)
  std::vector<std::string> parameters;  // the query parameters it takes (others: 400)
};

Route findRoute(const ServerContext& context, const std::string& path);

struct ApiRequest {
  std::string method, path;
  std::map<std::string, std::string> query;  // decoded
  std::string mediaType;                     // lowercased, without parameters
  std::string body;
  std::string accept;                     // the Accept header (application/ofd asks for OFD)
  Language language = Language::Chinese;  // of the messages: Accept-Language, else Chinese
};

// The answer to a request that passed the route's method, token and body checks.
// Renders on the worker pool. Throws ApiError and InputError.
Reply answer(ServerContext& context, const Route& route, const ApiRequest& request);

}  // namespace gongwen::server
