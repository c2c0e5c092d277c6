#include "cli/ListCommand.h"

#include <filesystem>
#include <iostream>

#include "batch/ListFromRows.h"
#include "batch/SharedValues.h"
#include "common/AtomicFile.h"
#include "common/Errors.h"
#include "model/LayoutCatalog.h"
#include "render/EngineFactory.h"

namespace gongwen::cli {

int runList(const CommandLine& cl) {
  if (cl.inputs.size() != 1) throw UsageError("list takes exactly one ROWS.xlsx or ROWS.csv");
  if (cl.title.empty()) throw UsageError("list needs --title TITLE (the list's title)");
  const std::string& input = cl.inputs[0];
  auto engine = makeEngine(cl.engine);
  ListOptions options;
  options.title = cl.title;
  options.sort = cl.sort;
  options.sheet.sheet = cl.sheet;
  ListRecord list = listFromRows(readFile(input), input, options);
  // --set preamble=… (and any other field of the list layout)
  if (!cl.sets.empty()) {
    auto defaults = defaultsFromSettings(cl.sets, engine->layouts().get("commendation-list"),
                                         std::filesystem::current_path().string());
    for (const auto& [field, value] : *defaults) list.record->set(field, value);
  }
  for (const auto& w : list.warnings)
    std::cerr << "gongwen: warning: " << input << ": " << w << "\n";
  RenderOptions render;
  render.layout = "commendation-list";
  render.normalize = cl.normalize;
  render.allowMissingGlyphs = cl.allowMissingGlyphs;
  std::vector<std::string> warnings;
  std::vector<uint8_t> pdf = engine->renderPdf(list.record, render, &warnings);
  for (const auto& w : warnings) std::cerr << "gongwen: warning: " << w << "\n";
  std::string output = cl.output;
  if (output.empty()) {
    auto dot = input.rfind('.');
    output = (dot == std::string::npos ? input : input.substr(0, dot)) + ".pdf";
  }
  if (output == "-") {
    std::cout.write(reinterpret_cast<const char*>(pdf.data()),
                    static_cast<std::streamsize>(pdf.size()));
    std::cout.flush();
  } else {
    writeFileAtomically(output, pdf);
  }
  if (!cl.quiet) {
    std::cerr << "gongwen: listed " << list.rows << " names in " << list.groups << " group"
              << (list.groups == 1 ? "" : "s") << " to " << output << "\n";
  }
  return 0;
}

}  // namespace gongwen::cli
