#include "render/EngineFactory.h"

#include "layout/FlowElements.h"

namespace gongwen {

FontConfig resolveFontConfig(const EngineSettings& settings) {
  std::string dir = settings.dataDir.empty() ? dataDirectory() : settings.dataDir;
  FontConfig config = FontConfig::fromFile(dir + "/fonts/fonts.json");
  if (!settings.fontsConfig.empty()) config.overlay(FontConfig::fromFile(settings.fontsConfig));
  for (const auto& spec : settings.fontOverrides) config.preferFile(spec);
  return config;
}

std::shared_ptr<const Engine> makeEngine(const EngineSettings& settings) {
  std::string dir = settings.dataDir.empty() ? dataDirectory() : settings.dataDir;
  auto layouts = settings.allLayoutsAtStart
                     ? LayoutCatalog::loadDirectory(dir + "/layouts", flowElementKinds())
                     : LayoutCatalog::openDirectory(dir + "/layouts", flowElementKinds());
  auto fonts = FontRegistry::create(resolveFontConfig(settings));
  return std::make_shared<const Engine>(std::move(fonts), std::move(layouts));
}

}  // namespace gongwen
