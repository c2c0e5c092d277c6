#include "cli/Commands.h"

#include <unistd.h>

#include <iostream>
#include <iterator>

#include "common/AtomicFile.h"
#include "common/Errors.h"
#include "common/Json.h"
#include "layout/FlowElements.h"
#include "model/LayoutCatalog.h"

namespace gongwen::cli {
namespace {

std::string readInput(const std::string& path) {
  if (path != "-") return readFile(path);
  std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  return all;
}

std::string defaultOutput(const std::string& input) {
  if (input == "-") return "-";
  auto dot = input.rfind('.');
  auto slash = input.rfind('/');
  std::string stem = (dot != std::string::npos && (slash == std::string::npos || dot > slash))
                         ? input.substr(0, dot)
                         : input;
  return stem + ".pdf";
}

}  // namespace

int runRender(const CommandLine& cl) {
  if (cl.inputs.size() != 1) throw UsageError("render takes exactly one INPUT.json");
  const std::string& input = cl.inputs[0];
  std::string output = cl.output.empty() ? defaultOutput(input) : cl.output;
  std::string source = input == "-" ? "<stdin>" : input;

  auto engine = makeEngine(cl.engine);
  auto record = engine->readRecord(readInput(input), source, cl.layout);
  RenderOptions options;
  options.layout = cl.layout;
  options.normalize = cl.normalize;
  options.allowMissingGlyphs = cl.allowMissingGlyphs;
  if (input != "-") {
    auto slash = input.rfind('/');
    options.baseDirectory = slash == std::string::npos ? "." : input.substr(0, slash);
  }
  std::vector<std::string> warnings;
  std::vector<uint8_t> pdf;
  try {
    pdf = engine->renderPdf(record, options, &warnings);
  } catch (const InputError& e) {
    throw InputError(source + ": " + e.where(), e.message());
  }
  for (const auto& w : warnings) std::cerr << "gongwen: warning: " << source << ": " << w << "\n";
  writeOutput(output, pdf);  // "-": stdout; a device or FIFO written into; else atomically
  return 0;
}

int runFonts(const CommandLine& cl) {
  auto registry = FontRegistry::create(resolveFontConfig(cl.engine));
  auto describe = [](const Font& f) {
    return f.path() + " face " + std::to_string(f.faceIndex()) + " (" + f.familyName() +
           (f.styleName().empty() ? "" : " " + f.styleName()) + ", " +
           (f.outlineFormat() == OutlineFormat::Cff ? "CFF" : "TrueType") + " outlines)";
  };
  bool allRoles = true;
  bool fallbackHeader = false;
  int fallbackIndex = 0;
  for (const auto& r : registry->resolutions()) {
    if (r.role == "fallback") {
      if (!fallbackHeader) std::cout << "fallback chain (for characters a role's font lacks):\n";
      fallbackHeader = true;
      if (r.font) {
        std::cout << "  " << ++fallbackIndex << ". " << describe(*r.font) << "\n";
      } else {
        for (const auto& n : r.notFound) std::cout << "     not found " << n << "\n";
      }
      continue;
    }
    std::cout << r.role << ":\n";
    if (r.font) {
      std::cout << "  uses      " << describe(*r.font) << "\n";
    } else {
      allRoles = false;
      std::cout << "  uses      NOTHING: no candidate is installed\n";
    }
    for (const auto& n : r.notFound) std::cout << "  not found " << n << "\n";
  }
  return allRoles ? 0 : 2;
}

int runLayouts(const CommandLine& cl) {
  std::string dir = (cl.engine.dataDir.empty() ? dataDirectory() : cl.engine.dataDir) + "/layouts";
  auto catalog = LayoutCatalog::loadDirectory(dir, flowElementNames());
  for (const auto& name : catalog->names()) {
    const Layout& l = catalog->get(name);
    std::cout << name << " — " << l.label << "\n";
    for (const auto& f : l.fields) {
      std::cout << "  " << f.name << (f.required ? " (required)" : "") << " : " << f.type << " — "
                << f.label << "\n";
    }
  }
  return 0;
}

}  // namespace gongwen::cli
