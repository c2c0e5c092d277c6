#include "cli/ListCommand.h"

#include <iostream>

#include "cli/Console.h"
#include "cli/JobFiles.h"
#include "common/AtomicFile.h"
#include "common/Errors.h"
#include "job/Job.h"

namespace gongwen::cli {

int runList(const CommandLine& cl) {
  if (cl.inputs.size() != 1)
    throw UsageError(Message("list takes exactly one ROWS.xlsx or ROWS.csv"));
  if (cl.title.empty()) throw UsageError(Message("list needs --title TITLE (the list's title)"));
  if (!cl.layout.empty())
    throw UsageError(Message("list makes a commendation-list; --layout is not taken"));
  const std::string& input = cl.inputs[0];
  auto engine = makeEngine(cl.engine);
  Job job = jobFromCommandLine(cl, input);
  job.shape = OutputShape::Single;
  job.list = ListFromRows{cl.title, cl.sort, ""};
  const std::string output =
      !cl.output.empty() ? cl.output
                         : (input == "-" ? "-" : outputBeside(input, extensionOf(job.format)));
  JobResult result = runJob(*engine, job);
  printWarnings(result, job.input.source, cl.language);
  writeDisplayList(cl, result);
  writeOutput(output, result.documents.front().bytes);
  if (!cl.quiet) {
    const Message groups = result.groups == 1 ? Message("{0} group", result.groups)
                                              : Message("{0} groups", result.groups);
    const Message pages =
        result.pages == 1 ? Message("{0} page", result.pages) : Message("{0} pages", result.pages);
    tell(cl.language,
         Message("listed {0} names in {1}, {2}, to {3}", result.records, groups, pages, output));
  }
  return 0;
}

}  // namespace gongwen::cli
