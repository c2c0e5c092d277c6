#include "cli/Commands.h"

#include <iostream>

#include "cli/JobFiles.h"
#include "common/AtomicFile.h"
#include "common/Errors.h"
#include "job/Job.h"
#include "render/EngineReports.h"

namespace gongwen::cli {

int runRender(const CommandLine& cl) {
  if (cl.inputs.size() != 1) throw UsageError(Message("render takes exactly one INPUT.json"));
  const std::string& input = cl.inputs[0];
  const std::string output =
      cl.output.empty() ? (input == "-" ? "-" : outputBeside(input, ".pdf")) : cl.output;
  auto engine = makeEngine(cl.engine);
  Job job = jobFromCommandLine(cl, input);
  job.shape = OutputShape::Single;
  JobResult result = runJob(*engine, job);
  printWarnings(result, job.input.source, cl.language);
  writeDisplayList(cl, result);
  // "-": stdout (never a terminal); a device or FIFO written into; else whole or not at all.
  writeOutput(output, result.documents.front().bytes);
  return 0;
}

int runFonts(const CommandLine& cl) {
  FontsReport report = describeFonts(cl.engine, cl.language);
  std::cout << report.text;
  return report.everyRoleServed ? 0 : 2;
}

int runLayouts(const CommandLine& cl) {
  if (cl.checkLayouts) {
    const std::string dir = cl.inputs.empty() ? "" : cl.inputs.front();
    std::cout << checkLayouts(cl.engine, dir, cl.language);
    return 0;
  }
  std::cout << describeLayouts(cl.engine, cl.language);
  return 0;
}

}  // namespace gongwen::cli
