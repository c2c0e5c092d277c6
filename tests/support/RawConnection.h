// A plain TCP connection to a loopback server, for clients that misbehave on purpose:
// bytes sent exactly as given (no HTTP library fixing them up), from a chosen loopback
// source address (127.0.0.2 … are all this machine), answers read with a deadline.
#pragma once

#include <string>

namespace gongwen::test {

class RawConnection {
 public:
  // Connects to 127.0.0.1:port from `source` (any 127.x.y.z). Throws std::runtime_error.
  explicit RawConnection(unsigned port, const std::string& source = "127.0.0.1");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // False when the server has closed or reset the connection.
  bool send(const std::string& bytes);
  // What arrives within `seconds` (stops early at the end of the stream or once
  // `until` is in what was read, when given).
  std::string receive(double seconds, const std::string& until = "");
  // Reads until the server closes the connection or `seconds` pass; true when it closed.
  bool waitForClose(double seconds, std::string* read = nullptr);
  void shutdownSend();

 private:
  int fd_ = -1;
};

// The status code of the first status line in `response`, 0 when there is none.
int statusOf(const std::string& response);

}  // namespace gongwen::test
