#include "server/DocumentRender.h"

#include <Poco/JSON/Array.h>

#include "pdf/PdfWriter.h"
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
  // The time and page limits bite while the document is composed, not after.
  const WorkBudget budget(deadline.end(), deadline.limit(), limits.maxPages);
  options.budget = &budget;
  LayoutResult laid = engine.layout(record, options);
  checkPageCount(laid.list.pages.size(), limits, "$");
  deadline.check();
  PdfOptions pdfOptions;
  pdfOptions.cache = cache;
  std::vector<uint8_t> pdf = writePdf(laid.list, pdfOptions);
  deadline.check();

  Reply r;
  r.contentType = "application/pdf";
  r.body.assign(pdf.begin(), pdf.end());
  r.pages = laid.list.pages.size();
  r.documents = 1;
  std::string layoutName =
      options.layout.empty() ? record->optValue<std::string>("layout", "") : options.layout;
  std::string fallback = fileStem(layoutName, "document") + ".pdf";
  r.headers.emplace_back(
      "Content-Disposition",
      contentDisposition("inline", fileStem(laid.list.info.title, layoutName) + ".pdf", fallback));
  r.headers.emplace_back("X-Gongwen-Pages", std::to_string(r.pages));
  if (!laid.warnings.empty()) {
    r.headers.emplace_back("X-Gongwen-Warnings", warningsHeader(laid.warnings));
  }
  return r;
}

}  // namespace gongwen::server
