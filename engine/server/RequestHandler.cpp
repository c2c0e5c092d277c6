#include "server/RequestHandler.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>

#include "common/Errors.h"
#include "server/AccessLog.h"
#include "server/BearerToken.h"
#include "server/RequestBody.h"

namespace gongwen::server {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Throws ApiError for what the head alone refuses.
void check(ServerContext& context, IncomingRequest& r) {
  const HttpHead& head = r.head;
  r.api.method = head.method;
  r.api.language = languageOfAcceptLanguage(head.field("Accept-Language").value_or(""));
  Poco::URI uri;
  try {
    uri = Poco::URI(head.target);
    r.api.path = uri.getPath();
  } catch (const Poco::Exception&) {
    r.api.path = head.target.substr(0, head.target.find('?'));
    throw ApiError(400, "bad request", Message("the request URI is malformed"));
  }
  r.route = findRoute(context, r.api.path);
  const Route& route = r.route;
  if (route.id == RouteId::NotFound) return;  // answered 404
  if (head.method != route.method) {
    throw ApiError(405, "method not allowed",
                   Message("{0} answers {1} only", r.api.path, route.method));
  }
  if (route.needsToken && !context.settings.token.empty()) {
    std::string header = head.field("Authorization").value_or("");
    if (!bearerMatches(header, context.settings.token)) {
      throw ApiError(401, "unauthorized",
                     header.empty() ? Message("this server needs \"Authorization: Bearer TOKEN\"")
                                    : Message("the token is wrong"));
    }
  }
  if (head.method == "POST" && head.framing == BodyFraming::None) {
    throw ApiError(411, "length required",
                   Message("a POST needs Content-Length or Transfer-Encoding: chunked"));
  }
  try {
    for (const auto& [name, value] : uri.getQueryParameters()) {
      if (std::find(route.parameters.begin(), route.parameters.end(), name) ==
          route.parameters.end()) {
        throw ApiError(400, "unknown query parameter",
                       route.parameters.empty()
                           ? Message("{0} takes no query parameters, not \"{1}\"", r.api.path, name)
                           : Message("{0} takes {1}, not \"{2}\"", r.api.path,
                                     joinedNames(route.parameters), name),
                       name);
      }
      r.api.query[name] = value;
    }
  } catch (const Poco::Exception&) {
    throw ApiError(400, "bad request", Message("the query string is malformed"));
  }
  r.api.accept = head.field("Accept").value_or("");
  if (route.mediaTypes.empty()) return;
  std::string contentType = head.field("Content-Type").value_or("");
  r.api.mediaType = mediaTypeOf(contentType);
  if (std::find(route.mediaTypes.begin(), route.mediaTypes.end(), r.api.mediaType) ==
      route.mediaTypes.end()) {
    throw ApiError(415, "unsupported content type",
                   Message("send {0}, not \"{1}\"", joinedNames(route.mediaTypes), contentType),
                   "Content-Type");
  }
  size_t limit = context.settings.limits.maxBodyBytes;
  if (head.framing == BodyFraming::Length && head.contentLength > limit) {
    throw ApiError(413, "payload too large",
                   Message("the request body is larger than the limit of {0} bytes", limit));
  }
}

}  // namespace

void checkHead(ServerContext& context, IncomingRequest& request) {
  try {
    check(context, request);
  } catch (const ApiError& e) {
    request.refusal = e;
  }
}

Reply answerRequest(ServerContext& context, const IncomingRequest& request) {
  context.metrics.requestStarted();
  Reply reply;
  try {
    if (request.refusal) throw *request.refusal;
    auto rendering = Clock::now();
    reply = answer(context, request.route, request.api);
    if (request.route.id == RouteId::Render || request.route.id == RouteId::Batch) {
      context.metrics.renderTimed(request.route.label, secondsSince(rendering));
    }
  } catch (const ApiError& e) {
    reply = errorReply(e, request.api.language);
    if (e.status() == 405) reply.headers.emplace_back("Allow", request.route.method);
  } catch (const InputError& e) {
    reply = errorReply(invalidInput(e), request.api.language);
  } catch (const std::exception& e) {
    reply = errorReply(ApiError(500, "internal error", Message::verbatim(e.what())),
                       request.api.language);
  }
  context.metrics.requestEnded();
  return reply;
}

void countAnswer(ServerContext& context, const IncomingRequest& request, const Reply& reply) {
  if (reply.status < 400) {
    context.metrics.pagesRendered(reply.pages);
    context.metrics.documentsRendered(reply.documents);
  }
  context.metrics.requestFinished(request.route.label.empty() ? "other" : request.route.label,
                                  reply.status);
}

void logAnswer(ServerContext& context, const IncomingRequest& request, const Reply& reply) {
  if (!context.settings.accessLog) return;
  AccessRecord log;
  log.method = request.head.method;
  log.remote = request.remote;
  log.path = request.api.path.empty() ? request.head.target.substr(0, request.head.target.find('?'))
                                      : request.api.path;
  log.status = reply.status;
  log.bytes = reply.body.size();
  log.milliseconds = secondsSince(request.started) * 1000;
  log.requestId = request.requestId;
  log.error = reply.error;
  log.field = reply.field;
  writeAccessLine(log);
}

}  // namespace gongwen::server
