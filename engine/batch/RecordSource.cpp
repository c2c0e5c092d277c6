#include "batch/RecordSource.h"

#include <algorithm>
#include <exception>
#include <iterator>

namespace gongwen {
namespace {

class ItemsSource : public RecordSource {
 public:
  explicit ItemsSource(std::vector<BatchItem>& items) : items_(items) {}

  void forEachChunk(size_t chunk, const ChunkSink& take) override {
    chunk = std::max<size_t>(chunk, 1);
    for (size_t start = 0; start < items_.size(); start += chunk) {
      const size_t end = std::min(items_.size(), start + chunk);
      std::vector<BatchItem> slice(std::make_move_iterator(items_.begin() + start),
                                   std::make_move_iterator(items_.begin() + end));
      if (!take(slice, start)) return;
    }
  }

 private:
  std::vector<BatchItem>& items_;
};

class SheetSource : public RecordSource {
 public:
  SheetSource(std::string_view bytes, std::string source, const Layout& layout,
              SheetOptions options)
      : bytes_(bytes), source_(std::move(source)), layout_(layout), options_(std::move(options)) {}

  void forEachChunk(size_t chunk, const ChunkSink& take) override {
    chunk = std::max<size_t>(chunk, 1);
    std::vector<BatchItem> pending;
    size_t first = 0;
    bool stopped = false;
    std::exception_ptr failure;  // the taker's, kept apart from the reader's own errors
    // Hands the pending records over; false when the taker stops (or throws).
    auto flush = [&] {
      try {
        stopped = !take(pending, first);
      } catch (...) {
        failure = std::current_exception();
        stopped = true;
      }
      first += pending.size();
      std::vector<BatchItem>().swap(pending);
      return !stopped;
    };
    pending.reserve(chunk);
    forEachSheetItem(bytes_, source_, layout_, options_, [&](BatchItem& item) {
      pending.push_back(std::move(item));
      if (pending.size() < chunk) return true;
      const bool more = flush();
      if (more) pending.reserve(chunk);
      return more;
    });
    if (!stopped && !pending.empty()) flush();
    if (failure) std::rethrow_exception(failure);
  }

 private:
  std::string_view bytes_;
  std::string source_;
  const Layout& layout_;
  SheetOptions options_;
};

}  // namespace

std::unique_ptr<RecordSource> recordsOf(std::vector<BatchItem>& items) {
  return std::make_unique<ItemsSource>(items);
}

std::unique_ptr<RecordSource> sheetRecords(std::string_view bytes, std::string source,
                                           const Layout& layout, SheetOptions options) {
  return std::make_unique<SheetSource>(bytes, std::move(source), layout, std::move(options));
}

}  // namespace gongwen
