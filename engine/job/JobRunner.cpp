// The front door (job/Job.h): one record or a batch in, documents and per-record reports out.
#include <algorithm>
#include <atomic>

#include "batch/OutputNames.h"
#include "common/JobError.h"
#include "common/Parallel.h"
#include "job/Job.h"
#include "job/RenderCaches.h"
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

// When the job must be done by, from its time limit.
class Deadline {
 public:
  explicit Deadline(const JobLimits& limits) : limit_(limits.timeLimit) {
    if (limit_) end_ = Clock::now() + *limit_;
  }
  bool passed() const { return limit_ && Clock::now() > end_; }
  void check() const {
    if (!passed()) return;
    throw JobError(JobError::Kind::TimeLimit, "",
                   "rendering took longer than the limit of " + std::to_string(limit_->count()) +
                       " ms; send fewer records or shorter documents");
  }

 private:
  std::optional<std::chrono::milliseconds> limit_;
  Clock::time_point end_;
};

std::string tooManyPages(size_t pages, size_t limit) {
  return "the document has " + std::to_string(pages) + " pages, more than the limit of " +
         std::to_string(limit);
}

RenderOptions renderOptions(const Job& job) {
  RenderOptions options = job.render;
  if (job.caches) options.cache = job.caches->compose;
  return options;
}

JobResult runSingle(const Engine& engine, const Job& job, const Deadline& deadline) {
  auto record = readRecord(job.input);
  LayoutResult laid;
  try {
    laid = engine.layout(record, renderOptions(job));
  } catch (const JobError&) {
    throw;
  } catch (const InputError& e) {
    if (job.input.source.empty()) throw;
    throw InputError(e.where().empty() ? job.input.source : inputPath(job.input, e.where()),
                     e.message());
  }
  deadline.check();
  const size_t pages = laid.list.pages.size();
  if (pages > job.limits.maxPages) {
    throw JobError(JobError::Kind::TooManyPages, inputPath(job.input, "$"),
                   tooManyPages(pages, job.limits.maxPages));
  }
  JobResult result;
  result.layout =
      job.render.layout.empty() ? record->optValue<std::string>("layout", "") : job.render.layout;
  result.records = result.printed = 1;
  result.pages = pages;
  result.title = laid.list.info.title;
  for (auto& w : laid.warnings) result.warnings.push_back({0, "", std::move(w)});
  if (job.wantDisplayList) result.displayList = displayListText(laid.list, engine.fonts());
  if (job.dryRun) return result;
  OutputDocument doc;
  doc.bytes = encode(laid.list, job);
  deadline.check();
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
void writeSplit(const Job& job, const Deadline& deadline, const std::vector<BatchItem>& items,
                std::vector<BatchDocument>& docs, JobResult& result) {
  std::vector<std::string> stems, fallbacks;
  for (const auto& d : docs) {
    const BatchItem& item = items[d.index];
    stems.push_back(fieldText(item, job.nameBy));
    fallbacks.push_back(fallbackStem(item.label, d.index));
  }
  const std::vector<std::string> names = uniqueFileNames(stems, fallbacks, extensionOf(job.format));
  result.documents.resize(docs.size());
  forEachParallel(docs.size(), job.threads, [&](size_t i) {
    deadline.check();
    OutputDocument& out = result.documents[i];
    out.fileName = names[i];
    out.pages = docs[i].list.pages.size();
    out.records = 1;
    out.bytes = encode(docs[i].list, job);
    docs[i].list = DisplayList{};  // done with it: free the memory
  });
}

JobResult runBatch(const Engine& engine, const Job& job, const Deadline& deadline) {
  BatchInput in =
      readBatchInput(job.input, job.render.layout, engine.layouts(), job.limits.maxRecords);
  std::atomic<bool> cancelled{false};
  BatchOptions options;
  options.render = renderOptions(job);
  options.render.layout = in.layout;
  options.duplex = job.duplex;
  options.strict = job.strict;
  options.threads = job.threads;
  options.cancel = &cancelled;
  BatchResult laid = layoutBatch(engine, in.items, options, [&](size_t done, size_t total) {
    if (deadline.passed()) cancelled = true;
    if (job.progress) job.progress(done, total);
  });
  deadline.check();

  JobResult result;
  result.layout = in.layout;
  result.records = laid.total;
  // A record over the page limit is a bad record like any other.
  std::vector<BatchDocument> documents;
  for (auto& doc : laid.documents) {
    if (doc.list.pages.size() > job.limits.maxPages) {
      const BatchItem& item = in.items[doc.index];
      laid.failures.push_back({doc.index, item.label, item.label,
                               tooManyPages(doc.list.pages.size(), job.limits.maxPages)});
    } else {
      documents.push_back(std::move(doc));
    }
  }
  std::sort(laid.failures.begin(), laid.failures.end(),
            [](const BatchFailure& a, const BatchFailure& b) { return a.index < b.index; });
  result.failures = std::move(laid.failures);
  for (auto& d : documents) {
    for (auto& w : d.warnings)
      result.warnings.push_back({d.index, in.items[d.index].label, std::move(w)});
    result.pages += d.list.pages.size();
  }
  if (!documents.empty()) result.title = documents.front().list.info.title;
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
    writeSplit(job, deadline, in.items, documents, result);
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
  deadline.check();
  return result;
}

}  // namespace

std::shared_ptr<RenderCaches> makeRenderCaches() { return std::make_shared<RenderCaches>(); }

JobResult runJob(const Engine& engine, const Job& job) {
  const Deadline deadline(job.limits);
  return job.shape == OutputShape::Single ? runSingle(engine, job, deadline)
                                          : runBatch(engine, job, deadline);
}

}  // namespace gongwen
