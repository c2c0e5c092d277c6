#include "server/Routes.h"

#include <chrono>
#include <future>
#include <memory>

#include "common/Errors.h"
#include "common/Json.h"
#include "server/BatchRender.h"
#include "server/BatchRequest.h"
#include "server/DocumentRender.h"

namespace gongwen::server {
namespace {

// Runs `work` on a render worker and waits for its reply; 503 when the queue is full.
Reply onWorker(ServerContext& context, const std::function<Reply()>& work) {
  auto done = std::make_shared<std::promise<Reply>>();
  std::future<Reply> reply = done->get_future();
  bool queued = context.pool.trySubmit([done, &work] {
    try {
      done->set_value(work());
    } catch (...) {
      done->set_exception(std::current_exception());
    }
  });
  if (!queued) {
    throw ApiError(503, "server busy",
                   "all " + std::to_string(context.pool.workers()) + " workers are busy and " +
                       std::to_string(context.pool.queueCapacity()) +
                       " requests are waiting; try again shortly")
        .retryAfter(1);
  }
  return reply.get();
}

Reply render(ServerContext& context, const ApiRequest& request) {
  RenderOptions options;
  auto layout = request.query.find("layout");
  if (layout != request.query.end()) options.layout = layout->second;
  options.normalize = queryFlag(request.query, "normalize", true);
  options.cache = context.composeCache;
  return onWorker(context, [&] {
    Deadline deadline(context.settings.limits.timeLimit);
    Poco::JSON::Object::Ptr record;
    try {
      record = parseJsonObject(request.body, "$");
    } catch (const InputError& e) {
      throw ApiError(400, "malformed JSON", e.message(), "$");
    }
    return renderDocument(*context.engine, record, options, context.settings.limits, deadline,
                          &context.pdfCache);
  });
}

Reply batch(ServerContext& context, const ApiRequest& request) {
  return onWorker(context, [&] {
    Deadline deadline(context.settings.limits.timeLimit);
    BatchRequest batch = parseBatchRequest(*context.engine, request.mediaType, request.body,
                                           request.query, context.settings.limits);
    return renderBatch(*context.engine, batch, context.settings.limits, deadline,
                       &context.pdfCache);
  });
}

Reply text(const std::string& contentType, const std::string& body, int status = 200) {
  Reply r;
  r.status = status;
  r.contentType = contentType;
  r.body = body;
  return r;
}

}  // namespace

Route findRoute(const ServerContext& context, const std::string& path) {
  if (path == "/v1/render") {
    return {RouteId::Render, path, "POST", true, {"application/json"}};
  }
  if (path == "/v1/batch") {
    return {RouteId::Batch, path, "POST", true, {"application/json", "text/csv"}};
  }
  if (path == "/v1/layouts") return {RouteId::Layouts, path, "GET", true, {}};
  if (path == "/v1/openapi.json") return {RouteId::OpenApi, path, "GET", true, {}};
  if (path == "/healthz") return {RouteId::Health, path, "GET", false, {}};
  if (path == "/metrics") return {RouteId::Metrics, path, "GET", false, {}};
  if (context.web.find(path)) return {RouteId::Web, "/", "GET", false, {}};
  return {RouteId::NotFound, "other", "", false, {}};
}

Reply answer(ServerContext& context, const Route& route, const ApiRequest& request) {
  switch (route.id) {
    case RouteId::Render:
      return render(context, request);
    case RouteId::Batch:
      return batch(context, request);
    case RouteId::Layouts:
      return text("application/json; charset=utf-8", context.layoutsBody);
    case RouteId::OpenApi:
      return text("application/json; charset=utf-8", context.openApiBody);
    case RouteId::Health:
      return text("application/json; charset=utf-8", context.healthBody,
                  context.healthy ? 200 : 503);
    case RouteId::Metrics:
      return text("text/plain; version=0.0.4; charset=utf-8",
                  context.metrics.prometheusText(context.gauges ? context.gauges() : Gauges{}));
    case RouteId::Web: {
      const WebAsset* asset = context.web.find(request.path);
      Reply r = text(asset->contentType, asset->body);
      r.headers.emplace_back("X-Content-Type-Options", "nosniff");
      if (asset->contentType.starts_with("text/html")) {
        r.headers.emplace_back("Content-Security-Policy",
                               "default-src 'self'; frame-src 'self' blob:; "
                               "object-src 'self' blob:; img-src 'self' blob: data:");
      }
      return r;
    }
    case RouteId::NotFound:
      break;
  }
  throw ApiError(404, "not found", "no such route: " + request.path);
}

}  // namespace gongwen::server
