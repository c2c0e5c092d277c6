// The two rendering routes as translations: an HTTP request (query, media type, body) into
// a Job for the engine's front door, and the JobResult into a reply (a PDF, a zip of PDFs,
// or a JSON report). Errors of the job as a whole map to statuses in ApiError.cpp.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "job/Job.h"
#include "server/Reply.h"
#include "server/ServerSettings.h"

namespace gongwen::server {

struct JobRequest {
  std::string mediaType;  // application/json or text/csv
  std::string body;
  std::map<std::string, std::string> query;
  std::string accept;                     // the Accept header (application/ofd asks for OFD)
  Language language = Language::Chinese;  // of the messages (failures, warnings)
};

// POST /v1/render: one record, one PDF.
Reply renderOne(const Engine& engine, const JobRequest& request, const Limits& limits,
                std::shared_ptr<RenderCaches> caches);
// POST /v1/batch: many records; one merged PDF, a zip (?split=1) or a report (?dry_run=1);
// with ?list=1&title=… a register (CSV or xlsx) made into one commendation list.
Reply renderMany(const Engine& engine, const JobRequest& request, const Limits& limits,
                 std::shared_ptr<RenderCaches> caches);

// What one request's JSON may hold, from the server's limits (checked while scanning).
JsonLimits requestJsonLimits(const Limits& limits);

// "1", "true", "yes" → true; "0", "false", "no", "" → false; else ApiError 400 naming it.
bool queryFlag(const std::map<std::string, std::string>& query, const std::string& name,
               bool otherwise);

// The warnings as a JSON array of ASCII strings, cut to fit a header.
std::string warningsHeader(const std::vector<RecordWarning>& warnings, Language language,
                           size_t maxBytes = 2048);

}  // namespace gongwen::server
