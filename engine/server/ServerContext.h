// Everything a request handler may use: built once at start, shared by the connection
// threads. Only the metrics and the worker pool change while the server runs, and both
// are thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "job/Job.h"
#include "server/Metrics.h"
#include "server/ServerSettings.h"
#include "server/WebAssets.h"
#include "server/WorkerPool.h"

namespace gongwen::server {

struct ServerContext {
  ServerContext(std::shared_ptr<const Engine> engine, ServerSettings settings);

  std::shared_ptr<const Engine> engine;
  ServerSettings settings;
  WebAssets web;
  std::string layoutsBody;         // GET /v1/layouts, in Chinese
  std::string layoutsBodyEnglish;  // … for Accept-Language: en
  std::string openApiBody;  // GET /v1/openapi.json
  std::string healthBody;   // GET /healthz
  bool healthy = false;     // every font role resolved
  Metrics metrics;
  WorkerPool pool;
  // What repeats from one request to the next: the font subsets and images of the PDFs,
  // the checked seal images and fitted texts. Bounded.
  std::shared_ptr<RenderCaches> caches = makeRenderCaches();
  std::function<Gauges()> gauges;  // the connection figures, from the running server
  std::string instance;            // X-Gongwen-Instance
};

}  // namespace gongwen::server
