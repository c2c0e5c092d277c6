#include "server/Routes.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <memory>

#include "common/Errors.h"
#include "common/Json.h"
#include "server/JobRequests.h"

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
                   Message("all {0} workers are busy and {1} requests are waiting; try again "
                           "shortly",
                           context.pool.workers(), context.pool.queueCapacity()))
        .retryAfter(1);
  }
  return reply.get();
}

JobRequest jobRequest(const ApiRequest& request) {
  return {request.mediaType, request.body, request.query, request.accept, request.language};
}

Reply render(ServerContext& context, const ApiRequest& request) {
  return onWorker(context, [&] {
    return renderOne(*context.engine, jobRequest(request), context.settings.limits, context.caches);
  });
}

Reply batch(ServerContext& context, const ApiRequest& request) {
  return onWorker(context, [&] {
    return renderMany(*context.engine, jobRequest(request), context.settings.limits,
                      context.caches);
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

// What /v1/batch takes: its options, a list's (?list=1), and for a spreadsheet body the
// values every row shares, named like the layouts' fields.
std::vector<std::string> batchParameters(const ServerContext& context) {
  std::vector<std::string> names = {
      "layout",  "split",  "duplex", "dry_run", "normalize", "strict", "name_by", "format",
      "overlay", "offset", "scale",  "sheet",   "list",      "title",  "sort",    "preamble"};
  for (const auto& layout : context.engine->layouts().names()) {
    for (const auto& field : context.engine->layouts().get(layout).fields) {
      if (std::find(names.begin(), names.end(), field.name) == names.end()) {
        names.push_back(field.name);
      }
    }
  }
  return names;
}

Route findRoute(const ServerContext& context, const std::string& path) {
  if (path == "/v1/render") {
    return {RouteId::Render,
            path,
            "POST",
            true,
            {"application/json"},
            {"layout", "normalize", "format", "overlay", "offset", "scale"}};
  }
  if (path == "/v1/batch") {
    return {RouteId::Batch,
            path,
            "POST",
            true,
            {"application/json", "text/csv", kXlsxMediaType},
            batchParameters(context)};
  }
  if (path == "/v1/layouts") return {RouteId::Layouts, path, "GET", true, {}, {}};
  if (path == "/v1/openapi.json") return {RouteId::OpenApi, path, "GET", true, {}, {}};
  if (path == "/healthz") return {RouteId::Health, path, "GET", false, {}, {}};
  if (path == "/metrics") return {RouteId::Metrics, path, "GET", false, {}, {}};
  if (context.web.find(path)) return {RouteId::Web, "/", "GET", false, {}, {}};
  return {RouteId::NotFound, "other", "", false, {}, {}};
}

Reply answer(ServerContext& context, const Route& route, const ApiRequest& request) {
  switch (route.id) {
    case RouteId::Render:
      return render(context, request);
    case RouteId::Batch:
      return batch(context, request);
    case RouteId::Layouts:
      return text("application/json; charset=utf-8", request.language == Language::English
                                                          ? context.layoutsBodyEnglish
                                                          : context.layoutsBody);
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
  throw ApiError(404, "not found", Message("no such route: {0}", request.path));
}

}  // namespace gongwen::server
