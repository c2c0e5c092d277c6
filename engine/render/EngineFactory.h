// Builds an Engine from the data folder and the user's font settings (CLI and server).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fonts/FontConfig.h"
#include "render/Engine.h"

namespace gongwen {

struct EngineSettings {
  std::string dataDir;                     // "" = dataDirectory()
  std::string fontsConfig;                 // a user's font configuration file, or ""
  std::vector<std::string> fontOverrides;  // "ROLE=FILE[#INDEX]"
  // Read every layout (and compile every certificate template) at start, as a server does;
  // false: each layout when first used, so that one render reads only its own.
  bool allLayoutsAtStart = false;
};

// The font configuration: fonts/fonts.json, overlaid by the user's file and flags.
FontConfig resolveFontConfig(const EngineSettings& settings);
std::shared_ptr<const Engine> makeEngine(const EngineSettings& settings);

}  // namespace gongwen
