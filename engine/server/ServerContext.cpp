#include "server/ServerContext.h"

#include <thread>

#include "server/Catalog.h"
#include "server/JsonText.h"
#include "server/OpenApi.h"

namespace gongwen::server {
namespace {

unsigned workerCount(unsigned asked) {
  if (asked > 0) return asked;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

ServerContext::ServerContext(std::shared_ptr<const Engine> e, ServerSettings s)
    : engine(std::move(e)),
      settings(std::move(s)),
      web(WebAssets::loadDirectory(settings.webDir)),
      layoutsBody(jsonText(layoutsJson(engine->layouts(), Language::Chinese)) + "\n"),
      layoutsBodyEnglish(jsonText(layoutsJson(engine->layouts(), Language::English)) + "\n"),
      openApiBody(
          jsonText(openApiJson(engine->layouts(), settings.limits, !settings.token.empty())) +
          "\n"),
      pool(workerCount(settings.workers), settings.queue),
      instance(settings.instance) {
  Health h = healthOf(*engine);
  healthy = h.ready;
  healthBody = jsonText(h.json) + "\n";
}

}  // namespace gongwen::server
