#include "batch/BatchRenderer.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "batch/SheetTable.h"
#include "common/Errors.h"
#include "common/Json.h"
#include "common/Parallel.h"
#include "common/WorkBudget.h"
#include "layout/BatchCache.h"
#include "layout/Outline.h"
#include "text/Shaper.h"

namespace gongwen {
namespace {

// Where a record's problem is: its field's path (the record is laid out with its own path
// as prefix, so messages name "$[3].recipient" or "row 12, field recipient"), else the record.
std::string recordPath(const BatchItem& item, const std::string& where) {
  return where.empty() || where == "$" ? item.label : where;
}

}  // namespace

std::vector<BatchItem> itemsFromJsonArray(const Poco::JSON::Array::Ptr& records,
                                          const std::string& arrayPath) {
  std::vector<BatchItem> items;
  for (size_t i = 0; i < records->size(); ++i) {
    BatchItem item;
    item.label = jsonPath(arrayPath, i);
    item.path = item.label;
    auto v = records->get(i);
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
      item.record = v.extract<Poco::JSON::Object::Ptr>();
    } else {
      item.error = Message("must be an object (a record), found {0}", jsonType(v));
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<BatchItem> itemsFromCsv(std::string_view bytes, const std::string& source,
                                    const Layout& layout) {
  return itemsFromSheet(bytes, source, layout).items;
}

BatchResult layoutBatch(const Engine& engine, const std::vector<BatchItem>& items,
                        const BatchOptions& options, const BatchProgress& progress) {
  BatchResult result;
  result.total = items.size();
  struct Slot {
    bool done = false, ok = false;
    BatchDocument doc;
    BatchFailure failure;
  };
  std::vector<Slot> slots(items.size());
  std::atomic<size_t> finished{0};
  std::atomic<bool> stop{false};
  // The records of a batch usually share their images (one seal): read them once.
  RenderOptions render = options.render;
  if (!render.cache) render.cache = std::make_shared<BatchCache>();
  const unsigned threads = static_cast<unsigned>(
      std::min<size_t>(threadsFor(options.threads), std::max<size_t>(1, items.size())));
  // One shaper per thread, reused for its records (sparing ICU's set-up per record).
  std::mutex shapersMutex;
  std::map<std::thread::id, std::unique_ptr<Shaper>> shapers;
  auto shaperOfThisThread = [&]() -> Shaper& {
    std::lock_guard lock(shapersMutex);
    auto& s = shapers[std::this_thread::get_id()];
    if (!s) s = std::make_unique<Shaper>(engine.fonts());
    return *s;
  };

  forEachParallel(items.size(), threads, [&](size_t i) {
    if (stop.load() || (options.cancel && options.cancel->load())) return;
    RenderOptions mine = render;
    mine.shaper = &shaperOfThisThread();
    mine.recordPath = items[i].path;
    Slot& s = slots[i];
    const BatchItem& item = items[i];
    s.failure.index = i;
    s.failure.label = placeMessage(item.label);
    try {
      if (!item.error.empty()) throw InputError("", item.error);
      auto laid = engine.layout(item.record, mine);
      s.doc.index = i;
      s.doc.list = std::move(laid.list);
      s.doc.warnings = std::move(laid.warnings);
      s.ok = true;
    } catch (const InputError& e) {
      s.failure.where = recordPath(item, e.where());
      s.failure.message = e.messageText();
    } catch (const std::exception& e) {
      s.failure.where = item.label;
      s.failure.message = Message::verbatim(e.what());
    }
    s.done = true;
    if (!s.ok && options.strict) stop.store(true);
    size_t d = finished.fetch_add(1) + 1;
    if (progress) progress(d, items.size());
  });

  for (auto& s : slots) {
    if (!s.done) continue;
    if (s.ok) {
      result.documents.push_back(std::move(s.doc));
    } else {
      result.failures.push_back(std::move(s.failure));
    }
  }
  return result;
}

size_t mergedPageCount(const std::vector<BatchDocument>& documents, bool duplex) {
  size_t pages = 0;
  for (const auto& doc : documents) {
    if (duplex && pages % 2 == 1) ++pages;
    pages += doc.list.pages.size();
  }
  return pages;
}

DisplayList mergeDocuments(std::vector<BatchDocument>& documents, bool duplex) {
  checkPdfPageCount(mergedPageCount(documents, duplex), "the merged PDF");
  DisplayList merged;
  for (auto& doc : documents) {
    if (merged.info.title.empty()) merged.info = doc.list.info;
    if (duplex && merged.pages.size() % 2 == 1) {
      Page blank;
      const Page& ref = doc.list.pages.empty() ? merged.pages.back() : doc.list.pages.front();
      blank.widthPt = ref.widthPt;
      blank.heightPt = ref.heightPt;
      merged.pages.push_back(std::move(blank));
    }
    std::string title = doc.list.info.title;
    if (title.empty()) title = "第 " + std::to_string(doc.index + 1) + " 份";
    appendRecordOutline(merged, title, doc.list.outline, merged.pages.size());
    for (auto& p : doc.list.pages) merged.pages.push_back(std::move(p));
    doc.list.pages.clear();
  }
  return merged;
}

}  // namespace gongwen
