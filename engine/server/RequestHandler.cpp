#include "server/RequestHandler.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>

#include "common/Errors.h"
#include "server/AccessLog.h"
#include "server/BearerToken.h"
#include "server/RequestBody.h"
#include "server/Routes.h"

namespace gongwen::server {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Checks what can be checked before the body is read; reads it. Throws ApiError.
ApiRequest readRequest(ServerContext& context, const Route& route,
                       Poco::Net::HTTPServerRequest& request, const Poco::URI& uri,
                       bool& bodyRead) {
  ApiRequest r;
  r.method = request.getMethod();
  r.path = uri.getPath();
  if (route.id == RouteId::NotFound) return r;
  if (r.method != route.method) {
    throw ApiError(405, "method not allowed", r.path + " answers " + route.method + " only");
  }
  if (route.needsToken && !context.settings.token.empty()) {
    std::string header = request.get("Authorization", "");
    if (!bearerMatches(header, context.settings.token)) {
      throw ApiError(401, "unauthorized",
                     header.empty() ? "this server needs \"Authorization: Bearer TOKEN\""
                                    : "the token is wrong");
    }
  }
  for (const auto& [name, value] : uri.getQueryParameters()) r.query[name] = value;
  r.accept = request.get("Accept", "");
  if (route.mediaTypes.empty()) return r;
  r.mediaType = mediaTypeOf(request.getContentType());
  if (std::find(route.mediaTypes.begin(), route.mediaTypes.end(), r.mediaType) ==
      route.mediaTypes.end()) {
    std::string accepted;
    for (const auto& t : route.mediaTypes) accepted += (accepted.empty() ? "" : " or ") + t;
    throw ApiError(415, "unsupported content type",
                   "send " + accepted + ", not \"" + request.getContentType() + "\"",
                   "Content-Type");
  }
  r.body = readBody(request, context.settings.limits.maxBodyBytes);
  bodyRead = true;
  return r;
}

void send(Poco::Net::HTTPServerResponse& response, const Reply& reply,
          const std::string& instance) {
  response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  response.setContentType(reply.contentType);
  response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
  response.set("X-Gongwen-Instance", instance);
  response.set("Cache-Control", "no-store");
  for (const auto& [name, value] : reply.headers) response.set(name, value);
  if (reply.closeConnection) response.setKeepAlive(false);
  response.sendBuffer(reply.body.data(), reply.body.size());
}

}  // namespace

void RequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                   Poco::Net::HTTPServerResponse& response) {
  auto start = Clock::now();
  context_.metrics.requestStarted();
  AccessRecord log;
  log.method = request.getMethod();
  log.remote = request.clientAddress().host().toString();
  Route route;
  route.label = "other";
  Reply reply;
  bool bodyRead = false;
  try {
    Poco::URI uri(request.getURI());
    log.path = uri.getPath();
    route = findRoute(context_, log.path);
    ApiRequest api = readRequest(context_, route, request, uri, bodyRead);
    auto rendering = Clock::now();
    reply = answer(context_, route, api);
    if (route.id == RouteId::Render || route.id == RouteId::Batch) {
      context_.metrics.renderTimed(route.label, secondsSince(rendering));
    }
  } catch (const ApiError& e) {
    reply = errorReply(e);
    if (e.status() == 405) reply.headers.emplace_back("Allow", route.method);
  } catch (const InputError& e) {
    reply = errorReply(invalidInput(e));
  } catch (const Poco::SyntaxException&) {
    reply = errorReply(ApiError(400, "bad request", "the request URI is malformed"));
  } catch (const std::exception& e) {
    reply = errorReply(ApiError(500, "internal error", e.what()));
  }
  if (log.path.empty()) log.path = request.getURI().substr(0, request.getURI().find('?'));
  // A body left unread would be taken for the next request: answer, then drop it and close.
  bool bodyLeft = !bodyRead && (request.getChunkedTransferEncoding() ||
                                (request.hasContentLength() && request.getContentLength64() > 0));
  reply.closeConnection = reply.closeConnection || bodyLeft;
  try {
    send(response, reply, context_.instance);
    if (bodyLeft) discardBody(request, 4 * context_.settings.limits.maxBodyBytes);
  } catch (...) {
    // The client is gone; the request still counts.
  }
  if (reply.status < 400) {
    context_.metrics.pagesRendered(reply.pages);
    context_.metrics.documentsRendered(reply.documents);
  }
  context_.metrics.requestFinished(route.label, reply.status);
  context_.metrics.requestEnded();
  log.status = reply.status;
  log.bytes = reply.body.size();
  log.milliseconds = secondsSince(start) * 1000;
  if (context_.settings.accessLog) writeAccessLine(log);
}

}  // namespace gongwen::server
