// deploy/nginx/gongwen.conf in front of two `gongwen serve` instances: Debian's nginx in
// the foreground with its own prefix and temp folders, on loopback ports; requests are
// served by both instances (X-Gongwen-Instance names the one that answered).
#include <Poco/Net/NetException.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "server/ServerFixture.h"
#include "support/Process.h"
#include "support/ServerProcess.h"

namespace gongwen::test {
namespace {

const char* const kNginx = "/usr/sbin/nginx";

// Replaces the one occurrence of `from` (the test fails when the config changed form).
void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  ASSERT_EQ(text.find(from, at + 1), std::string::npos) << from;
  text.replace(at, from.size(), to);
}

class Nginx {
 public:
  Nginx(const TempDir& dir, const std::string& conf) : dir_(dir) {
    pid_ = spawnCommand({kNginx, "-p", dir.path(), "-c", conf, "-e", dir.file("error.log")},
                        dir.file("nginx.out"));
  }
  ~Nginx() {
    ::kill(pid_, SIGQUIT);  // graceful stop
    waitForExit(pid_);
  }
  std::string log() const {
    return readText(dir_.file("nginx.out")) + readText(dir_.file("error.log"));
  }

 private:
  const TempDir& dir_;
  pid_t pid_;
};

TEST(NginxBalancing, TwoInstancesBehindTheRepositoryConfigBothServe) {
  ASSERT_TRUE(std::filesystem::exists(kNginx)) << "install nginx (scripts/install-deps.sh)";
  ServerProcess a({"--instance", "a", "--workers", "1"});
  ServerProcess b({"--instance", "b", "--workers", "1"});

  TempDir dir;
  std::string site = readText(std::string(GONGWEN_SOURCE_DATA_DIR) + "/deploy/nginx/gongwen.conf");
  unsigned front = freeLoopbackPort();
  replaceOnce(site, "server 127.0.0.1:8081 ", "server 127.0.0.1:" + std::to_string(a.port()) + " ");
  replaceOnce(site, "server 127.0.0.1:8082 ", "server 127.0.0.1:" + std::to_string(b.port()) + " ");
  replaceOnce(site, "listen 127.0.0.1:8080;", "listen 127.0.0.1:" + std::to_string(front) + ";");
  writeText(dir.file("gongwen.conf"), site);
  for (const char* sub : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi", "logs"}) {
    std::filesystem::create_directories(dir.file(sub));
  }
  // Only the test's wrapper: the site config is the repository's, included as it is.
  std::string conf = std::string(geteuid() == 0 ? "user root;\n" : "") +
                     "daemon off;\nmaster_process on;\nworker_processes 1;\n"
                     "pid " +
                     dir.file("nginx.pid") +
                     ";\n"
                     "error_log " +
                     dir.file("error.log") +
                     " warn;\n"
                     "events { worker_connections 64; }\n"
                     "http {\n"
                     "  access_log " +
                     dir.file("logs/access.log") +
                     ";\n"
                     "  client_body_temp_path " +
                     dir.file("client_body") +
                     ";\n"
                     "  proxy_temp_path " +
                     dir.file("proxy") +
                     ";\n"
                     "  fastcgi_temp_path " +
                     dir.file("fastcgi") +
                     ";\n"
                     "  uwsgi_temp_path " +
                     dir.file("uwsgi") +
                     ";\n"
                     "  scgi_temp_path " +
                     dir.file("scgi") +
                     ";\n"
                     "  include " +
                     dir.file("gongwen.conf") +
                     ";\n"
                     "}\n";
  writeText(dir.file("nginx.conf"), conf);
  auto check =
      runShell(std::string(kNginx) + " -t -p " + shellQuote(dir.path()) + " -c " +
               shellQuote(dir.file("nginx.conf")) + " -e " + shellQuote(dir.file("error.log")));
  ASSERT_EQ(check.exitCode, 0) << check.err;

  Nginx nginx(dir, dir.file("nginx.conf"));
  // Ready when it answers (bounded wait).
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  bool up = false;
  while (!up && std::chrono::steady_clock::now() < end) {
    try {
      up = httpGet(front, "/healthz").status == 200;
    } catch (const Poco::Exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ASSERT_TRUE(up) << nginx.log();

  std::map<std::string, int> servedBy;
  for (int i = 0; i < 10; ++i) {
    auto r = httpPost(front, "/v1/render", "application/json", articleJson("通知", "正文。"));
    ASSERT_EQ(r.status, 200) << r.body << nginx.log();
    EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
    ++servedBy[r.header("x-gongwen-instance")];
  }
  EXPECT_EQ(servedBy.size(), 2u);
  EXPECT_GT(servedBy["a"], 0);
  EXPECT_GT(servedBy["b"], 0);

  // Errors pass through unchanged, JSON and status.
  auto bad = httpPost(front, "/v1/render", "application/json", R"({"layout": "article"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("\"field\":\"$.title\""), std::string::npos) << bad.body;

  // One instance gone: the other serves everything.
  EXPECT_EQ(a.stop(SIGTERM), 0);
  for (int i = 0; i < 4; ++i) {
    auto r = httpPost(front, "/v1/render", "application/json", articleJson("通知", "正文。"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("x-gongwen-instance"), "b");
  }
}

}  // namespace
}  // namespace gongwen::test
