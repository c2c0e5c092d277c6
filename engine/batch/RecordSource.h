// The records of a batch handed out a chunk at a time, in input order, so that a streamed
// batch (job/StreamedBatch.h) holds only the chunk it lays out: a spreadsheet's rows
// become records only when their chunk's turn comes.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "batch/BatchRenderer.h"
#include "batch/SheetTable.h"

namespace gongwen {

// Takes `items`, the records from position `first` (0-based) on; returns false to stop.
// What it leaves in `items` is freed when it returns.
using ChunkSink = std::function<bool(std::vector<BatchItem>& items, size_t first)>;

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  // Hands every record to `take`, at most `chunk` at a time. An exception thrown by `take`
  // ends the reading and is passed on as it is.
  virtual void forEachChunk(size_t chunk, const ChunkSink& take) = 0;
};

// Records already read (a JSON array): moved out of `items` a chunk at a time.
std::unique_ptr<RecordSource> recordsOf(std::vector<BatchItem>& items);

// A spreadsheet's records, read from `bytes` (which must outlive the source) as they are
// asked for: the sheet read again as itemsFromSheet reads it, its warnings dropped (the
// first reading had them). Throws InputError like itemsFromSheet.
std::unique_ptr<RecordSource> sheetRecords(std::string_view bytes, std::string source,
                                           const Layout& layout, SheetOptions options);

}  // namespace gongwen
