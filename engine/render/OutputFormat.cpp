#include "render/OutputFormat.h"

#include <algorithm>
#include <cctype>

#include "ofd/OfdWriter.h"
#include "render/SvgPreview.h"

namespace gongwen {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::optional<OutputFormat> parseOutputFormat(std::string_view name) {
  const std::string n = lower(name);
  if (n == "pdf") return OutputFormat::Pdf;
  if (n == "ofd") return OutputFormat::Ofd;
  if (n == "svg") return OutputFormat::Svg;
  return std::nullopt;
}

OutputFormat formatOfPath(std::string_view path, OutputFormat otherwise) {
  if (path.size() >= 4 && lower(path.substr(path.size() - 4)) == ".ofd") return OutputFormat::Ofd;
  if (path.size() >= 4 && lower(path.substr(path.size() - 4)) == ".pdf") return OutputFormat::Pdf;
  return otherwise;
}

const char* extensionOf(OutputFormat format) {
  switch (format) {
    case OutputFormat::Ofd:
      return ".ofd";
    case OutputFormat::Svg:
      return ".svg";
    case OutputFormat::Pdf:
      break;
  }
  return ".pdf";
}

const char* contentTypeOf(OutputFormat format) {
  switch (format) {
    case OutputFormat::Ofd:
      return "application/ofd";
    case OutputFormat::Svg:
      return "image/svg+xml; charset=utf-8";
    case OutputFormat::Pdf:
      break;
  }
  return "application/pdf";
}

std::vector<uint8_t> writeDocument(const DisplayList& list, OutputFormat format,
                                   const PdfOptions& pdfOptions) {
  if (format == OutputFormat::Svg) {
    const std::string svg = list.pages.empty() ? std::string() : pageSvg(list.pages.front());
    return {svg.begin(), svg.end()};
  }
  if (format == OutputFormat::Ofd) {
    OfdOptions options;
    options.creator = "gongwen";
    return writeOfd(list, options);
  }
  return writePdf(list, pdfOptions);
}

}  // namespace gongwen
