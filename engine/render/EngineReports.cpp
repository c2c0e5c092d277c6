#include "render/EngineReports.h"

#include "layout/FlowElements.h"
#include "model/LayoutCatalog.h"

namespace gongwen {

FontsReport describeFonts(const EngineSettings& settings) {
  auto registry = FontRegistry::create(resolveFontConfig(settings));
  auto describe = [](const Font& f) {
    return f.path() + " face " + std::to_string(f.faceIndex()) + " (" + f.familyName() +
           (f.styleName().empty() ? "" : " " + f.styleName()) + ", " +
           (f.outlineFormat() == OutlineFormat::Cff ? "CFF" : "TrueType") + " outlines)";
  };
  FontsReport report;
  std::string& out = report.text;
  bool fallbackHeader = false;
  int fallbackIndex = 0;
  for (const auto& r : registry->resolutions()) {
    if (r.role == "fallback") {
      if (!fallbackHeader) out += "fallback chain (for characters a role's font lacks):\n";
      fallbackHeader = true;
      if (r.font) {
        out += "  " + std::to_string(++fallbackIndex) + ". " + describe(*r.font) + "\n";
      } else {
        for (const auto& n : r.notFound) out += "     not found " + n + "\n";
      }
      continue;
    }
    out += r.role + ":\n";
    if (r.font) {
      out += "  uses      " + describe(*r.font) + "\n";
    } else {
      report.everyRoleServed = false;
      out += "  uses      NOTHING: no candidate is installed\n";
    }
    for (const auto& n : r.notFound) out += "  not found " + n + "\n";
  }
  return report;
}

std::string describeLayouts(const EngineSettings& settings) {
  const std::string dir = (settings.dataDir.empty() ? dataDirectory() : settings.dataDir);
  auto catalog = LayoutCatalog::loadDirectory(dir + "/layouts", flowElementKinds());
  std::string out;
  for (const auto& name : catalog->names()) {
    const Layout& l = catalog->get(name);
    out += name + " — " + l.label + "\n";
    for (const auto& f : l.fields) {
      out += "  " + f.name + (f.required ? " (required)" : "") + " : " + f.type + " — " + f.label +
             "\n";
    }
  }
  return out;
}

std::string checkLayouts(const EngineSettings& settings, const std::string& dir) {
  const std::string folder =
      dir.empty() ? (settings.dataDir.empty() ? dataDirectory() : settings.dataDir) + "/layouts"
                  : dir;
  auto catalog = LayoutCatalog::loadDirectory(folder, flowElementKinds());
  auto fonts = FontRegistry::create(resolveFontConfig(settings));
  Engine engine(fonts, catalog);  // compiles every layout's boxes and art
  const size_t n = catalog->names().size();
  return folder + ": " + std::to_string(n) + " layout" + (n == 1 ? "" : "s") +
         " checked, no problem\n";
}

}  // namespace gongwen
