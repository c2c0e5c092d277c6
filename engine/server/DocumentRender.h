// POST /v1/render: one record → one PDF, held to the page and time limits. Runs on a
// render worker.
#pragma once

#include <Poco/JSON/Object.h>

#include "render/Engine.h"
#include "server/Deadline.h"
#include "server/Reply.h"
#include "server/ServerSettings.h"

namespace gongwen {
class PdfCache;
}

namespace gongwen::server {

// Throws InputError for a bad record and ApiError for a limit.
// `cache` keeps font subsets and images for the next requests (null: none).
Reply renderDocument(const Engine& engine, const Poco::JSON::Object::Ptr& record,
                     RenderOptions options, const Limits& limits, const Deadline& deadline,
                     PdfCache* cache = nullptr);

// Throws ApiError 422 "too many pages" when `pages` is over the limit.
void checkPageCount(size_t pages, const Limits& limits, const std::string& field);

// Warnings as an ASCII JSON array for a header, cut before it grows past `maxBytes`.
std::string warningsHeader(const std::vector<std::string>& warnings, size_t maxBytes = 2048);

}  // namespace gongwen::server
