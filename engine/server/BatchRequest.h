// POST /v1/batch: a JSON body {"layout": "...", "records": [...]} or a CSV body
// (text/csv, ?layout=NAME), turned into the batch engine's items.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "batch/BatchRenderer.h"
#include "server/ServerSettings.h"

namespace gongwen::server {

struct BatchRequest {
  std::string layout;
  std::vector<BatchItem> items;
  bool split = false;   // ?split=1: a zip of one PDF per record
  bool duplex = false;  // ?duplex=1: each record starts on an odd page
  bool dryRun = false;  // ?dry_run=1: only the report of good and bad records
  bool normalize = true;
  std::vector<std::string> warnings;  // about a spreadsheet as a whole (an unknown column)
};

// The content type of an Excel workbook (.xlsx).
inline constexpr const char* kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// `mediaType` is "application/json", "text/csv" or kXlsxMediaType (the caller answered 415
// otherwise). A CSV or xlsx body takes ?layout=NAME, ?sheet=NAME and, as values every row
// shares, query fields named like the layout's fields; a JSON body may carry "defaults".
// Throws ApiError: 400 malformed JSON or CSV, 413 too many records, 422 no or unknown layout.
BatchRequest parseBatchRequest(const Engine& engine, const std::string& mediaType,
                               const std::string& body,
                               const std::map<std::string, std::string>& query,
                               const Limits& limits);

// "1", "true", "yes" → true; "0", "false", "no", "" → false; else ApiError 400 naming it.
bool queryFlag(const std::map<std::string, std::string>& query, const std::string& name,
               bool otherwise);

}  // namespace gongwen::server
