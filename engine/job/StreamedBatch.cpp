#include "job/StreamedBatch.h"

#include <algorithm>
#include <atomic>
#include <memory>

#include "batch/OutputNames.h"
#include "common/Parallel.h"
#include "job/RenderCaches.h"
#include "layout/Outline.h"
#include "pdf/StreamingPdfWriter.h"

namespace gongwen {

bool streamableMergedBatch(const Job& job, size_t records) {
  return job.shape == OutputShape::Merged && job.format == OutputFormat::Pdf &&
         records > job.streamAbove;
}

void runStreamedBatch(const Engine& engine, const Job& job, const WorkBudget& budget,
                      BatchInput& in, const BatchOptions& options, JobResult& result) {
  PdfOptions pdf;
  pdf.cache = job.caches ? &job.caches->pdf : nullptr;
  pdf.threads = job.threads;
  StreamingPdfWriter writer(pdf, job.streamTo);
  DisplayList tail;  // the document's info and outline; its pages are written already
  const size_t total = in.records;
  // Enough records a chunk to keep every core busy, few enough to keep memory small.
  const size_t chunk = 128 * size_t{threadsFor(job.threads)};
  std::atomic<size_t> done{0};
  std::atomic<bool> cancelled{false};
  BatchOptions mine = options;
  mine.cancel = &cancelled;
  result.records = total;
  size_t printed = 0;
  bool stopped = false;  // by --strict
  std::unique_ptr<RecordSource> items = in.reread ? nullptr : recordsOf(in.items);
  RecordSource& source = in.reread ? *in.reread : *items;
  source.forEachChunk(chunk, [&](std::vector<BatchItem>& slice, size_t start) {
    BatchResult laid = layoutBatch(engine, slice, mine, [&](size_t, size_t) {
      try {
        budget.checkTime();
      } catch (const LimitExceeded&) {
        cancelled = true;  // the records not yet started are not started
      }
      if (job.progress) job.progress(done.fetch_add(1) + 1, total);
    });
    budget.checkTime();
    std::sort(laid.failures.begin(), laid.failures.end(),
              [](const BatchFailure& a, const BatchFailure& b) { return a.index < b.index; });
    for (auto& f : laid.failures) {
      f.index += start;
      result.failures.push_back(std::move(f));
    }
    // --strict prints nothing when a record failed.
    if (job.strict && !result.failures.empty()) {
      stopped = true;
      return false;
    }
    std::vector<Page> pages;
    for (auto& d : laid.documents) {
      const size_t index = start + d.index;
      for (auto& w : d.warnings)
        result.warnings.push_back({index, slice[d.index].label, std::move(w)});
      result.pages += d.list.pages.size();
      if (printed++ == 0) {
        tail.info = d.list.info;
        result.title = d.list.info.title;
      }
      const size_t first = writer.pageCount() + pages.size();
      if (job.duplex && first % 2 == 1) {
        Page blank;
        const Page& like = d.list.pages.empty() ? pages.back() : d.list.pages.front();
        blank.widthPt = like.widthPt;
        blank.heightPt = like.heightPt;
        pages.push_back(std::move(blank));
      }
      std::string title = d.list.info.title;
      if (title.empty()) title = "第 " + std::to_string(index + 1) + " 份";
      appendRecordOutline(tail, title, d.list.outline, writer.pageCount() + pages.size());
      for (auto& p : d.list.pages) pages.push_back(std::move(p));
      d.list = DisplayList{};
    }
    writer.addPages(pages);
    return !cancelled;
  });
  budget.checkTime();
  if (stopped || printed == 0) return;
  result.printed = printed;
  OutputDocument doc;
  doc.bytes = writer.finish(tail.info, tail.outline);
  doc.written = job.streamTo != nullptr;
  doc.pages = writer.pageCount();
  doc.records = printed;
  doc.fileName =
      uniqueFileNames({in.layout + "-batch"}, {"batch"}, extensionOf(job.format)).front();
  result.pages = doc.pages;  // with the blank pages of --duplex
  result.documents.push_back(std::move(doc));
}

}  // namespace gongwen
