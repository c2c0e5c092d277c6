#include "server/JobRequests.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

#include "server/ApiError.h"
#include "server/JsonText.h"
#include "server/PrintQuery.h"
#include "server/ZipArchive.h"

namespace gongwen::server {
namespace {

constexpr size_t kFailuresHeaderBytes = 4000;

// "record" and "field" name the place for programs (English, stable); "message" is for a
// person, in the request's language, and says where too ("第12行：缺少必填字段…").
Poco::JSON::Object::Ptr failureJson(const BatchFailure& f, Language language) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("index", f.index);
  o->set("record", f.label.english());
  o->set("field", f.where.empty() ? f.label.english() : f.where);
  o->set("message", f.message.text(language));
  return o;
}

Poco::JSON::Array::Ptr failuresJson(const std::vector<BatchFailure>& failures, Language language) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const auto& f : failures) a->add(failureJson(f, language));
  return a;
}

// As many failures as fit in a header, as ASCII JSON; `complete` says whether all did.
std::string failuresHeader(const std::vector<BatchFailure>& failures, Language language,
                           bool& complete) {
  std::string out = "[";
  complete = true;
  for (const auto& f : failures) {
    std::string item = asciiJson(jsonText(failureJson(f, language)));
    if (out.size() + item.size() + 2 > kFailuresHeaderBytes) {
      complete = false;
      break;
    }
    if (out.size() > 1) out += ",";
    out += item;
  }
  return out + "]";
}

// ?format=pdf|ofd|svg, else Accept: application/ofd, else PDF. ApiError 400 for another.
OutputFormat formatOf(const JobRequest& request) {
  auto format = request.query.find("format");
  if (format != request.query.end()) {
    if (auto f = parseOutputFormat(format->second)) return *f;
    throw ApiError(400, "unknown format",
                   Message("format is pdf or ofd (svg: a preview of the first page), not \"{0}\"",
                           format->second),
                   "format");
  }
  return request.accept.find("application/ofd") != std::string::npos ? OutputFormat::Ofd
                                                                     : OutputFormat::Pdf;
}

// Makes `r` a multipart/mixed answer (RFC 2046): its document, then failures.json with every
// bad record — for a client that wants the whole list, not the header's first 4 KB.
void withFailuresPart(Reply& r, const Poco::JSON::Array::Ptr& failures) {
  const std::string boundary = "gongwen-failures-8d2f0c4a";
  std::string disposition;
  for (auto it = r.headers.begin(); it != r.headers.end(); ++it) {
    if (it->first == "Content-Disposition") {
      disposition = it->second;
      r.headers.erase(it);
      break;
    }
  }
  std::string body = "--" + boundary + "\r\nContent-Type: " + r.contentType + "\r\n";
  if (!disposition.empty()) body += "Content-Disposition: " + disposition + "\r\n";
  body += "\r\n" + r.body + "\r\n--" + boundary +
          "\r\nContent-Type: application/json; charset=utf-8\r\n"
          "Content-Disposition: attachment; filename=\"failures.json\"\r\n\r\n" +
          jsonText(failures) + "\r\n--" + boundary + "--\r\n";
  r.body = std::move(body);
  r.contentType = "multipart/mixed; boundary=" + boundary;
}

Job jobFor(const JobRequest& request, const Limits& limits, std::shared_ptr<RenderCaches> caches) {
  Job job;
  job.input.bytes = request.body;
  job.input.mediaType = request.mediaType;
  job.input.layoutOption = "layout";
  if (auto sheet = request.query.find("sheet"); sheet != request.query.end()) {
    job.input.sheet = sheet->second;
  }
  // A spreadsheet body's query values named like the layout's fields: shared by every row.
  job.input.fieldValues = request.query;
  auto layout = request.query.find("layout");
  if (layout != request.query.end()) job.render.layout = layout->second;
  job.render.normalize = queryFlag(request.query, "normalize", true);
  job.render.allowFilePaths = false;  // never a file named by a request
  job.render.print = printAdjustFromQuery(request.query);
  job.format = formatOf(request);
  job.limits.maxRecords = limits.maxRecords;
  job.limits.maxPages = limits.maxPages;
  job.limits.json = requestJsonLimits(limits);
  job.limits.timeLimit = limits.timeLimit;
  job.threads = 1;  // the worker pool bounds the cores in use
  job.caches = std::move(caches);
  return job;
}

void addWarnings(Reply& r, const JobResult& result, Language language) {
  if (!result.warnings.empty()) {
    r.headers.emplace_back("X-Gongwen-Warnings", warningsHeader(result.warnings, language));
  }
}

// One document shown inline (POST /v1/render, a list): its bytes, name, pages, warnings.
Reply documentReply(const Job& job, const JobResult& result, Language language) {
  const OutputDocument& doc = result.documents.front();
  Reply r;
  r.contentType = contentTypeOf(job.format);
  r.body.assign(doc.bytes.begin(), doc.bytes.end());
  r.pages = doc.pages;
  r.documents = 1;
  const std::string ascii =
      (result.layout.empty() ? "document" : result.layout) + extensionOf(job.format);
  r.headers.emplace_back("Content-Disposition", contentDisposition("inline", doc.fileName, ascii));
  r.headers.emplace_back("X-Gongwen-Pages", std::to_string(r.pages));
  addWarnings(r, result, language);
  return r;
}

}  // namespace

// What one request's JSON may hold (checked while scanning, before anything is built): the
// records counted against the limit, objects and values bounded from it.
JsonLimits requestJsonLimits(const Limits& limits) {
  JsonLimits json;
  json.maxRecords = limits.maxRecords;
  // A record is an object with a few lists at most: room for that, and no more objects and
  // arrays than that in any body (each costs up to 1 KB in Poco's DOM).
  json.maxContainers = std::max<size_t>(20'000, 8 * limits.maxRecords);
  json.maxValues = std::max<size_t>(100'000, 40 * limits.maxRecords);
  return json;
}

bool queryFlag(const std::map<std::string, std::string>& query, const std::string& name,
               bool otherwise) {
  auto it = query.find(name);
  if (it == query.end()) return otherwise;
  const std::string& v = it->second;
  if (v == "1" || v == "true" || v == "yes") return true;
  if (v == "0" || v == "false" || v == "no" || v.empty()) return false;
  throw ApiError(400, "bad query parameter", Message("must be 1 or 0, found \"{0}\"", v), name);
}

std::string warningsHeader(const std::vector<RecordWarning>& warnings, Language language,
                           size_t maxBytes) {
  std::string out = "[";
  const char* colon = language == Language::Chinese ? "：" : ": ";
  for (const auto& w : warnings) {
    std::string item = asciiJson(jsonText(
        (w.record.empty() ? "" : placeMessage(w.record).text(language) + colon) +
        w.message.text(language)));
    if (out.size() + item.size() + 2 > maxBytes) break;
    if (out.size() > 1) out += ",";
    out += item;
  }
  return out + "]";
}

Reply renderOne(const Engine& engine, const JobRequest& request, const Limits& limits,
                std::shared_ptr<RenderCaches> caches) {
  Job job = jobFor(request, limits, std::move(caches));
  job.shape = OutputShape::Single;
  return documentReply(job, runJob(engine, job), request.language);
}

Reply renderList(const Engine& engine, const JobRequest& request, const Limits& limits,
                 std::shared_ptr<RenderCaches> caches) {
  if (request.mediaType == "application/json") {
    throw ApiError(415, "unsupported content type",
                   Message("a list is made from a register: send text/csv or an xlsx workbook"),
                   "Content-Type");
  }
  Job job = jobFor(request, limits, std::move(caches));
  job.shape = OutputShape::Single;
  auto param = [&](const char* name) {
    auto it = request.query.find(name);
    return it == request.query.end() ? std::string() : it->second;
  };
  if (param("title").empty()) {
    throw ApiError(422, "invalid field", Message("a list needs its title: ?title=…"), "title");
  }
  job.list = ListFromRows{param("title"), param("sort"), param("preamble")};
  job.render.layout.clear();  // the register makes a commendation-list
  JobResult result = runJob(engine, job);
  Reply r = documentReply(job, result, request.language);
  r.headers.emplace_back("X-Gongwen-Records", std::to_string(result.records));
  return r;
}

Reply renderMany(const Engine& engine, const JobRequest& request, const Limits& limits,
                 std::shared_ptr<RenderCaches> caches) {
  if (queryFlag(request.query, "list", false)) {
    return renderList(engine, request, limits, std::move(caches));
  }
  Job job = jobFor(request, limits, std::move(caches));
  const bool split = queryFlag(request.query, "split", false);
  job.shape = split ? OutputShape::Split : OutputShape::Merged;
  job.duplex = queryFlag(request.query, "duplex", false);
  job.dryRun = queryFlag(request.query, "dry_run", false);
  job.strict = queryFlag(request.query, "strict", false);
  auto nameBy = request.query.find("name_by");
  if (nameBy != request.query.end()) job.nameBy = nameBy->second;
  JobResult result = runJob(engine, job);

  if (job.dryRun) {
    Poco::JSON::Object::Ptr report = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    report->set("layout", result.layout);
    report->set("total", result.records);
    report->set("good", result.records - result.failures.size());
    report->set("failed", result.failures.size());
    report->set("pages", result.pages);
    report->set("failures", failuresJson(result.failures, request.language));
    Reply r = jsonReply(200, report);
    addWarnings(r, result, request.language);
    return r;
  }
  if (job.strict && !result.failures.empty()) {
    throw ApiError(422, "invalid records",
                   Message("{0} of {1} records have errors; with strict=1 nothing is printed",
                           result.failures.size(), result.records),
                   result.failures.front().where)
        .with("failures", failuresJson(result.failures, request.language));
  }
  if (result.documents.empty()) {
    throw ApiError(422, "no printable records",
                   Message("all {0} records have errors; nothing was printed", result.records))
        .with("failures", failuresJson(result.failures, request.language));
  }

  Reply r;
  const std::string stem = result.layout + "-batch";
  if (split) {
    std::vector<ZipEntry> entries;
    for (const auto& doc : result.documents) {
      entries.push_back({doc.fileName, {doc.bytes.begin(), doc.bytes.end()}});
      r.pages += doc.pages;
    }
    if (!result.failures.empty()) {
      entries.push_back(
          {"failures.json", jsonText(failuresJson(result.failures, request.language)) + "\n"});
    }
    r.body = zipArchive(entries);
    r.contentType = "application/zip";
    r.headers.emplace_back("Content-Disposition",
                           contentDisposition("attachment", stem + ".zip", stem + ".zip"));
  } else {
    const OutputDocument& doc = result.documents.front();
    r.body.assign(doc.bytes.begin(), doc.bytes.end());
    r.pages = doc.pages;
    r.contentType = contentTypeOf(job.format);
    const std::string name = stem + extensionOf(job.format);
    r.headers.emplace_back("Content-Disposition", contentDisposition("attachment", name, name));
  }
  r.documents = result.printed;
  r.headers.emplace_back("X-Gongwen-Records", std::to_string(result.records));
  r.headers.emplace_back("X-Gongwen-Failed-Records", std::to_string(result.failures.size()));
  r.headers.emplace_back("X-Gongwen-Pages", std::to_string(r.pages));
  if (!result.failures.empty()) {
    bool complete = true;
    r.headers.emplace_back("X-Gongwen-Failures",
                           failuresHeader(result.failures, request.language, complete));
    if (!complete) r.headers.emplace_back("X-Gongwen-Failures-Truncated", "1");
    // Accept: multipart/mixed: the document and the whole failure list as two parts.
    if (!split && request.accept.find("multipart/mixed") != std::string::npos) {
      withFailuresPart(r, failuresJson(result.failures, request.language));
    }
  }
  addWarnings(r, result, request.language);
  return r;
}

}  // namespace gongwen::server
