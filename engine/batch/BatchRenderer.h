// Renders many records of one layout (a spreadsheet of names, a JSON array of lists):
// records are laid out in parallel; a bad record is reported with its row and field and
// the others still print; the good ones merge into one PDF (fonts embedded once) or
// become one PDF each.
#pragma once

#include <Poco/JSON/Object.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/Place.h"
#include "layout/DisplayList.h"
#include "render/Engine.h"

namespace gongwen {

struct BatchItem {
  Poco::JSON::Object::Ptr record;
  std::string label;  // how messages name it: "row 12" (CSV line), "$[3]" (JSON array)
  std::string path;   // JSON path prefix of its fields: "$[3]"; for CSV rows "row 12"
  Message error;      // set when the item could not even be read (malformed CSV row)
};

struct BatchOptions {
  RenderOptions render;  // layout name, normalization, missing glyphs
  bool duplex = false;   // every record starts on an odd page (a blank page in between)
  bool strict = false;   // stop at the first bad record
  unsigned threads = 0;  // 0 = one per core
  // When set (e.g. the server's time limit ran out), records not yet started are skipped.
  const std::atomic<bool>* cancel = nullptr;
};

struct BatchFailure {
  size_t index = 0;   // 0-based position in the input
  Message label;      // "row 12" (第12行), "$[3]": the record, for a person
  std::string where;  // field path, English, e.g. "$.recipient" / "row 12, field recipient"
  Message message;
  // The place for a person: `where` translated when it is a spreadsheet's (common/Place.h).
  Message place() const { return where.empty() ? label : placeMessage(where); }
};

struct BatchDocument {
  size_t index = 0;
  DisplayList list;
  std::vector<Message> warnings;
};

struct BatchResult {
  std::vector<BatchDocument> documents;  // the good records, in input order
  std::vector<BatchFailure> failures;    // the bad ones, in input order
  size_t total = 0;
};

// done, total — called from worker threads (must be thread-safe).
using BatchProgress = std::function<void(size_t done, size_t total)>;

// Lays out every item. With options.strict it stops at the first failure (the
// documents are then discarded by callers that write nothing).
BatchResult layoutBatch(const Engine& engine, const std::vector<BatchItem>& items,
                        const BatchOptions& options, const BatchProgress& progress = {});

// The pages mergeDocuments would make (blank pages of duplex included).
size_t mergedPageCount(const std::vector<BatchDocument>& documents, bool duplex);

// All documents one after another in one display list (fonts shared, so embedded once);
// with `duplex`, a blank unnumbered page is inserted so each document starts on an odd page.
// More pages than one PDF can hold (kMaxPdfPages) is a LimitExceeded, before merging.
DisplayList mergeDocuments(std::vector<BatchDocument>& documents, bool duplex);

// Items from a JSON array of records ("$[i]") or CSV bytes ("row N"). CSV cells of
// list fields are split on newlines and semicolons. Throws InputError when the input as a
// whole cannot be read.
// `arrayPath` is where the array is ("$.records" in an HTTP batch request).
std::vector<BatchItem> itemsFromJsonArray(const Poco::JSON::Array::Ptr& records,
                                          const std::string& arrayPath = "$");
std::vector<BatchItem> itemsFromCsv(std::string_view bytes, const std::string& source,
                                    const Layout& layout);

}  // namespace gongwen
