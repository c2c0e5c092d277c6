#include "server/Metrics.h"

#include <sstream>

namespace gongwen::server {

void Metrics::requestFinished(const std::string& route, int status) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
}

void Metrics::renderTimed(const std::string& route, double seconds) {
  std::lock_guard lock(mutex_);
  Histogram& h = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::prometheusText(const Gauges& g) const {
  std::ostringstream out;
  out.precision(9);
  auto header = [&out](const char* name, const char* type, const char* help) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
  };
  {
    std::lock_guard lock(mutex_);
    header("gongwen_http_requests_total", "counter",
           "HTTP requests answered, by route and status.");
    for (const auto& [key, n] : requests_) {
      out << "gongwen_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
          << "\"} " << n << '\n';
    }
    header("gongwen_render_duration_seconds", "histogram",
           "Time from a render request's body read to its PDF, zip or report, queue wait "
           "included (errors are not timed).");
    for (const auto& [route, h] : latency_) {
      uint64_t cumulative = 0;
      for (size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += h.buckets[i];
        out << "gongwen_render_duration_seconds_bucket{route=\"" << route << "\",le=\""
            << kBuckets[i] << "\"} " << cumulative << '\n';
      }
      out << "gongwen_render_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
          << h.count << '\n';
      out << "gongwen_render_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << '\n';
      out << "gongwen_render_duration_seconds_count{route=\"" << route << "\"} " << h.count << '\n';
    }
  }
  header("gongwen_pages_rendered_total", "counter", "Pages in the PDFs sent.");
  out << "gongwen_pages_rendered_total " << pages_.load() << '\n';
  header("gongwen_documents_rendered_total", "counter", "Documents (records) in the PDFs sent.");
  out << "gongwen_documents_rendered_total " << documents_.load() << '\n';
  header("gongwen_http_requests_in_flight", "gauge", "Requests being handled now.");
  out << "gongwen_http_requests_in_flight " << inFlight_.load() << '\n';
  header("gongwen_render_queue_length", "gauge", "Render jobs waiting for a worker.");
  out << "gongwen_render_queue_length " << g.queueLength << '\n';
  header("gongwen_render_queue_capacity", "gauge", "Render jobs that may wait before 503.");
  out << "gongwen_render_queue_capacity " << g.queueCapacity << '\n';
  header("gongwen_render_workers_busy", "gauge", "Render workers running a job now.");
  out << "gongwen_render_workers_busy " << g.workersBusy << '\n';
  header("gongwen_render_workers", "gauge", "Render workers.");
  out << "gongwen_render_workers " << g.workers << '\n';
  header("gongwen_http_connections_queued", "gauge",
         "Complete requests waiting for a connection thread.");
  out << "gongwen_http_connections_queued " << g.connectionsQueued << '\n';
  header("gongwen_http_connection_threads", "gauge", "Connection threads running.");
  out << "gongwen_http_connection_threads " << g.connectionThreads << '\n';
  header("gongwen_http_connections_refused_total", "counter",
         "Connections and requests answered at once with 503 or 429: too many connections, "
         "too many from one client, or every connection thread busy and the queue full.");
  out << "gongwen_http_connections_refused_total " << g.connectionsRefused << '\n';
  header("gongwen_http_connections_open", "gauge",
         "Open connections, idle ones and those still sending a request included.");
  out << "gongwen_http_connections_open " << g.connectionsOpen << '\n';
  return out.str();
}

}  // namespace gongwen::server
