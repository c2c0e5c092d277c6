#include "cli/ListCommand.h"

#include <iostream>

#include "cli/JobFiles.h"
#include "common/AtomicFile.h"
#include "common/Errors.h"
#include "job/Job.h"

namespace gongwen::cli {

int runList(const CommandLine& cl) {
  if (cl.inputs.size() != 1) throw UsageError("list takes exactly one ROWS.xlsx or ROWS.csv");
  if (cl.title.empty()) throw UsageError("list needs --title TITLE (the list's title)");
  if (!cl.layout.empty()) throw UsageError("list makes a commendation-list; --layout is not taken");
  const std::string& input = cl.inputs[0];
  auto engine = makeEngine(cl.engine);
  Job job = jobFromCommandLine(cl, input);
  job.shape = OutputShape::Single;
  job.list = ListFromRows{cl.title, cl.sort, ""};
  const std::string output =
      !cl.output.empty() ? cl.output
                         : (input == "-" ? "-" : outputBeside(input, extensionOf(job.format)));
  JobResult result = runJob(*engine, job);
  printWarnings(result, job.input.source);
  writeDisplayList(cl, result);
  writeOutput(output, result.documents.front().bytes);
  if (!cl.quiet) {
    std::cerr << "gongwen: listed " << result.records << " names in " << result.groups << " group"
              << (result.groups == 1 ? "" : "s") << ", " << result.pages << " page"
              << (result.pages == 1 ? "" : "s") << ", to " << output << "\n";
  }
  return 0;
}

}  // namespace gongwen::cli
