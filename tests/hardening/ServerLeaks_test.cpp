// `gongwen serve` answers 1000 requests — renders, batches, bad requests, the small
// routes — then exits 0 on SIGTERM without leaking: in the AddressSanitizer build the
// server is built with LeakSanitizer, which reports on its stderr at exit; in the normal
// build its resident memory (VmRSS) must stay flat over the second half of the requests.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/HttpClient.h"
#include "support/Sanitizers.h"
#include "support/ServerProcess.h"

namespace gongwen::test {
namespace {

constexpr int kRequests = 1000;

// Resident memory of process `pid`, kB (0 when unknown).
long residentKb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

struct Mix {
  HttpRequest request;
  int status;
};

// Request number i of the mix, with the status it must get.
Mix requestNumber(int i) {
  auto post = [](std::string path, std::string type, std::string body) {
    HttpRequest r;
    r.method = "POST";
    r.path = std::move(path);
    r.contentType = std::move(type);
    r.body = std::move(body);
    return r;
  };
  auto get = [](std::string path) {
    HttpRequest r;
    r.path = std::move(path);
    return r;
  };
  const std::string title = "通知" + std::to_string(i % 3);  // three distinct PDFs
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      return {post("/v1/render", "application/json",
                   R"({"layout": "article", "title": ")" + title +
                       R"(", "body": "定于六月十三日召开会议。\n请准时出席。"})"),
              200};
    case 3:
      return {post("/v1/render", "application/json", R"({"layout": "article", "title": )"), 400};
    case 4:
      return {post("/v1/render", "application/json", R"({"layout": "article", "title": "t"})"),
              422};
    case 5:
      return {post("/v1/batch", "application/json",
                   R"({"layout": "certificate", "records": [{"recipient": "张三",
                   "citation": "荣获先进个人。", "issuer": "南京市人民政府", "date": "2012-06-13"},
                   {"recipient": "李四", "citation": "荣获先进个人。", "issuer": "南京市人民政府",
                   "date": "2012-02-30"}]})"),
              200};
    case 6:
      return {post("/v1/batch?layout=certificate", "text/csv",
                   "recipient,citation,issuer,date\n王五,荣获先进个人。,南京市人民政府,2012-06-"
                   "13\n"),
              200};
    case 7:
      return {get(i % 20 == 7 ? "/v1/layouts" : "/metrics"), 200};
    case 8:
      return {get(i % 20 == 8 ? "/healthz" : "/no/such/route"), i % 20 == 8 ? 200 : 404};
    default:
      return {post("/v1/render", "text/plain", "hello"), 415};
  }
}

TEST(ServerLeaks, ThousandRequestsThenSigtermExitsZeroWithoutLeaks) {
#ifdef GONGWEN_TEST_ASAN
  // The server inherits this: leak checking on, and a report rather than an abort.
  std::string asan = std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "";
  ::setenv("ASAN_OPTIONS", (asan + ":detect_leaks=1:abort_on_error=0").c_str(), 1);
#endif
  ServerProcess server({"--workers", "2"});
#ifdef GONGWEN_TEST_ASAN
  ::setenv("ASAN_OPTIONS", asan.c_str(), 1);
#endif
  std::atomic<int> next{0}, wrong{0};
  std::atomic<long> halfwayKb{0};
  std::string firstWrong;
  std::mutex firstWrongMutex;
  auto client = [&] {
    for (int i; (i = next++) < kRequests;) {
      if (i == kRequests / 2) halfwayKb = residentKb(server.pid());
      Mix m = requestNumber(i);
      int status = 0;
      try {
        status = http(server.port(), m.request).status;
      } catch (const std::exception&) {
      }
      if (status != m.status && wrong++ == 0) {
        std::lock_guard lock(firstWrongMutex);
        firstWrong = "request " + std::to_string(i) + " " + m.request.method + " " +
                     m.request.path + ": " + std::to_string(status) + " instead of " +
                     std::to_string(m.status);
      }
    }
  };
  std::vector<std::thread> clients;
  for (int t = 0; t < 3; ++t) clients.emplace_back(client);
  for (auto& c : clients) c.join();
  const long endKb = residentKb(server.pid());
  EXPECT_EQ(wrong.load(), 0) << firstWrong;

  EXPECT_EQ(server.stop(SIGTERM), 0) << server.log().substr(0, 4000);
  const std::string log = server.log();
  EXPECT_EQ(log.find("LeakSanitizer"), std::string::npos) << log.substr(log.find("LeakSanitizer"));
  EXPECT_EQ(log.find("ERROR: AddressSanitizer"), std::string::npos) << log;
#ifndef GONGWEN_TEST_ASAN
  // Flat: the second 500 requests (after the allocator and the caches have settled) may
  // not grow the server by more than 2 MB (it grows by a few kB); a leaked PDF per render
  // would be 150 × ~25 kB.
  ASSERT_GT(halfwayKb.load(), 0);
  EXPECT_LT(endKb - halfwayKb.load(), 2 * 1024)
      << "VmRSS " << halfwayKb.load() << " kB after " << kRequests / 2 << " requests, " << endKb
      << " kB after " << kRequests;
#else
  (void)endKb;
#endif
}

}  // namespace
}  // namespace gongwen::test
