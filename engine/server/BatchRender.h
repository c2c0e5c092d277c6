// POST /v1/batch on a render worker: every record laid out, the bad ones reported with
// their row or JSON path, the good ones sent as one merged PDF (fonts embedded once), a
// zip of one PDF each (?split=1), or only the report (?dry_run=1).
//
// The failures travel in headers so the PDF stays the body:
//   X-Gongwen-Records: 120           every record
//   X-Gongwen-Failed-Records: 2      the bad ones
//   X-Gongwen-Failures: [{"index":3,"record":"row 5","field":"row 5, field body",
//                         "message":"required field ..."}]   ASCII JSON (\uXXXX), cut
//                         to fit 4 KB; X-Gongwen-Failures-Truncated: 1 when cut
// A zip also holds failures.json with all of them.
#pragma once

#include "render/Engine.h"
#include "server/BatchRequest.h"
#include "server/Deadline.h"
#include "server/Reply.h"

namespace gongwen {
class PdfCache;
}

namespace gongwen::server {

// Throws ApiError: 422 when no record can be printed or the time is up.
// `cache` keeps font subsets and images for the next requests (null: none).
Reply renderBatch(const Engine& engine, const BatchRequest& request, const Limits& limits,
                  const Deadline& deadline, PdfCache* cache = nullptr);

}  // namespace gongwen::server
