#include "cli/ProgressBar.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace gongwen::cli {
namespace {

constexpr int kWidth = 30;  // characters of the bar
constexpr auto kRedraw = std::chrono::milliseconds(100);

std::string clock(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

bool stderrIsTerminal() {
  const char* term = std::getenv("TERM");
  return isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
}

ProgressBar::ProgressBar(const Message& what, Language language, bool enabled)
    : what_(what.text(language)),
      language_(language),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\n", stderr);
}

std::string ProgressBar::line(size_t done, size_t total, double seconds, const std::string& what,
                              Language language) {
  const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1;
  const int filled = static_cast<int>(std::floor(fraction * kWidth));
  // Appended, not "[" + std::string(…): GCC 12 at -O3 warns falsely (-Wrestrict) there.
  std::string bar = "[";
  bar.append(static_cast<size_t>(filled), '#')
      .append(static_cast<size_t>(kWidth - filled), '-')
      .append("]");
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s %zu/%zu %s  %.0f/s  ", bar.c_str(), done, total, what.c_str(),
                rate);
  std::string out = buf;
  if (done >= total) {
    out += Message("{0} total", clock(seconds)).text(language);
  } else if (rate > 0) {
    out += Message("{0} left", clock(static_cast<double>(total - done) / rate)).text(language);
  } else {
    out += Message("{0} left", "--:--").text(language);
  }
  return out;
}

void ProgressBar::update(size_t done, size_t total) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  done_ = std::max(done_, done);
  total_ = total;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - lastDraw_ < kRedraw && done_ < total_) return;
  lastDraw_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%s\x1b[K", line(done_, total_, seconds, what_, language_).c_str());
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (!enabled_ || !drawn_) return;
  std::lock_guard lock(mutex_);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::fprintf(stderr, "\r%s\x1b[K\n", line(done_, total_, seconds, what_, language_).c_str());
  drawn_ = false;
}

}  // namespace gongwen::cli
