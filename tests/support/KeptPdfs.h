// Every PDF the test suite produces is kept for a last check: when ctest sets
// GONGWEN_TEST_PDF_DIR, the test helpers (TempDir on removal, runShell's captured stdout,
// the HTTP client's responses) copy each PDF they see there, named by the test and its
// content, and the ctest test `pdf_files_check` (scripts/check-pdfs.sh) then runs
// `qpdf --check` and `mutool draw` on each. Without the variable nothing is kept.
#pragma once

#include <string>
#include <string_view>

namespace gongwen::test {

// Keeps `bytes` when they are a PDF ("%PDF-" first) and keeping is on.
void keepPdf(std::string_view bytes);
// Keeps every PDF file under `directory` (recursively).
void keepPdfsUnder(const std::string& directory);

}  // namespace gongwen::test
