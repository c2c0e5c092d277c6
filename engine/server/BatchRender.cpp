#include "server/BatchRender.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <atomic>
#include <cstdio>

#include "pdf/PdfWriter.h"
#include "server/DocumentRender.h"
#include "server/JsonText.h"
#include "server/ZipArchive.h"

namespace gongwen::server {
namespace {

constexpr size_t kFailuresHeaderBytes = 4000;

Poco::JSON::Object::Ptr failureJson(const BatchFailure& f) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("index", f.index);
  o->set("record", f.label);
  o->set("field", f.where.empty() ? f.label : f.where);
  o->set("message", f.message);
  return o;
}

Poco::JSON::Array::Ptr failuresJson(const std::vector<BatchFailure>& failures) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const auto& f : failures) a->add(failureJson(f));
  return a;
}

// As many failures as fit in a header, as ASCII JSON; `complete` says whether all did.
std::string failuresHeader(const std::vector<BatchFailure>& failures, bool& complete) {
  std::string out = "[";
  complete = true;
  for (const auto& f : failures) {
    std::string item = asciiJson(jsonText(failureJson(f)));
    if (out.size() + item.size() + 2 > kFailuresHeaderBytes) {
      complete = false;
      break;
    }
    if (out.size() > 1) out += ",";
    out += item;
  }
  return out + "]";
}

// "row 12" → "row-12", "$.records[3]" → "records-3": a file name inside the zip.
std::string entryName(size_t ordinal, const std::string& label) {
  std::string stem;
  for (char c : label) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      stem += c;
    } else if (!stem.empty() && stem.back() != '-') {
      stem += '-';
    }
  }
  while (!stem.empty() && stem.back() == '-') stem.pop_back();
  char number[16];
  std::snprintf(number, sizeof number, "%04zu", ordinal);
  return std::string(number) + (stem.empty() ? "" : "-" + stem) + ".pdf";
}

size_t pageCount(const std::vector<BatchDocument>& documents) {
  size_t n = 0;
  for (const auto& d : documents) n += d.list.pages.size();
  return n;
}

}  // namespace

Reply renderBatch(const Engine& engine, const BatchRequest& request, const Limits& limits,
                  const Deadline& deadline, PdfCache* cache) {
  PdfOptions pdfOptions;
  pdfOptions.cache = cache;
  std::atomic<bool> cancelled{false};
  BatchOptions options;
  options.render.layout = request.layout;
  options.render.normalize = request.normalize;
  options.render.allowFilePaths = false;  // never a file named by a request
  // Each record composed within the time and page limits (over them: a bad record).
  const WorkBudget budget(deadline.end(), deadline.limit(), limits.maxPages);
  options.render.budget = &budget;
  options.duplex = request.duplex;
  options.threads = 1;  // the worker pool bounds the cores in use
  options.cancel = &cancelled;
  BatchResult result = layoutBatch(engine, request.items, options, [&](size_t, size_t) {
    if (deadline.passed()) cancelled = true;
  });
  deadline.check();

  // A record over the page limit is a bad record like any other.
  std::vector<BatchDocument> documents;
  for (auto& doc : result.documents) {
    if (doc.list.pages.size() > limits.maxPages) {
      BatchFailure f;
      f.index = doc.index;
      f.label = request.items[doc.index].label;
      f.where = f.label;
      f.message = "the document has " + std::to_string(doc.list.pages.size()) +
                  " pages, more than the limit of " + std::to_string(limits.maxPages);
      result.failures.push_back(std::move(f));
    } else {
      documents.push_back(std::move(doc));
    }
  }
  std::sort(result.failures.begin(), result.failures.end(),
            [](const BatchFailure& a, const BatchFailure& b) { return a.index < b.index; });

  // One merged PDF holds at most kMaxPdfPages pages; the dry run says so as the run would.
  if (!request.split) checkPdfPageCount(mergedPageCount(documents, request.duplex), "$.records");
  if (request.dryRun) {
    Poco::JSON::Object::Ptr report = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    report->set("layout", request.layout);
    report->set("total", result.total);
    report->set("good", documents.size());
    report->set("failed", result.failures.size());
    report->set("pages", pageCount(documents));
    report->set("failures", failuresJson(result.failures));
    return jsonReply(200, report);
  }
  if (documents.empty()) {
    // An empty batch never gets here (parseBatchRequest refuses it): every record was bad.
    throw ApiError(
        422, "no printable records",
        "all " + std::to_string(result.total) + " records have errors; nothing was printed")
        .with("failures", failuresJson(result.failures));
  }

  Reply r;
  std::string stem = request.layout + "-batch";
  if (request.split) {
    std::vector<ZipEntry> entries;
    for (const auto& doc : documents) {
      deadline.check();
      std::vector<uint8_t> pdf = writePdf(doc.list, pdfOptions);
      entries.push_back(
          {entryName(doc.index + 1, request.items[doc.index].label), {pdf.begin(), pdf.end()}});
      r.pages += doc.list.pages.size();
    }
    if (!result.failures.empty()) {
      entries.push_back({"failures.json", jsonText(failuresJson(result.failures)) + "\n"});
    }
    r.body = zipArchive(entries);
    r.contentType = "application/zip";
    r.headers.emplace_back("Content-Disposition",
                           contentDisposition("attachment", stem + ".zip", stem + ".zip"));
  } else {
    DisplayList merged = mergeDocuments(documents, request.duplex);
    deadline.check();
    std::vector<uint8_t> pdf = writePdf(merged, pdfOptions);
    r.body.assign(pdf.begin(), pdf.end());
    r.pages = merged.pages.size();
    r.contentType = "application/pdf";
    r.headers.emplace_back("Content-Disposition",
                           contentDisposition("attachment", stem + ".pdf", stem + ".pdf"));
  }
  deadline.check();
  r.documents = documents.size();
  r.headers.emplace_back("X-Gongwen-Records", std::to_string(result.total));
  r.headers.emplace_back("X-Gongwen-Failed-Records", std::to_string(result.failures.size()));
  r.headers.emplace_back("X-Gongwen-Pages", std::to_string(r.pages));
  if (!result.failures.empty()) {
    bool complete = true;
    r.headers.emplace_back("X-Gongwen-Failures", failuresHeader(result.failures, complete));
    if (!complete) r.headers.emplace_back("X-Gongwen-Failures-Truncated", "1");
  }
  return r;
}

}  // namespace gongwen::server
