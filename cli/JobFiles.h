// What the render and batch commands share: the input file read into a job, the default
// output path beside it, and the documents and reports of a result written out.
#pragma once

#include <string>

#include "cli/CommandLine.h"
#include "job/Job.h"

namespace gongwen::cli {

// The input ("-" = stdin) as a job's input; relative image paths resolve beside it.
JobInput readJobInput(const std::string& path);
// The folder of an input file ("." for a bare name or stdin).
std::string inputFolder(const std::string& path);
// INPUT with its extension (if any, in its last path component) replaced by `extension`.
std::string outputBeside(const std::string& input, const std::string& extension);
// The job's options common to render and batch, from the command line.
Job jobFromCommandLine(const CommandLine& cl, const std::string& input);
// "gongwen: warning: SOURCE: row 3: …" for each warning of the result.
void printWarnings(const JobResult& result, const std::string& source, Language language);
// --display-list FILE: the laid-out pages as text.
void writeDisplayList(const CommandLine& cl, const JobResult& result);

}  // namespace gongwen::cli
