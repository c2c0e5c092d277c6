// The file format a job writes: PDF (the default) or OFD (GB/T 33190-2016). One place
// that names them, maps file names and media types to them, and writes either.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/DisplayList.h"
#include "pdf/PdfWriter.h"

namespace gongwen {

enum class OutputFormat {
  Pdf,
  Ofd,
  Svg,  // the first page only: the web page's 套打 preview over a photo of the card
};

// "pdf", "ofd" or "svg" (any case); nullopt for anything else.
std::optional<OutputFormat> parseOutputFormat(std::string_view name);
// By the file name's extension: ".ofd" → OFD, anything else → `otherwise`.
OutputFormat formatOfPath(std::string_view path, OutputFormat otherwise = OutputFormat::Pdf);
const char* extensionOf(OutputFormat format);    // ".pdf", ".ofd"
const char* contentTypeOf(OutputFormat format);  // "application/pdf", "application/ofd"

// writePdf or writeOfd. Throws std::runtime_error on failure (never a partial file).
std::vector<uint8_t> writeDocument(const DisplayList& list, OutputFormat format,
                                   const PdfOptions& pdfOptions = {});

}  // namespace gongwen
