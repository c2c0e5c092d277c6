// `gongwen serve` as a child process on a free loopback port, for tests of the command
// itself (signals, the access log) and of several instances behind nginx.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "support/Process.h"

namespace gongwen::test {

class ServerProcess {
 public:
  // Starts `gongwen serve --bind 127.0.0.1 --port 0 ARGS…` and waits (up to 30 s) for its
  // "listening on" line. Throws std::runtime_error with its stderr when it does not come.
  explicit ServerProcess(const std::vector<std::string>& args);
  // SIGKILL when it is still running.
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  unsigned port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits for the exit; the exit status (128 + signal when killed).
  int stop(int signal);
  std::string log() const;  // its stderr so far

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  unsigned port_ = 0;
};

// Starts any command in the background with its stdout and stderr in `logFile`.
pid_t spawnCommand(const std::vector<std::string>& argv, const std::string& logFile);
// Waits for `pid`; its exit status (128 + signal when killed).
int waitForExit(pid_t pid);
// A TCP port on 127.0.0.1 that nothing listens on right now.
unsigned freeLoopbackPort();

}  // namespace gongwen::test
