// Poco's side of a request: reads it (method, token, content type, body within the
// limit), asks the route for its answer, writes it, and counts and logs it. Every error
// becomes a JSON answer; nothing escapes to Poco.
#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "server/ServerContext.h"

namespace gongwen::server {

class RequestHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RequestHandler(ServerContext& context) : context_(context) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

 private:
  ServerContext& context_;
};

class RequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit RequestHandlerFactory(ServerContext& context) : context_(context) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new RequestHandler(context_);  // Poco owns and deletes it
  }

 private:
  ServerContext& context_;
};

}  // namespace gongwen::server
