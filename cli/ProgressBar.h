// A progress bar on stderr for long batches: done/total, rate and time left, redrawn at
// most ten times a second. Silent when stderr is not a terminal (logs, pipes, CI).
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

#include "common/Message.h"

namespace gongwen::cli {

class ProgressBar {
 public:
  // `what` names the unit ("records"), in `language`; `enabled` false keeps it silent.
  ProgressBar(const Message& what, Language language, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Thread-safe; called by the batch's workers.
  void update(size_t done, size_t total);
  // Draws the final state and ends the line.
  void finish();

  // The line drawn for a state (for tests): "[#####-----]  500/1000  1234/s  0:01 left"
  // ("… 0:01 后完成" in Chinese).
  static std::string line(size_t done, size_t total, double seconds, const std::string& what,
                          Language language);

 private:
  std::string what_;
  Language language_;
  bool enabled_;
  bool drawn_ = false;
  size_t done_ = 0, total_ = 0;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, lastDraw_;
};

// Whether stderr is a terminal (and TERM is not "dumb").
bool stderrIsTerminal();

}  // namespace gongwen::cli
