#include "cli/BatchCommand.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/Console.h"
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
    throw InputError(dir, ec ? Message("cannot create the output folder: {0}", ec.message())
                             : Message("cannot create the output folder: not a folder"));
  }
}

void printFailures(const JobResult& result, const std::string& source, Language language) {
  for (const auto& f : result.failures) {
    tell(language, Message("{0}: {1}: {2}", source, f.place(), f.message));
  }
}

// Throws OutputError naming every file of a --split run that was not written (a full
// disk): the others are whole, those are missing.
void reportUnwritten(const std::vector<std::string>& names, const std::vector<Message>& errors,
                     const std::string& dir) {
  std::vector<std::string> unwritten;
  Message firstError;
  for (size_t i = 0; i < names.size(); ++i) {
    if (errors[i].empty()) continue;
    if (firstError.empty()) firstError = errors[i];
    unwritten.push_back(names[i]);
  }
  if (unwritten.empty()) return;
  throw OutputError(dir, Message("{0} of {1} files were not written ({2}): {3}", unwritten.size(),
                                 names.size(), firstError, joinedNames(unwritten)));
}

// Where the merged document goes: -o, else beside the input.
std::string mergedOutput(const CommandLine& cl, const std::string& input, OutputFormat format) {
  if (!cl.output.empty()) return cl.output;
  if (input == "-") throw UsageError(Message("batch from stdin needs -o OUT.pdf or --split DIR"));
  return outputBeside(input, extensionOf(format));
}

}  // namespace

int runBatch(const CommandLine& cl) {
  if (cl.inputs.size() != 1)
    throw UsageError(Message("batch takes exactly one DATA.csv or DATA.json"));
  if (!cl.nameBy.empty() && cl.splitDir.empty())
    throw UsageError(Message("--name-by needs --split DIR"));
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
  ProgressBar bar(Message("records"), cl.language, showProgress);
  job.progress = [&](size_t done, size_t total) { bar.update(done, total); };
  // A large merged PDF goes into the file as it is made (through a temporary, renamed only
  // when whole); "-", devices and FIFOs get the finished document as before.
  std::optional<OutputFile> file;
  if (!split && OutputFile::writtenInPieces(output)) job.streamTo = &file.emplace(output);
  JobResult result = runJob(*engine, job);
  bar.finish();

  const std::string& source = job.input.source;
  printWarnings(result, source, cl.language);
  printFailures(result, source, cl.language);
  if (cl.strict && !result.failures.empty()) {
    tell(cl.language, Message("--strict: stopped at the first bad record; nothing written"));
    return 2;
  }
  if (result.documents.empty()) {
    tell(cl.language, Message("{0}: no record could be printed; nothing written", source));
    return 2;
  }
  writeDisplayList(cl, result);

  Message where;
  if (split) {
    if (cl.duplex) warn(cl.language, Message("--duplex has no effect with --split"));
    makeFolder(cl.splitDir);
    ProgressBar files(Message("files"), cl.language, showProgress);
    const size_t n = result.documents.size();
    std::vector<std::string> names(n);
    std::vector<Message> errors(n);  // per file: why it was not written
    for (size_t i = 0; i < n; ++i) {
      OutputDocument& doc = result.documents[i];
      names[i] = doc.fileName;
      try {
        writeOutput(cl.splitDir + "/" + doc.fileName, doc.bytes);
      } catch (const InputError& e) {
        errors[i] = e.messageText();
      }
      doc.bytes = {};  // written: free the memory
      files.update(i + 1, n);
    }
    files.finish();
    reportUnwritten(names, errors, cl.splitDir);
    where = Message("{0}/ ({1} files)", cl.splitDir, result.documents.size());
  } else {
    const OutputDocument& doc = result.documents.front();
    if (doc.written) {
      file->commit();
    } else {
      writeOutput(output, doc.bytes);
    }
    where = Message("{0} ({1} records)", output, result.printed);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!cl.quiet) {
    char took[32];
    std::snprintf(took, sizeof took, "%.2f s", seconds);
    const Message printed = Message("printed {0} of {1} records, {2} pages, to {3} in {4}",
                                    result.printed, result.records, result.pages, where, took);
    const size_t bad = result.failures.size();
    tell(cl.language, bad == 0 ? printed
                               : Message("{0}; {1} listed above", printed,
                                         bad == 1 ? Message("{0} bad record", bad)
                                                  : Message("{0} bad records", bad)));
  }
  return result.failures.empty() ? 0 : 3;
}

}  // namespace gongwen::cli
