// A request once its head is read: what can be refused from the head alone (route,
// method, token, query parameters, content type, declared size), the answer to the whole
// request, and its count and access-log line. Knows nothing of sockets (the connection
// loop reads and writes); every error becomes a JSON answer.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "server/ApiError.h"
#include "server/HttpHead.h"
#include "server/Reply.h"
#include "server/Routes.h"
#include "server/ServerContext.h"

namespace gongwen::server {

struct IncomingRequest {
  HttpHead head;
  std::string remote;     // the client (X-Forwarded-For from a trusted proxy, else the peer)
  std::string requestId;  // X-Request-Id
  Route route;
  ApiRequest api;                   // the body once read
  std::optional<ApiError> refusal;  // found before the body was read
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Fills route and api from the head, or sets refusal. Never throws.
void checkHead(ServerContext& context, IncomingRequest& request);

// The answer to a complete request, or to its refusal. Renders on the worker pool.
// Never throws.
Reply answerRequest(ServerContext& context, const IncomingRequest& request);

// Counts the answer for /metrics: before it is sent, so a client that has read it finds
// it counted.
void countAnswer(ServerContext& context, const IncomingRequest& request, const Reply& reply);
// Writes its access-log line: after it is sent, the time taken includes the sending.
void logAnswer(ServerContext& context, const IncomingRequest& request, const Reply& reply);

}  // namespace gongwen::server
