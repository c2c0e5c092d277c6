// Counters for GET /metrics (Prometheus text format 0.0.4): requests by route and status,
// render latency, pages rendered, requests in flight. Gauges owned by others (the queue,
// the workers, Poco's connection queue) are passed in when the text is written.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace gongwen::server {

struct Gauges {
  size_t queueLength = 0, queueCapacity = 0;
  unsigned workersBusy = 0, workers = 0;
  int connectionsQueued = 0, connectionThreads = 0;
  uint64_t connectionsRefused = 0;  // turned away with 503 or 429 at once
  size_t connectionsOpen = 0;       // every open connection, idle and slow ones included
};

class Metrics {
 public:
  // Upper bounds of the latency buckets, seconds.
  static constexpr std::array<double, 12> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                      0.5,   1,    2.5,   5,    10,  30};

  void requestFinished(const std::string& route, int status);
  void renderTimed(const std::string& route, double seconds);
  void pagesRendered(size_t pages) { pages_ += pages; }
  void documentsRendered(size_t documents) { documents_ += documents; }
  void requestStarted() { ++inFlight_; }
  void requestEnded() { --inFlight_; }
  int inFlight() const { return inFlight_; }

  std::string prometheusText(const Gauges& gauges) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};  // non-cumulative
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::atomic<uint64_t> pages_{0}, documents_{0};
  std::atomic<int> inFlight_{0};
};

}  // namespace gongwen::server
