// A job for the Engine: what the CLI and the server hand in (one record or many, the shape
// and format of the output, the limits), and what they get back (the documents, and per
// record the warnings and the failures with their paths). Front ends only translate
// argv/files/HTTP into a Job and a JobResult into files/stdout/HTTP.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/BatchInput.h"
#include "batch/BatchRenderer.h"
#include "common/AtomicFile.h"
#include "common/Json.h"
#include "render/Engine.h"
#include "render/OutputFormat.h"

namespace gongwen {

class RenderCaches;

enum class OutputShape {
  Single,  // one record in, one document out
  Merged,  // a batch in, one document holding every good record
  Split,   // a batch in, one document per good record
};

struct JobLimits {
  size_t maxRecords = std::numeric_limits<size_t>::max();
  // Per document laid out, checked page by page while composing (and never more than one
  // PDF can hold, kMaxPdfPages).
  size_t maxPages = std::numeric_limits<size_t>::max();
  // What the JSON input may hold, checked while scanning, before anything is built.
  JsonLimits json;
  // Counted from runJob's start and checked per page and paragraph while composing; past
  // it the job stops with LimitExceeded (Time). Unset: no limit.
  std::optional<std::chrono::milliseconds> timeLimit;
};

// A register of one row per person or unit (CSV or xlsx) made into ONE commendation list
// (表彰名单): `gongwen list`, POST /v1/batch?list=1, the web page's "生成表彰名单".
struct ListFromRows {
  std::string title;     // required
  std::string sort;      // given (default) | strokes | pinyin
  std::string preamble;  // optional paragraphs before the groups
};

struct Job {
  JobInput input;
  // Set: the input is a register and the job makes one list of it (shape Single).
  std::optional<ListFromRows> list;
  OutputShape shape = OutputShape::Single;
  OutputFormat format = OutputFormat::Pdf;
  RenderOptions render;  // layout override, normalisation, missing glyphs, file paths
  bool duplex = false;   // merged: every record starts on an odd page
  bool strict = false;   // a batch stops at its first bad record and prints nothing
  bool dryRun = false;   // lay out and report, write no document
  std::string nameBy;    // split: the field that names each file ("" = the title/row)
  JobLimits limits;
  unsigned threads = 0;  // 0 = one per core
  // The laid-out pages as text (displayListText) in the result, for --display-list.
  bool wantDisplayList = false;
  // Font subsets, images and fitted texts kept from one job to the next (a server's);
  // null: each job prepares its own.
  std::shared_ptr<RenderCaches> caches;
  // A merged PDF batch of more records than this is written while it is laid out, a chunk
  // of records at a time (job/StreamedBatch.h: memory flat in the number of records).
  size_t streamAbove = 1000;
  // Set (the CLI's -o FILE): such a streamed PDF goes into this file as it is made, not into
  // the result (its document comes back `written`, without bytes); the caller commits it.
  // A spreadsheet's records of such a batch are read a chunk at a time, as they are laid out.
  OutputFile* streamTo = nullptr;
  // Called from worker threads as records are laid out (done, total).
  std::function<void(size_t, size_t)> progress;
};

struct OutputDocument {
  std::string fileName;  // split: "张三.pdf" (safe, unique); else named by the title
  std::vector<uint8_t> bytes;
  size_t pages = 0;
  size_t records = 0;
  bool written = false;  // its bytes went into Job::streamTo (not yet committed)
};

struct RecordWarning {
  size_t index = 0;
  std::string record;  // "" for a single document; English ("row 12", "$[3]"): placeMessage()
  Message message;
};

// For a process that runs many jobs (a server): pass the same caches in each Job.
std::shared_ptr<RenderCaches> makeRenderCaches();

struct JobResult {
  std::string layout;  // the layout the records were laid out in
  std::vector<OutputDocument> documents;
  std::vector<BatchFailure> failures;   // in input order, with their full paths
  std::vector<RecordWarning> warnings;  // in input order
  size_t records = 0;                   // read from the input
  size_t printed = 0;                   // laid out and written
  size_t pages = 0;                     // in the documents written (or that would be)
  std::string displayList;              // when Job::wantDisplayList
  size_t groups = 0;                    // a list from rows: its groups (records: its rows)
  std::string title;                    // the (first) document's title, for names
};

}  // namespace gongwen

namespace gongwen {

// The front door: reads the input, validates and lays out its records (in parallel for a
// batch), applies the limits and writes the documents. Throws JobError (the job as a
// whole: see common/JobError.h), InputError (the one record of a Single job), FontError.
JobResult runJob(const Engine& engine, const Job& job);

}  // namespace gongwen
