#include "cli/BatchCommand.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/JobFiles.h"
#include "cli/ProgressBar.h"
#include "common/AtomicFile.h"
#include "common/Errors.h"
#include "job/Job.h"

namespace gongwen::cli {
namespace {

void makeFolder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw InputError(dir, "cannot create the output folder: " +
                              (ec ? ec.message() : std::string("not a folder")));
  }
}

void printFailures(const JobResult& result, const std::string& source) {
  for (const auto& f : result.failures) {
    std::cerr << "gongwen: " << source << ": " << (f.where.empty() ? f.label.english() : f.where)
              << ": " << f.message.english() << "\n";
  }
}

// Throws OutputError naming every file of a --split run that was not written (a full
// disk): the others are whole, those are missing.
void reportUnwritten(const std::vector<std::string>& names, const std::vector<std::string>& errors,
                     const std::string& dir) {
  std::string list, firstError;
  size_t count = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    if (errors[i].empty()) continue;
    if (firstError.empty()) firstError = errors[i];
    list += (count++ ? ", " : "") + names[i];
  }
  if (count == 0) return;
  throw OutputError(dir, std::to_string(count) + " of " + std::to_string(names.size()) +
                             " files were not written (" + firstError + "): " + list);
}

// Where the merged document goes: -o, else beside the input.
std::string mergedOutput(const CommandLine& cl, const std::string& input, OutputFormat format) {
  if (!cl.output.empty()) return cl.output;
  if (input == "-") throw UsageError("batch from stdin needs -o OUT.pdf or --split DIR");
  return outputBeside(input, extensionOf(format));
}

}  // namespace

int runBatch(const CommandLine& cl) {
  if (cl.inputs.size() != 1) throw UsageError("batch takes exactly one DATA.csv or DATA.json");
  if (!cl.nameBy.empty() && cl.splitDir.empty()) throw UsageError("--name-by needs --split DIR");
  const std::string& input = cl.inputs[0];
  const auto started = std::chrono::steady_clock::now();
  const bool split = !cl.splitDir.empty();
  auto engine = makeEngine(cl.engine);
  Job job = jobFromCommandLine(cl, input);
  const std::string output = split ? "" : mergedOutput(cl, input, job.format);
  job.shape = split ? OutputShape::Split : OutputShape::Merged;
  job.duplex = cl.duplex;
  job.strict = cl.strict;
  job.nameBy = cl.nameBy;
  const bool showProgress = !cl.quiet && stderrIsTerminal();
  ProgressBar bar("records", showProgress);
  job.progress = [&](size_t done, size_t total) { bar.update(done, total); };
  JobResult result = runJob(*engine, job);
  bar.finish();

  const std::string& source = job.input.source;
  printWarnings(result, source);
  printFailures(result, source);
  if (cl.strict && !result.failures.empty()) {
    std::cerr << "gongwen: --strict: stopped at the first bad record; nothing written\n";
    return 2;
  }
  if (result.documents.empty()) {
    std::cerr << "gongwen: " << source << ": no record could be printed; nothing written\n";
    return 2;
  }
  writeDisplayList(cl, result);

  std::string where;
  if (split) {
    if (cl.duplex) std::cerr << "gongwen: warning: --duplex has no effect with --split\n";
    makeFolder(cl.splitDir);
    ProgressBar files("files", showProgress);
    const size_t n = result.documents.size();
    std::vector<std::string> names(n), errors(n);  // per file: why it was not written
    for (size_t i = 0; i < n; ++i) {
      OutputDocument& doc = result.documents[i];
      names[i] = doc.fileName;
      try {
        writeOutput(cl.splitDir + "/" + doc.fileName, doc.bytes);
      } catch (const InputError& e) {
        errors[i] = e.message();
      }
      doc.bytes = {};  // written: free the memory
      files.update(i + 1, n);
    }
    files.finish();
    reportUnwritten(names, errors, cl.splitDir);
    where = cl.splitDir + "/ (" + std::to_string(result.documents.size()) + " files)";
  } else {
    writeOutput(output, result.documents.front().bytes);
    where = output + " (" + std::to_string(result.printed) + " records)";
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!cl.quiet) {
    char took[32];
    std::snprintf(took, sizeof took, "%.2f s", seconds);
    std::cerr << "gongwen: printed " << result.printed << " of " << result.records << " records, "
              << result.pages << " pages, to " << where << " in " << took;
    if (!result.failures.empty()) {
      std::cerr << "; " << result.failures.size() << " bad record"
                << (result.failures.size() == 1 ? "" : "s") << " listed above";
    }
    std::cerr << "\n";
  }
  return result.failures.empty() ? 0 : 3;
}

}  // namespace gongwen::cli
