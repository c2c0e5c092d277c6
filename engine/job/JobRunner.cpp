// The front door (job/Job.h): one record or a batch in, documents and per-record reports out.
#include <algorithm>
#include <atomic>

#include "batch/ListFromRows.h"
#include "batch/OutputNames.h"
#include "batch/SheetRows.h"
#include "common/JobError.h"
#include "common/Parallel.h"
#include "common/WorkBudget.h"
#include "job/Job.h"
#include "job/RenderCaches.h"
#include "job/StreamedBatch.h"
#include "render/DisplayListText.h"

namespace gongwen {
namespace {

using Clock = std::chrono::steady_clock;

// The display list in the job's output format.
std::vector<uint8_t> encode(const DisplayList& list, const Job& job) {
  PdfOptions options;
  options.cache = job.caches ? &job.caches->pdf : nullptr;
  options.threads = job.threads;
  return writeDocument(list, job.format, options);
}

RenderOptions renderOptions(const Job& job, const WorkBudget& budget) {
  RenderOptions options = job.render;
  if (job.caches) options.cache = job.caches->compose;
  options.budget = &budget;
  return options;
}

// The job's time and page limits, checked while composing.
WorkBudget budgetOf(const JobLimits& limits) {
  std::optional<WorkBudget::Clock::time_point> end;
  if (limits.timeLimit) end = WorkBudget::Clock::now() + *limits.timeLimit;
  return WorkBudget(end, limits.timeLimit.value_or(std::chrono::milliseconds(0)),
                    std::min(limits.maxPages, kMaxPdfPages));
}

// One record (a JSON object) with only its layout's members built.
Poco::JSON::Object::Ptr readOneRecord(const Engine& engine, const Job& job) {
  const std::string source = job.input.source.empty() ? "$" : job.input.source;
  try {
    return engine.readRecord(job.input.bytes, source, job.render.layout, job.limits.json);
  } catch (const JsonLimitError&) {
    throw;
  } catch (const InputError& e) {
    throw JobError(JobError::Kind::MalformedJson,
                   e.whereMessage().empty() ? Message::verbatim(source) : e.whereMessage(),
                   e.messageText());
  }
}

// A register's rows as one commendation list's record, with the caller's shared values
// (--set preamble=…); its warnings (columns ignored) and counts go to `result`.
Poco::JSON::Object::Ptr listRecord(const Engine& engine, const Job& job, JobResult& result) {
  static const std::string kListLayout = "commendation-list";
  ListOptions options;
  options.title = job.list->title;
  options.sort = job.list->sort;
  options.preamble = job.list->preamble;
  options.sheet.sheet = job.input.sheet;
  options.sheet.maxRows = std::min<size_t>(job.limits.maxRecords, options.sheet.maxRows);
  const std::string source = job.input.source.empty() ? "rows" : job.input.source;
  ListRecord list;
  try {
    list = listFromRows(job.input.bytes, source, options);
  } catch (const TooManyRows& e) {
    throw JobError(JobError::Kind::TooManyRecords,
                   e.whereMessage().empty() ? Message::verbatim(source) : e.whereMessage(),
                   e.messageText());
  }
  if (auto shared = sharedValues(job.input, engine.layouts().get(kListLayout))) {
    for (const auto& [field, value] : *shared) list.record->set(field, value);
  }
  for (auto& w : list.warnings) result.warnings.push_back({0, "", std::move(w)});
  result.records = list.rows;
  result.groups = list.groups;
  return list.record;
}

JobResult runSingle(const Engine& engine, const Job& job, const WorkBudget& budget) {
  JobResult result;
  auto record = job.list ? listRecord(engine, job, result) : readOneRecord(engine, job);
  LayoutResult laid;
  try {
    laid = engine.layout(record, renderOptions(job, budget));
  } catch (const JobError&) {
    throw;
  } catch (const InputError& e) {
    if (job.input.source.empty()) throw;
    throw InputError(e.where().empty() ? job.input.source : inputPath(job.input, e.where()),
                     e.messageText());
  }
  budget.checkTime();
  const size_t pages = laid.list.pages.size();
  result.layout =
      job.render.layout.empty() ? record->optValue<std::string>("layout", "") : job.render.layout;
  if (!job.list) result.records = 1;
  result.printed = 1;
  result.pages = pages;
  result.title = laid.list.info.title;
  for (auto& w : laid.warnings) result.warnings.push_back({0, "", std::move(w)});
  if (job.wantDisplayList) result.displayList = displayListText(laid.list, engine.fonts());
  if (job.dryRun) return result;
  OutputDocument doc;
  doc.bytes = encode(laid.list, job);
  budget.checkTime();
  doc.pages = pages;
  doc.records = 1;
  doc.fileName =
      uniqueFileNames({laid.list.info.title}, {result.layout}, extensionOf(job.format)).front();
  result.documents.push_back(std::move(doc));
  return result;
}

// The text of `field` in a record ("" when absent or not text), to name its file.
std::string fieldText(const BatchItem& item, const std::string& field) {
  if (field.empty() || !item.record || !item.record->has(field)) return "";
  auto v = item.record->get(field);
  return v.isString() ? v.toString() : "";
}

// One document per record, named by the --name-by field, else by its row ("row-12").
void writeSplit(const Job& job, const WorkBudget& budget, const std::vector<BatchItem>& items,
                std::vector<BatchDocument>& docs, JobResult& result) {
  std::vector<std::string> stems, fallbacks;
  for (const auto& d : docs) {
    const BatchItem& item = items[d.index];
    stems.push_back(fieldText(item, job.nameBy));
    fallbacks.push_back(item.label);
  }
  const std::vector<std::string> names = uniqueFileNames(stems, fallbacks, extensionOf(job.format));
  result.documents.resize(docs.size());
  forEachParallel(docs.size(), job.threads, [&](size_t i) {
    budget.checkTime();
    OutputDocument& out = result.documents[i];
    out.fileName = names[i];
    out.pages = docs[i].list.pages.size();
    out.records = 1;
    out.bytes = encode(docs[i].list, job);
    docs[i].list = DisplayList{};  // done with it: free the memory
  });
}

JobResult runBatch(const Engine& engine, const Job& job, const WorkBudget& budget) {
  JsonLimits json = job.limits.json;
  json.maxRecords = std::min(json.maxRecords, job.limits.maxRecords);
  // A batch that would be streamed keeps no more records than a chunk needs.
  const bool mayStream =
      streamableMergedBatch(job, job.streamAbove + 1) && !job.dryRun && !job.wantDisplayList;
  BatchInput in =
      readBatchInput(job.input, job.render.layout, engine.layouts(), job.limits.maxRecords, json,
                     mayStream ? job.streamAbove : std::numeric_limits<size_t>::max());
  std::atomic<bool> cancelled{false};
  BatchOptions options;
  options.render = renderOptions(job, budget);
  options.render.layout = in.layout;
  options.duplex = job.duplex;
  options.strict = job.strict;
  options.threads = job.threads;
  options.cancel = &cancelled;
  if (mayStream && streamableMergedBatch(job, in.records)) {
    JobResult streamed;
    streamed.layout = in.layout;
    for (auto& w : in.warnings) streamed.warnings.push_back({0, "", std::move(w)});
    runStreamedBatch(engine, job, budget, in, options, streamed);
    return streamed;
  }
  BatchResult laid = layoutBatch(engine, in.items, options, [&](size_t done, size_t total) {
    try {
      budget.checkTime();
    } catch (const LimitExceeded&) {
      cancelled = true;  // the records not yet started are not started
    }
    if (job.progress) job.progress(done, total);
  });
  budget.checkTime();

  JobResult result;
  result.layout = in.layout;
  result.records = laid.total;
  for (auto& w : in.warnings) result.warnings.push_back({0, "", std::move(w)});
  // A record over the page limit failed while it was composed, like any other bad record.
  std::vector<BatchDocument> documents = std::move(laid.documents);
  std::sort(laid.failures.begin(), laid.failures.end(),
            [](const BatchFailure& a, const BatchFailure& b) { return a.index < b.index; });
  result.failures = std::move(laid.failures);
  for (auto& d : documents) {
    for (auto& w : d.warnings)
      result.warnings.push_back({d.index, in.items[d.index].label, std::move(w)});
    result.pages += d.list.pages.size();
  }
  if (!documents.empty()) result.title = documents.front().list.info.title;
  // One merged document holds at most kMaxPdfPages pages; a dry run says so as the run would
  // (a streamed PDF is not bound by libharu's page array).
  if (job.shape == OutputShape::Merged && !streamableMergedBatch(job, laid.total)) {
    checkPdfPageCount(mergedPageCount(documents, job.duplex), in.recordsPath);
  }
  // --strict prints nothing when a record failed; nothing to print, nothing to write.
  if ((job.strict && !result.failures.empty()) || documents.empty()) return result;
  result.printed = documents.size();
  if (job.wantDisplayList) {
    std::vector<BatchDocument> copy;
    for (const auto& d : documents) copy.push_back({d.index, d.list, {}});
    result.displayList = displayListText(mergeDocuments(copy, job.duplex), engine.fonts());
  }
  if (job.dryRun) return result;

  if (job.shape == OutputShape::Split) {
    writeSplit(job, budget, in.items, documents, result);
  } else {
    DisplayList merged = mergeDocuments(documents, job.duplex);
    OutputDocument doc;
    doc.pages = merged.pages.size();
    doc.records = result.printed;
    doc.bytes = encode(merged, job);
    doc.fileName =
        uniqueFileNames({in.layout + "-batch"}, {"batch"}, extensionOf(job.format)).front();
    result.pages = doc.pages;  // with the blank pages of --duplex
    result.documents.push_back(std::move(doc));
  }
  budget.checkTime();
  return result;
}

}  // namespace

std::shared_ptr<RenderCaches> makeRenderCaches() { return std::make_shared<RenderCaches>(); }

JobResult runJob(const Engine& engine, const Job& job) {
  const WorkBudget budget = budgetOf(job.limits);
  return job.shape == OutputShape::Single ? runSingle(engine, job, budget)
                                          : runBatch(engine, job, budget);
}

}  // namespace gongwen
