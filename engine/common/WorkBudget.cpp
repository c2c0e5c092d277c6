#include "common/WorkBudget.h"

#include <algorithm>

namespace gongwen {

WorkBudget::WorkBudget(std::optional<Clock::time_point> deadline, std::chrono::milliseconds limit,
                       size_t maxPages)
    : deadline_(deadline), limit_(limit), maxPages_(std::min(maxPages, kMaxPdfPages)) {}

void WorkBudget::checkTime() const {
  if (!deadline_ || Clock::now() <= *deadline_) return;
  throw LimitExceeded("$", LimitExceeded::Kind::Time,
                      "rendering took longer than the limit of " + std::to_string(limit_.count()) +
                          " ms; send fewer records or shorter documents");
}

void WorkBudget::checkPages(size_t pages) const {
  if (pages <= maxPages_) return;
  if (maxPages_ == kMaxPdfPages) {
    throw LimitExceeded("$", LimitExceeded::Kind::PdfPages,
                        "the document has more than " + std::to_string(kMaxPdfPages) +
                            " pages, the most one PDF file can hold; split it into several "
                            "documents");
  }
  throw LimitExceeded("$", LimitExceeded::Kind::Pages,
                      "the document needs more than the limit of " + std::to_string(maxPages_) +
                          " pages; shorten it or split it into several documents");
}

void checkPdfPageCount(size_t pages, const std::string& where) {
  if (pages <= kMaxPdfPages) return;
  throw LimitExceeded(where, LimitExceeded::Kind::PdfPages,
                      "the PDF would have " + std::to_string(pages) + " pages, more than the " +
                          std::to_string(kMaxPdfPages) +
                          " one PDF file can hold; split it (--split, or fewer records per run)");
}

}  // namespace gongwen
