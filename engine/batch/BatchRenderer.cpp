#include "batch/BatchRenderer.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "batch/SheetTable.h"
#include "common/Errors.h"
#include "common/Json.h"
#include "layout/BatchCache.h"
#include "text/Shaper.h"

namespace gongwen {

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
      item.error = "must be an object (a record), found " + jsonTypeName(v);
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
  std::atomic<size_t> next{0}, finished{0};
  std::atomic<bool> stop{false};
  // The records of a batch usually share their images (one seal): read them once.
  RenderOptions render = options.render;
  if (!render.cache) render.cache = std::make_shared<BatchCache>();

  auto work = [&] {
    Shaper shaper(engine.fonts());  // this worker's, reused for its records
    RenderOptions mine = render;
    mine.shaper = &shaper;
    for (;;) {
      if (stop.load() || (options.cancel && options.cancel->load())) return;
      size_t i = next.fetch_add(1);
      if (i >= items.size()) return;
      Slot& s = slots[i];
      const BatchItem& item = items[i];
      s.failure.index = i;
      s.failure.label = item.label;
      try {
        if (!item.error.empty()) throw InputError("", item.error);
        auto laid = engine.layout(item.record, mine);
        s.doc.index = i;
        s.doc.list = std::move(laid.list);
        s.doc.warnings = std::move(laid.warnings);
        s.ok = true;
      } catch (const InputError& e) {
        std::string where = e.where();
        if (where.rfind("$.", 0) == 0) {
          // "$.recipient" of the record → "$[3].recipient" or "row 12, field recipient"
          where = item.path.rfind("$", 0) == 0 ? item.path + where.substr(1)
                                               : item.path + ", field " + where.substr(2);
        } else if (where.empty() || where == "$") {
          where = item.label;
        }
        s.failure.where = where;
        s.failure.message = e.message();
      } catch (const std::exception& e) {
        s.failure.message = e.what();
      }
      s.done = true;
      if (!s.ok && options.strict) stop.store(true);
      size_t d = finished.fetch_add(1) + 1;
      if (progress) progress(d, items.size());
    }
  };

  unsigned n =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  n = static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(1, items.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

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

DisplayList mergeDocuments(std::vector<BatchDocument>& documents, bool duplex) {
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
    for (auto& p : doc.list.pages) merged.pages.push_back(std::move(p));
    doc.list.pages.clear();
  }
  return merged;
}

}  // namespace gongwen
