#include "common/WorkBudget.h"

#include <algorithm>

namespace gongwen {

WorkBudget::WorkBudget(std::optional<Clock::time_point> deadline, std::chrono::milliseconds limit,
                       size_t maxPages)
    : deadline_(deadline), limit_(limit), maxPages_(std::min(maxPages, kMaxPdfPages)) {}

void WorkBudget::checkTime() const {
  if (!deadline_ || Clock::now() <= *deadline_) return;
  throw LimitExceeded("$", LimitExceeded::Kind::Time,
                      Message("rendering took longer than the limit of {0} ms; send fewer records "
                              "or shorter documents",
                              static_cast<long long>(limit_.count())));
}

void WorkBudget::checkPages(size_t pages) const {
  if (pages <= maxPages_) return;
  if (maxPages_ == kMaxPdfPages) {
    throw LimitExceeded("$", LimitExceeded::Kind::PdfPages,
                        Message("the document has more than {0} pages, the most one PDF file "
                                "can hold; split it into several documents",
                                kMaxPdfPages));
  }
  throw LimitExceeded("$", LimitExceeded::Kind::Pages,
                      Message("the document needs more than the limit of {0} pages; shorten it "
                              "or split it into several documents",
                              maxPages_));
}

void checkPdfPageCount(size_t pages, const std::string& where) {
  if (pages <= kMaxPdfPages) return;
  throw LimitExceeded(where, LimitExceeded::Kind::PdfPages,
                      Message("the PDF would have {0} pages, more than the {1} one PDF file can "
                              "hold; split it (--split, or fewer records per run)",
                              pages, kMaxPdfPages));
}

}  // namespace gongwen
