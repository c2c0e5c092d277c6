// A merged PDF batch of many records, written while it is laid out: records are laid out
// a chunk at a time (in parallel) and each chunk's pages go into the file at once
// (StreamingPdfWriter), so memory stays flat in the number of records.
#pragma once

#include "batch/BatchInput.h"
#include "batch/BatchRenderer.h"
#include "common/WorkBudget.h"
#include "job/Job.h"

namespace gongwen {

// Whether this batch of `records` records is a merged PDF of more records than
// job.streamAbove: runJob streams it unless it only lays out (a dry run) or wants the
// display list. Such a PDF may have more pages than libharu's kMaxPdfPages (up to 2^20).
bool streamableMergedBatch(const Job& job, size_t records);

// Lays out and writes `in`'s records a chunk at a time (its items are consumed, or its
// spreadsheet read again: BatchInput::reread), filling `result` as the batch path of runJob
// does: failures, warnings, counts and the one merged document, its bytes in the result or
// written into job.streamTo.
void runStreamedBatch(const Engine& engine, const Job& job, const WorkBudget& budget,
                      BatchInput& in, const BatchOptions& options, JobResult& result);

}  // namespace gongwen
