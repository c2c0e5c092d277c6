#include "server/DocumentRender.h"

#include <Poco/JSON/Array.h>

#include "pdf/PdfWriter.h"
#include "render/OutputFormat.h"
#include "server/JsonText.h"

namespace gongwen::server {

void checkPageCount(size_t pages, const Limits& limits, const std::string& field) {
  if (pages <= limits.maxPages) return;
  throw ApiError(422, "too many pages",
                 "the document has " + std::to_string(pages) + " pages, more than the limit of " +
                     std::to_string(limits.maxPages),
                 field);
}

std::string warningsHeader(const std::vector<std::string>& warnings, size_t maxBytes) {
  std::string out = "[";
  for (const auto& w : warnings) {
    std::string item = asciiJson(jsonText(w));
    if (out.size() + item.size() + 2 > maxBytes) break;
    if (out.size() > 1) out += ",";
    out += item;
  }
  return out + "]";
}

Reply renderDocument(const Engine& engine, const Poco::JSON::Object::Ptr& record,
                     RenderOptions options, const Limits& limits, const Deadline& deadline,
                     PdfCache* cache) {
  options.allowFilePaths = false;  // never a file named by a request
  LayoutResult laid = engine.layout(record, options);
  checkPageCount(laid.list.pages.size(), limits, "$");
  deadline.check();
  PdfOptions pdfOptions;
  pdfOptions.cache = cache;
  std::vector<uint8_t> pdf = writeDocument(laid.list, options.format, pdfOptions);
  deadline.check();

  Reply r;
  r.contentType = contentTypeOf(options.format);
  r.body.assign(pdf.begin(), pdf.end());
  r.pages = laid.list.pages.size();
  r.documents = 1;
  std::string layoutName =
      options.layout.empty() ? record->optValue<std::string>("layout", "") : options.layout;
  const std::string extension = extensionOf(options.format);
  std::string fallback = fileStem(layoutName, "document") + extension;
  r.headers.emplace_back(
      "Content-Disposition",
      contentDisposition("inline", fileStem(laid.list.info.title, layoutName) + extension,
                         fallback));
  r.headers.emplace_back("X-Gongwen-Pages", std::to_string(r.pages));
  if (!laid.warnings.empty()) {
    r.headers.emplace_back("X-Gongwen-Warnings", warningsHeader(laid.warnings));
  }
  return r;
}

}  // namespace gongwen::server
