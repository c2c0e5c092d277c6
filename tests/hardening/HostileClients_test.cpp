// Clients that misbehave on purpose, against `gongwen serve` as a process: slow and idle
// connections (a probe must keep being answered within a second), deadlines for heads and
// bodies, the per-client connection limit, request framing as RFC 9112 says, 100 Continue
// only after the checks, and SIGTERM with idle and slow clients still connected.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <future>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include "support/HttpClient.h"
#include "support/Process.h"
#include "support/RawConnection.h"
#include "support/ServerProcess.h"

namespace gongwen::test {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

const std::string kRecord = R"({"layout": "article", "title": "标题", "body": "正文"})";

std::string post(const std::string& path, const std::string& extraHeaders,
                 const std::string& body) {
  return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
         extraHeaders + "\r\n" + body;
}

// The answer to `bytes` sent on a fresh connection (read until the server closes or 5 s).
std::string exchange(unsigned port, const std::string& bytes) {
  RawConnection c(port);
  c.send(bytes);
  std::string read;
  c.waitForClose(5, &read);
  return read;
}

TEST(HostileClients, TwoHundredSlowAndIdleConnectionsDoNotSlowAProbe) {
  ServerProcess s({"--workers", "1"});
  // 100 idle (connected, silent) and 100 slow (a head or a body at one byte per 100 ms),
  // from four addresses so that the per-client limit (64) lets them all in.
  std::vector<std::unique_ptr<RawConnection>> idle, slow;
  for (int i = 0; i < 100; ++i) {
    idle.push_back(std::make_unique<RawConnection>(s.port(), i % 2 ? "127.0.0.2" : "127.0.0.3"));
    slow.push_back(std::make_unique<RawConnection>(s.port(), i % 2 ? "127.0.0.4" : "127.0.0.5"));
    // Half of them drip a head, half a body after a complete head.
    ASSERT_TRUE(slow.back()->send(i % 2 ? "GET /healthz HTTP/1.1\r\nHost: localhost\r\n"
                                        : post("/v1/render", "Content-Length: 100000\r\n", "{")));
  }
  std::atomic<bool> done{false};
  std::thread dripping([&] {
    // Bytes that fit a header line and a JSON body alike.
    const std::string drip = "                                                            ";
    for (size_t k = 0; k < drip.size() && !done; ++k) {
      for (auto& c : slow) c->send(std::string(1, drip[k]));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  double slowest = 0;
  int probes = 0;
  auto start = Clock::now();
  while (secondsSince(start) < 4) {
    auto t = Clock::now();
    auto r = httpGet(s.port(), "/healthz");
    slowest = std::max(slowest, secondsSince(t));
    EXPECT_EQ(r.status, 200);
    ++probes;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // The operator sees them.
  EXPECT_GE(metricValue(httpGet(s.port(), "/metrics").body, "gongwen_http_connections_open"), 200);
  // A render is answered too.
  auto t = Clock::now();
  auto render = httpPost(s.port(), "/v1/render", "application/json", kRecord);
  double renderSeconds = secondsSince(t);
  done = true;
  dripping.join();
  EXPECT_EQ(render.status, 200);
  EXPECT_GE(probes, 20);
  EXPECT_LT(slowest, 1.0);
  std::cout << "[ figures  ] slowest of " << probes << " /healthz probes during 200 slow and idle "
            << "connections: " << slowest * 1000 << " ms; a render: " << renderSeconds * 1000
            << " ms" << std::endl;
  // The slow clients are still connected (their deadline is 10 s): nothing was dropped to
  // make room.
  for (auto& c : slow) EXPECT_FALSE(c->waitForClose(0.001));
}

TEST(HostileClients, AHeadMustArriveWithinTheHeadTimeout) {
  ServerProcess s({"--head-timeout", "1"});
  RawConnection silent(s.port()), slow(s.port());
  slow.send("GET /healthz HTTP/1.1\r\n");
  auto start = Clock::now();
  std::string answer;
  for (int i = 0; i < 30 && answer.empty(); ++i) {
    slow.send("X");  // one byte every 100 ms: never a whole head
    answer = slow.receive(0.1);
  }
  EXPECT_EQ(statusOf(answer), 408) << answer;
  EXPECT_NE(answer.find("HTTP/1.1 408 Request Timeout\r\n"), std::string::npos) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
  EXPECT_GT(secondsSince(start), 0.7);
  EXPECT_LT(secondsSince(start), 2.5);
  // A connection that never sent a byte is closed without a word.
  std::string read;
  EXPECT_TRUE(silent.waitForClose(2, &read));
  EXPECT_EQ(read, "");
  EXPECT_EQ(httpGet(s.port(), "/healthz").status, 200);
}

TEST(HostileClients, ABodyMustArriveAtTheMinimumRate) {
  ServerProcess s({"--head-timeout", "1", "--min-body-rate", "1K"});
  RawConnection c(s.port());
  c.send(post("/v1/render", "Content-Length: 100000\r\n", ""));
  auto start = Clock::now();
  std::string answer;
  for (int i = 0; i < 50 && answer.empty(); ++i) {
    c.send("          ");  // 100 bytes a second, a tenth of the rate asked
    answer = c.receive(0.1);
  }
  EXPECT_EQ(statusOf(answer), 408) << answer;
  // No Accept-Language: the server answers in Chinese.
  EXPECT_NE(answer.find("请求体的到达速度低于允许的最低速率"), std::string::npos) << answer;
  EXPECT_NE(answer.find("Content-Language: zh-CN"), std::string::npos) << answer;
  EXPECT_LT(secondsSince(start), 3);
  // A body at a good pace is read whole.
  RawConnection good(s.port());
  std::string body = kRecord;
  good.send(post("/v1/render", "Content-Length: " + std::to_string(body.size()) + "\r\n", ""));
  for (size_t i = 0; i < body.size(); i += 16) {
    good.send(body.substr(i, 16));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(statusOf(good.receive(30, "%%EOF")), 200);
}

TEST(HostileClients, OneClientCannotTakeEveryConnection) {
  ServerProcess s({"--max-client-connections", "4"});
  std::vector<std::unique_ptr<RawConnection>> mine;
  for (int i = 0; i < 4; ++i)
    mine.push_back(std::make_unique<RawConnection>(s.port(), "127.0.0.2"));
  RawConnection fifth(s.port(), "127.0.0.2");
  std::string answer = fifth.receive(2, "\r\n\r\n");
  EXPECT_EQ(statusOf(answer), 429) << answer;
  EXPECT_NE(answer.find("Retry-After: 1"), std::string::npos) << answer;
  // Another client is served.
  EXPECT_EQ(httpGet(s.port(), "/healthz").status, 200);
  // Once one closes, the client may connect again.
  mine.pop_back();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  RawConnection again(s.port(), "127.0.0.2");
  again.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(statusOf(again.receive(2, "\r\n\r\n")), 200);
}

struct FramingCase {
  const char* name;
  std::string request;
  int status;
};

TEST(HostileClients, FramingIsRefusedAsRfc9112Says) {
  ServerProcess s({"--workers", "1"});
  const std::string head =
      "POST /v1/render HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n";
  const std::vector<FramingCase> cases = {
      {"Content-Length -1", head + "Content-Length: -1\r\n\r\n", 400},
      {"Content-Length 2^64", head + "Content-Length: 18446744073709551616\r\n\r\n", 400},
      {"Content-Length 0x10", head + "Content-Length: 0x10\r\n\r\n", 400},
      {"Content-Length 1e3", head + "Content-Length: 1e3\r\n\r\n", 400},
      {"Content-Length +5", head + "Content-Length: +5\r\n\r\n{}{}{", 400},
      {"two Content-Lengths", head + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", 400},
      {"Content-Length and chunked",
       head + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
      {"unknown transfer coding", head + "Transfer-Encoding: gzip\r\n\r\n", 501},
      {"chunked not last", head + "Transfer-Encoding: chunked, gzip\r\n\r\n", 400},
      {"POST without a length", head + "\r\n", 411},
      {"no Host", "GET /healthz HTTP/1.1\r\n\r\n", 400},
      {"two Hosts", "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},
      {"HTTP/9.9", "GET /healthz HTTP/9.9\r\nHost: a\r\n\r\n", 505},
      {"obs-fold", "GET /healthz HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", 400},
      {"space before colon", "GET /healthz HTTP/1.1\r\nHost : a\r\n\r\n", 400},
      {"bare CR", "GET /healthz HTTP/1.1\rHost: a\r\n\r\n", 400},
      {"head too large", "GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: " + std::string(40000, 'a'),
       431},
      {"Expect other than 100-continue", "GET /healthz HTTP/1.1\r\nHost: a\r\nExpect: x\r\n\r\n",
       417},
  };
  for (const auto& c : cases) {
    auto start = Clock::now();
    std::string answer = exchange(s.port(), c.request);
    EXPECT_EQ(statusOf(answer), c.status) << c.name << ":\n" << answer;
    EXPECT_LT(secondsSince(start), 2) << c.name << ": answered late";
    // One answer only: nothing after the refusal is run as another request.
    EXPECT_EQ(answer.find("}\nHTTP/1."), std::string::npos) << c.name << ":\n" << answer;
    EXPECT_NE(answer.find("Connection: close"), std::string::npos) << c.name;
  }
  // An unparseable chunk size: 400, and the rest is not taken for a new request.
  std::string smuggled = exchange(
      s.port(),
      head + "Transfer-Encoding: chunked\r\n\r\nzz\r\nGET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(statusOf(smuggled), 400) << smuggled;
  EXPECT_EQ(smuggled.find("}\nHTTP/1."), std::string::npos) << smuggled;
  // A chunk longer than its size: 400.
  std::string overlong =
      exchange(s.port(), head + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}}\r\n0\r\n\r\n");
  EXPECT_EQ(statusOf(overlong), 400) << overlong;
  // A well-formed chunked body with an extension and a trailer renders.
  std::string chunked;
  for (size_t i = 0; i < kRecord.size(); i += 10) {
    std::string piece = kRecord.substr(i, 10);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    chunked += std::string(size) + (i == 0 ? ";note=1" : "") + "\r\n" + piece + "\r\n";
  }
  chunked += "0\r\nX-Trailer: 1\r\n\r\n";
  RawConnection ok(s.port());
  ok.send(head + "Transfer-Encoding: chunked\r\n\r\n" + chunked);
  std::string pdf = ok.receive(30, "%%EOF");
  EXPECT_EQ(statusOf(pdf), 200) << pdf.substr(0, 400);
}

TEST(HostileClients, StatusLinesCarryOurVersionAndTheirReasonPhrase) {
  ServerProcess s({"--workers", "1"});
  std::string body = R"({"layout": "article"})";
  std::string answer = exchange(
      s.port(), "POST /v1/render HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(answer.rfind("HTTP/1.1 422 Unprocessable Entity\r\n", 0), 0u) << answer;
  answer = exchange(s.port(), "GET /nowhere HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u) << answer;
  answer = exchange(s.port(), "GET /v1/render HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 405 Method Not Allowed\r\n", 0), 0u) << answer;
  EXPECT_NE(answer.find("\r\nAllow: POST\r\n"), std::string::npos) << answer;
}

TEST(HostileClients, HundredContinueComesOnlyAfterTheTokenAndSizeChecks) {
  TempDir dir;
  writeText(dir.file("token"), "s3cret-token-of-enough-length\n");
  ServerProcess s({"--token-file", dir.file("token"), "--max-body", "1K"});
  auto head = [](const std::string& token, size_t length) {
    return "POST /v1/render HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
           "Expect: 100-continue\r\nAuthorization: Bearer " +
           token + "\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n";
  };
  {  // wrong token: 401 at once, no 100
    RawConnection c(s.port());
    c.send(head("wrong", 11 * 1024 * 1024));
    std::string answer = c.receive(2, "\r\n\r\n");
    EXPECT_EQ(answer.rfind("HTTP/1.1 401 Unauthorized\r\n", 0), 0u) << answer;
  }
  {  // too large: 413 at once, no 100
    RawConnection c(s.port());
    c.send(head("s3cret-token-of-enough-length", 11 * 1024 * 1024));
    std::string answer = c.receive(2, "\r\n\r\n");
    EXPECT_EQ(answer.rfind("HTTP/1.1 413 Content Too Large\r\n", 0), 0u) << answer;
  }
  {  // good: 100 Continue, then the body, then 200
    RawConnection c(s.port());
    c.send(head("s3cret-token-of-enough-length", kRecord.size()));
    std::string interim = c.receive(2, "\r\n\r\n");
    EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
    c.send(kRecord);
    std::string answer = c.receive(30, "%%EOF");
    EXPECT_EQ(statusOf(answer), 200) << answer.substr(0, 300);
  }
}

TEST(HostileClients, KeepAliveAndPipeliningStillWork) {
  ServerProcess s({"--workers", "1"});
  RawConnection c(s.port());
  const std::string get = "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";
  c.send(get + get);  // pipelined
  std::string two = c.receive(1);
  EXPECT_EQ(statusOf(two), 200);
  size_t second = two.find("HTTP/1.1 200 OK", 1);
  EXPECT_NE(second, std::string::npos) << two;
  c.send(get);
  EXPECT_EQ(statusOf(c.receive(5, "}\n")), 200);
}

TEST(HostileClients, RequestIdsQueryParametersAndTheAccessLog) {
  ServerProcess s({"--workers", "1"});
  HttpRequest own;
  own.path = "/healthz";
  own.headers = {{"X-Request-Id", "client-id-42"}};
  auto r = http(s.port(), own);
  EXPECT_EQ(r.header("x-request-id"), "client-id-42");
  HttpRequest insane = own;
  insane.headers = {{"X-Request-Id", std::string(100, 'a')}};
  auto fresh = http(s.port(), insane);
  EXPECT_EQ(fresh.header("x-request-id").size(), 16u) << fresh.header("x-request-id");
  auto other = httpGet(s.port(), "/healthz");
  EXPECT_EQ(other.header("x-request-id").size(), 16u);
  EXPECT_NE(other.header("x-request-id"), fresh.header("x-request-id"));

  auto unknown = httpPost(s.port(), "/v1/render?layuot=article", "application/json", kRecord);
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_NE(unknown.body.find(R"("field":"layuot")"), std::string::npos) << unknown.body;
  EXPECT_NE(unknown.body.find("takes layout, normalize"), std::string::npos) << unknown.body;
  EXPECT_EQ(httpGet(s.port(), "/healthz?x=1").status, 400);
  EXPECT_EQ(httpPost(s.port(), "/v1/batch?dry_run=1", "application/json",
                     R"({"layout": "article", "records": [{"title": "a", "body": "b"}]})")
                .status,
            200);

  auto bad = httpPost(s.port(), "/v1/render", "application/json", R"({"layout": "article"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(s.stop(SIGTERM), 0);
  std::string log = s.log();
  EXPECT_NE(log.find(" GET /healthz 200 "), std::string::npos) << log;
  EXPECT_NE(log.find(" id=client-id-42\n"), std::string::npos) << log;
  EXPECT_NE(log.find(" id=" + bad.header("x-request-id") + " error=\"invalid field\" field=\""),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("error=\"unknown query parameter\" field=\"layuot\""), std::string::npos)
      << log;
}

TEST(HostileClients, ForwardedForOnlyFromTrustedProxies) {
  HttpRequest forwarded;
  forwarded.path = "/healthz";
  forwarded.headers = {{"X-Forwarded-For", "198.51.100.9, 203.0.113.7"}};
  {
    ServerProcess s({});
    EXPECT_EQ(http(s.port(), forwarded).status, 200);
    EXPECT_EQ(s.stop(SIGTERM), 0);
    EXPECT_NE(s.log().find(" 127.0.0.1 GET /healthz 200"), std::string::npos) << s.log();
    EXPECT_EQ(s.log().find("203.0.113.7"), std::string::npos) << s.log();
  }
  {
    ServerProcess s({"--trusted-proxy", "10.0.0.0/8,127.0.0.1"});
    EXPECT_EQ(http(s.port(), forwarded).status, 200);
    EXPECT_EQ(s.stop(SIGTERM), 0);
    EXPECT_NE(s.log().find(" 203.0.113.7 GET /healthz 200"), std::string::npos) << s.log();
  }
  auto bad = runShell(cli() + " serve --trusted-proxy 10.0.0.0/40");
  EXPECT_EQ(bad.exitCode, 2) << bad.err;
  EXPECT_NE(bad.err.find("\"10.0.0.0/40\" is neither"), std::string::npos) << bad.err;
}

TEST(HostileClients, SigtermDrainsWithinItsBoundDespiteIdleAndSlowClients) {
  ServerProcess s({"--workers", "1"});
  std::vector<std::unique_ptr<RawConnection>> idle, slow;
  for (int i = 0; i < 20; ++i) {
    idle.push_back(std::make_unique<RawConnection>(s.port()));
    slow.push_back(std::make_unique<RawConnection>(s.port()));
    slow.back()->send(
        "POST /v1/render HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
        "Content-Length: 100000\r\n\r\n{");
  }
  std::atomic<bool> done{false};
  std::thread dripping([&] {
    for (int k = 0; k < 100 && !done; ++k) {
      for (auto& c : slow) c->send(" ");
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto start = Clock::now();
  EXPECT_EQ(s.stop(SIGTERM), 0);
  double took = secondsSince(start);
  done = true;
  dripping.join();
  EXPECT_LT(took, 2.0);
  std::cout << "[ figures  ] SIGTERM with 20 idle and 20 slow clients: exit after " << took * 1000
            << " ms" << std::endl;
  for (auto& c : idle) EXPECT_TRUE(c->waitForClose(1));
  EXPECT_NE(s.log().find("gongwen: stopped"), std::string::npos) << s.log();
}

TEST(HostileClients, SigtermGivesUpOnRequestsInFlightAfterTheDrainTimeout) {
  ServerProcess s({"--workers", "1", "--drain-timeout", "0.3"});
  std::string body = R"({"layout": "article", "records": [)";
  for (int i = 0; i < 5000; ++i) {
    body += (i ? "," : "") + std::string(R"({"title": "关于召开年度工作会议的通知", "body": ")") +
            "定于六月十三日召开年度工作会议，请各单位准时参加。会议地点另行通知。" + R"("})";
  }
  body += "]}";
  RawConnection c(s.port());
  c.send(
      "POST /v1/batch?dry_run=1 HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
  bool rendering = false;
  for (int i = 0; i < 2000 && !rendering; ++i) {
    rendering = metricValue(httpGet(s.port(), "/metrics").body, "gongwen_render_workers_busy") == 1;
    if (!rendering) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(rendering);
  auto start = Clock::now();
  int code = s.stop(SIGTERM);
  double took = secondsSince(start);
  EXPECT_LT(took, 2.0);
  if (code == 0) {
    GTEST_SKIP() << "the batch finished within 0.3 s; the bound was not reached";
  }
  EXPECT_EQ(code, 1);
  EXPECT_NE(s.log().find("requests still in flight after the drain timeout"), std::string::npos)
      << s.log();
}

}  // namespace
}  // namespace gongwen::test
