// The limits of one render's work — a deadline and a number of pages — passed into
// composition and fitting and checked per page and per paragraph while the work is done,
// so that a limit bites when it is reached, not after all the work.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "common/Errors.h"

namespace gongwen {

// The most pages one PDF may have: libharu keeps all pages in one array of at most
// 32 767 items. Every render is held to it (a document, a merged batch).
constexpr size_t kMaxPdfPages = 32767;

// A limit reached: the user's input is too much for it. An InputError (CLI exit 2); the
// HTTP service answers 422 with what it says.
class LimitExceeded : public InputError {
 public:
  enum class Kind { Time, Pages, PdfPages };
  LimitExceeded(std::string where, Kind kind, Message message)
      : InputError(std::move(where), std::move(message)), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class WorkBudget {
 public:
  using Clock = std::chrono::steady_clock;
  // No deadline; at most kMaxPdfPages pages.
  WorkBudget() = default;
  WorkBudget(std::optional<Clock::time_point> deadline, std::chrono::milliseconds limit,
             size_t maxPages);

  // Throws LimitExceeded (Time) once the deadline has passed.
  void checkTime() const;
  // Throws LimitExceeded (Pages) when a document would have `pages` pages, more than allowed.
  void checkPages(size_t pages) const;
  size_t maxPages() const { return maxPages_; }

 private:
  std::optional<Clock::time_point> deadline_;
  std::chrono::milliseconds limit_{0};
  size_t maxPages_ = kMaxPdfPages;
};

// Throws LimitExceeded (PdfPages) naming `where` when one PDF would have more than
// kMaxPdfPages pages.
void checkPdfPageCount(size_t pages, const std::string& where);

}  // namespace gongwen
