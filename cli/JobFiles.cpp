#include "cli/JobFiles.h"

#include <filesystem>
#include <iostream>
#include <iterator>

#include "cli/Console.h"
#include "cli/PrinterCommands.h"
#include "common/AtomicFile.h"
#include "common/Json.h"

namespace gongwen::cli {

JobInput readJobInput(const std::string& path) {
  JobInput in;
  if (path == "-") {
    in.bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    in.source = "<stdin>";
  } else {
    in.bytes = readFile(path);
    in.source = path;
    in.fileName = path;
  }
  return in;
}

std::string inputFolder(const std::string& path) {
  if (path == "-") return ".";
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

std::string outputBeside(const std::string& input, const std::string& extension) {
  auto slash = input.rfind('/');
  auto dot = input.rfind('.');
  const size_t nameStart = slash == std::string::npos ? 0 : slash + 1;
  // A dot inside a folder's name ("t.v2/records") or leading a hidden name is no extension.
  const bool hasExtension = dot != std::string::npos && dot > nameStart;
  return (hasExtension ? input.substr(0, dot) : input) + extension;
}

Job jobFromCommandLine(const CommandLine& cl, const std::string& input) {
  Job job;
  job.input = readJobInput(input);
  job.render.layout = cl.layout;
  job.render.normalize = cl.normalize;
  job.render.allowMissingGlyphs = cl.allowMissingGlyphs;
  job.render.print = printAdjustOf(cl);
  job.render.baseDirectory = inputFolder(input);
  job.threads = cl.jobs;
  job.input.sheet = cl.sheet;
  job.input.settings = cl.sets;  // --set FIELD=VALUE; a seal path is relative to here
  job.input.settingsFolder = std::filesystem::current_path().string();
  job.wantDisplayList = !cl.displayList.empty();
  // --format, else the extension of -o (a split batch: --format only), else PDF.
  job.format = outputFormatOf(cl, cl.splitDir.empty() ? cl.output : "");
  return job;
}

void printWarnings(const JobResult& result, const std::string& source, Language language) {
  for (const auto& w : result.warnings) {
    warn(language, w.record.empty() ? Message("{0}: {1}", source, w.message)
                                    : Message("{0}: {1}: {2}", source, placeMessage(w.record), w.message));
  }
}

void writeDisplayList(const CommandLine& cl, const JobResult& result) {
  if (cl.displayList.empty()) return;
  writeOutput(cl.displayList,
              std::vector<uint8_t>(result.displayList.begin(), result.displayList.end()));
}

}  // namespace gongwen::cli
