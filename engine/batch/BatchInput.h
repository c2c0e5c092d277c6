// The records of a job, read from the bytes of a file or request body: one JSON object, a
// JSON array of records, {"layout": …, "records": […]}, or a CSV whose header names the
// layout's fields. One reader for the CLI and the server, so that the same bad input gets
// the same message from both.
#pragma once

#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "batch/BatchRenderer.h"
#include "batch/RecordSource.h"
#include "common/Json.h"
#include "model/LayoutCatalog.h"

namespace gongwen {

struct JobInput {
  std::string bytes;
  // How messages name the input ("in.csv", "<stdin>"); "" for an HTTP body, whose messages
  // carry JSON paths only.
  std::string source;
  // "application/json" or "text/csv"; "" = decide from `fileName` and the bytes.
  std::string mediaType;
  std::string fileName;  // for that decision by extension ("" when there is none)
  // How the caller's layout override is spelled, for messages: "--layout", or "layout" (a
  // query parameter).
  std::string layoutOption = "--layout";
  // xlsx: the worksheet to read ("" = the first).
  std::string sheet;
  // Values every record shares: "FIELD=VALUE" settings (--set; FIELD a field's name,
  // label or alias; an image path relative to `settingsFolder`), and values named like the
  // layout's fields (an HTTP batch's query). A record's own value wins.
  std::vector<std::string> settings;
  std::string settingsFolder = ".";
  std::map<std::string, std::string> fieldValues;
};

// The media type of an Excel workbook (.xlsx).
inline constexpr const char* kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct BatchInput {
  std::string layout;  // the override, else the JSON object's "layout" ("" = per record)
  std::vector<BatchItem> items;
  size_t records = 0;  // in the input (items.size() unless `reread` is set)
  // Set when a spreadsheet has more records than readBatchInput's `keepAtMost`: they were
  // counted and checked but not kept (`items` is empty); this reads them again, a chunk at
  // a time, from the input's bytes (which it needs alive).
  std::shared_ptr<RecordSource> reread;
  std::vector<Message> warnings;  // about a spreadsheet as a whole (an unknown column)
  std::string recordsPath;        // where the records are, for messages: "$", "$.records", "in.csv"
};

// Reads many records: a JSON array, {"layout", "records" or "spreadsheet" (a data: URI),
// "defaults"}, a CSV or an xlsx workbook (told by its bytes). `layout` (--layout,
// ?layout=) overrides the input's own; a spreadsheet needs one. Throws JobError:
// MalformedJson/MalformedCsv, Invalid (no records array, a layout that is not a string or unknown),
// TooManyRecords, NothingPrinted (no records at all). JSON is scanned within `json` before anything
// is built (JsonLimitError), and of an object only "layout" and "records" are built.
// A CSV or xlsx file of more than `keepAtMost` records is read through once to count and
// check it (the errors of the sheet as a whole come before any work) and read again later
// through BatchInput::reread.
BatchInput readBatchInput(const JobInput& input, const std::string& layout,
                          const LayoutCatalog& layouts, size_t maxRecords,
                          const JsonLimits& json = {},
                          size_t keepAtMost = std::numeric_limits<size_t>::max());

// Where a problem is, for messages: "in.json: $.records" on the CLI, "$.records" over HTTP.
std::string inputPath(const JobInput& input, const std::string& path);

}  // namespace gongwen

namespace gongwen {

// The values every record of `layout` shares, from the input's settings and field values
// (null when there are none). Throws InputError("--set") for a setting naming no field.
Poco::JSON::Object::Ptr sharedValues(const JobInput& input, const Layout& layout);

}  // namespace gongwen
