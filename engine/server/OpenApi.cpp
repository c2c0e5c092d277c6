#include "server/OpenApi.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <string>
#include <utility>

#include "common/JsonBuild.h"
#include "render/RecordSchema.h"

namespace gongwen::server {
namespace {

using namespace json;

Obj errorSchema() {
  Obj failure = obj({{"type", "object"},
                     {"properties", obj({{"index", obj({{"type", "integer"}})},
                                         {"record", obj({{"type", "string"}})},
                                         {"field", obj({{"type", "string"}})},
                                         {"message", obj({{"type", "string"}})}})}});
  return obj(
      {{"type", "object"},
       {"required", arr({"error", "detail"})},
       {"properties",
        obj({{"error", obj({{"type", "string"},
                            {"description",
                             "A short phrase a client can switch on: "
                             "\"invalid field\", \"malformed JSON\", \"server "
                             "busy\", …"}})},
             {"field", obj({{"type", "string"},
                            {"description",
                             "Where the error is: a JSON path such as "
                             "$.body[3] or $[2].date, or a query parameter."}})},
             {"detail", obj({{"type", "string"}, {"description", "The message for a person."}})},
             {"failures", obj({{"type", "array"}, {"items", failure}})}})}});
}

Obj response(const std::string& description, Obj content = Obj(), Obj headers = Obj()) {
  Obj r = obj({{"description", description}});
  if (!headers.isNull()) r->set("headers", headers);
  if (!content.isNull()) r->set("content", content);
  return r;
}

Obj errorResponse(const std::string& description) {
  return response(description, obj({{"application/json", obj({{"schema", ref("Error")}})}}));
}

Obj header(const std::string& description, const std::string& type = "string") {
  return obj({{"description", description}, {"schema", obj({{"type", type}})}});
}

Obj binary(const std::string& mediaType) {
  return obj(
      {{mediaType, obj({{"schema", obj({{"type", "string"}, {"contentMediaType", mediaType}})}})}});
}

std::string secondsText(std::chrono::milliseconds ms) {
  std::string s = std::to_string(ms.count() / 1000);
  if (ms.count() % 1000 != 0) {
    std::string frac = std::to_string(1000 + ms.count() % 1000).substr(1);
    while (frac.back() == '0') frac.pop_back();
    s += "." + frac;
  }
  return s;
}

void addErrors(Obj responses, bool body, const Limits& limits) {
  if (body) {
    responses->set("400", errorResponse("Malformed JSON or CSV, or a bad query parameter."));
  }
  responses->set("401", errorResponse("The server has a token and the request did not carry it "
                                      "as Authorization: Bearer TOKEN."));
  responses->set("405", errorResponse("Another method than the path answers (see Allow)."));
  if (body) {
    responses->set("413",
                   errorResponse("The body is larger than " + std::to_string(limits.maxBodyBytes) +
                                 " bytes, or a batch has more than " +
                                 std::to_string(limits.maxRecords) + " records."));
    responses->set("415", errorResponse("A Content-Type the path does not read."));
    responses->set("422",
                   errorResponse("The input does not make a document: a field missing or wrong "
                                 "(field names it), a character no font has, more than " +
                                 std::to_string(limits.maxPages) + " pages, or longer than " +
                                 secondsText(limits.timeLimit) + " s of rendering."));
    Obj busy = errorResponse("Every worker is busy and the queue is full; try again.");
    busy->set("headers", obj({{"Retry-After", header("Seconds to wait.", "integer")}}));
    responses->set("503", busy);
  }
  responses->set("500", errorResponse("A fault in the server."));
}

Obj queryFlag(const std::string& name, bool fallback, const std::string& description) {
  return obj(
      {{"name", name},
       {"in", "query"},
       {"required", false},
       {"description", description},
       {"schema",
        obj({{"type", "string"}, {"enum", arr({"0", "1"})}, {"default", fallback ? "1" : "0"}})}});
}

Obj textParameter(const std::string& name, const std::string& description,
                  const std::vector<std::string>& values = {}) {
  Obj schema = obj({{"type", "string"}});
  if (!values.empty()) schema->set("enum", strings(values));
  return obj({{"name", name},
              {"in", "query"},
              {"required", false},
              {"description", description},
              {"schema", schema}});
}

// What both rendering routes take besides the layout: the format and the 套打 settings.
void addOutputParameters(Arr& parameters) {
  parameters->add(textParameter(
      "format",
      "pdf (default), ofd (GB/T 33190-2016; also chosen by Accept: application/ofd), or svg "
      "(the first page only, a preview).",
      {"pdf", "ofd", "svg"}));
  parameters->add(queryFlag("overlay", false,
                            "1: 套打 — only what the office prints (no art, title or seal)."));
  parameters->add(
      textParameter("offset", "X,Y in mm (X right, Y down): moves everything printed."));
  parameters->add(
      textParameter("scale", "A printer's scale, 0.5 to 2, about the top-left corner."));
}

Obj layoutParameter(const LayoutCatalog& catalog, const std::string& description) {
  return obj({{"name", "layout"},
              {"in", "query"},
              {"required", false},
              {"description", description},
              {"schema", obj({{"type", "string"}, {"enum", strings(catalog.names())}})}});
}

Arr renderParameters(const LayoutCatalog& catalog) {
  Arr p =
      arr({layoutParameter(catalog, "The layout (else the body's \"layout\")."),
           queryFlag("normalize", true,
                     "1: text to NFC, full-width punctuation after Chinese text; 0: as given.")});
  addOutputParameters(p);
  return p;
}

Arr batchParameters(const LayoutCatalog& catalog) {
  Arr p = arr(
      {layoutParameter(catalog, "The layout of a CSV or xlsx batch (a JSON batch names it)."),
       queryFlag("split", false, "1: a zip with one document per record; 0: one document."),
       queryFlag("duplex", false, "1: every document starts on an odd page (blank pages between)."),
       queryFlag("dry_run", false, "1: check and lay out only; answer a JSON report."),
       queryFlag("strict", false, "1: any bad record → 422 with every failure; nothing printed."),
       textParameter("name_by", "split: the field that names each file (else row-N)."),
       queryFlag("normalize", true,
                 "1: text to NFC, full-width punctuation after Chinese text; 0: as given."),
       textParameter("sheet", "xlsx: the worksheet to read (default: the first)."),
       queryFlag("list", false,
                 "1: the CSV or xlsx body is a register (one row per person); answer ONE "
                 "commendation list."),
       textParameter("title", "list=1: the list's title (required)."),
       textParameter("sort", "list=1: the order of names.", {"given", "strokes", "pinyin"}),
       textParameter("preamble", "list=1: paragraphs before the groups.")});
  addOutputParameters(p);
  // A spreadsheet body's values every row shares, named like the layouts' fields.
  std::vector<std::string> fields;
  for (const auto& name : catalog.names()) {
    for (const auto& f : catalog.get(name).fields) {
      if (std::find(fields.begin(), fields.end(), f.name) == fields.end()) fields.push_back(f.name);
    }
  }
  for (const auto& f : fields) {
    static const std::vector<std::string> taken = {"layout", "title", "sort", "preamble"};
    if (std::find(taken.begin(), taken.end(), f) != taken.end()) continue;
    p->add(textParameter(
        f, "A CSV or xlsx batch: the value of field " + f + " for every row without its own."));
  }
  return p;
}

Obj renderPath(const LayoutCatalog& catalog, const Limits& limits, const Arr& security) {
  Obj ok =
      response("The PDF.", binary("application/pdf"),
               obj({{"X-Gongwen-Pages", header("The number of pages.", "integer")},
                    {"X-Gongwen-Warnings",
                     header("Present when the input had something to say (e.g. an unknown field "
                            "ignored): a JSON array of strings, non-ASCII as \\uXXXX.")},
                    {"Content-Disposition", header("inline, with a file name from the title.")}}));
  Obj responses = obj({{"200", ok}});
  addErrors(responses, true, limits);
  Obj post = obj(
      {{"operationId", "render"},
       {"summary", "One document as PDF"},
       {"description",
        "Renders one record. Its layout is named by ?layout= or by the record's \"layout\" "
        "member. Unknown members are ignored (named in X-Gongwen-Warnings)."},
       {"parameters", renderParameters(catalog)},
       {"requestBody",
        obj({{"required", true},
             {"content", obj({{"application/json", obj({{"schema", ref("RenderRequest")}})}})}})},
       {"responses", responses}});
  if (!security.isNull()) post->set("security", security);
  return obj({{"post", post}});
}

Obj batchPath(const LayoutCatalog& catalog, const Limits& limits, const Arr& security) {
  Obj report =
      obj({{"type", "object"},
           {"properties",
            obj({{"layout", obj({{"type", "string"}})},
                 {"total", obj({{"type", "integer"}})},
                 {"good", obj({{"type", "integer"}})},
                 {"failed", obj({{"type", "integer"}})},
                 {"pages", obj({{"type", "integer"}})},
                 {"failures", errorSchema()->getObject("properties")->getObject("failures")}})}});
  Obj content = binary("application/pdf");
  merge(content, binary("application/ofd"));
  merge(content, binary("application/zip"));
  merge(content, binary("multipart/mixed"));  // Accept: multipart/mixed: document + failures
  content->set("application/json", obj({{"schema", report}}));
  Obj ok = response(
      "Every good record rendered: one PDF, a zip of one PDF each (?split=1, with "
      "failures.json when records failed), or the report of ?dry_run=1.",
      content,
      obj({{"X-Gongwen-Records", header("Records in the batch.", "integer")},
           {"X-Gongwen-Failed-Records", header("Records that failed.", "integer")},
           {"X-Gongwen-Pages", header("Pages printed.", "integer")},
           {"X-Gongwen-Failures", header("The failed records as a JSON array (up to 4 KB).")},
           {"X-Gongwen-Failures-Truncated", header("1 when X-Gongwen-Failures is cut short.")},
           {"Content-Disposition", header("attachment, LAYOUT-batch.pdf or .zip.")}}));
  Obj responses = obj({{"200", ok}});
  addErrors(responses, true, limits);
  Obj post =
      obj({{"operationId", "batch"},
           {"summary", "Many records of one layout"},
           {"description",
            "Records with errors are left out and listed; the others print. When "
            "none can print: 422 with the failures."},
           {"parameters", batchParameters(catalog)},
           {"requestBody",
            obj({{"required", true},
                 {"content",
                  obj({{"application/json", obj({{"schema", ref("BatchRequest")}})},
                       {"text/csv",
                        obj({{"schema",
                              obj({{"type", "string"},
                                   {"description",
                                    "UTF-8 CSV: a header row of field names, then one record a "
                                    "row; list fields separate their items with |. Needs "
                                    "?layout=."}})}})},
                       {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        obj({{"schema",
                              obj({{"type", "string"},
                                   {"contentEncoding", "binary"},
                                   {"description",
                                    "An Excel workbook (.xlsx): the first sheet or ?sheet=, its "
                                    "header row found under title rows. Needs ?layout= (or "
                                    "?list=1)."}})}})}})}})},
           {"responses", responses}});
  if (!security.isNull()) post->set("security", security);
  return obj({{"post", post}});
}

Obj getPath(const std::string& operationId, const std::string& summary, Obj ok,
            const Limits& limits, const Arr& security, bool token) {
  Obj responses = obj({{"200", ok}});
  if (token) {
    addErrors(responses, false, limits);
  } else {
    responses->set("405", errorResponse("Another method than GET."));
  }
  Obj get = obj({{"operationId", operationId}, {"summary", summary}, {"responses", responses}});
  if (token && !security.isNull()) get->set("security", security);
  return obj({{"get", get}});
}

Obj jsonContent(Obj schema) {
  return obj({{"application/json", obj({{"schema", std::move(schema)}})}});
}

}  // namespace

Poco::JSON::Object::Ptr openApiJson(const LayoutCatalog& catalog, const Limits& limits,
                                    bool tokenRequired) {
  Obj schemas = obj({{"Error", errorSchema()}});
  Arr anyRecord = arr();
  Arr batchByLayout = arr();
  for (const auto& name : catalog.names()) {
    schemas->set(name, recordSchema(catalog.get(name), catalog));
    anyRecord->add(ref(name));
    batchByLayout->add(obj({{"properties", obj({{"layout", obj({{"const", name}})},
                                                {"records", obj({{"items", ref(name)}})}})}}));
  }
  schemas->set("RenderRequest",
               obj({{"description", "One record of any layout (components/schemas/NAME)."},
                    {"anyOf", anyRecord}}));
  schemas->set("BatchRequest",
               obj({{"type", "object"},
                    {"required", arr({"layout", "records"})},
                    {"properties",
                     obj({{"layout", obj({{"type", "string"}, {"enum", strings(catalog.names())}})},
                          {"records", obj({{"type", "array"},
                                           {"minItems", 1},
                                           {"maxItems", limits.maxRecords},
                                           {"items", obj({{"type", "object"}})}})}})},
                    {"oneOf", batchByLayout}}));

  Arr security = tokenRequired ? arr({obj({{"bearer", arr()}})}) : Arr();
  Obj layoutsBody =
      obj({{"type", "object"}, {"properties", obj({{"layouts", obj({{"type", "array"}})}})}});
  Obj paths = obj(
      {{"/v1/render", renderPath(catalog, limits, security)},
       {"/v1/batch", batchPath(catalog, limits, security)},
       {"/v1/layouts",
        getPath("layouts", "The layouts and their fields (to build a form)",
                response("The layouts.", jsonContent(layoutsBody)), limits, security, true)},
       {"/v1/openapi.json",
        getPath("openapi", "This description",
                response("OpenAPI 3.1.", jsonContent(obj({{"type", "object"}}))), limits, security,
                true)},
       {"/healthz",
        getPath("health", "Ready when every font role has a font and layouts are loaded",
                response("Ready.", jsonContent(obj({{"type", "object"}}))), limits, Arr(), false)},
       {"/metrics",
        getPath("metrics", "Prometheus metrics",
                response("Metrics.",
                         obj({{"text/plain", obj({{"schema", obj({{"type", "string"}})}})}})),
                limits, Arr(), false)},
       {"/", getPath("webPage", "The web page (a form per layout, a preview)",
                     response("HTML.",
                              obj({{"text/html", obj({{"schema", obj({{"type", "string"}})}})}})),
                     limits, Arr(), false)}});
  paths->getObject("/healthz")
      ->getObject("get")
      ->getObject("responses")
      ->set("503", response("Fonts or layouts missing (the body says which).",
                            jsonContent(obj({{"type", "object"}}))));

  Obj components = obj({{"schemas", schemas}});
  if (tokenRequired) {
    components->set("securitySchemes",
                    obj({{"bearer", obj({{"type", "http"}, {"scheme", "bearer"}})}}));
  }
  return obj(
      {{"openapi", "3.1.0"},
       {"info",
        obj({{"title", "gongwen"},
             {"version", GONGWEN_VERSION},
             {"description",
              "Chinese official documents (GB/T 9704-2012 公文, 纪要, 信函), certificates and "
              "commendation lists as PDF. A record is a JSON object of its layout's fields; "
              "components/schemas/NAME is the schema of layout NAME."}})},
       {"jsonSchemaDialect", "https://spec.openapis.org/oas/3.1/dialect/base"},
       {"paths", paths},
       {"components", components}});
}

}  // namespace gongwen::server
