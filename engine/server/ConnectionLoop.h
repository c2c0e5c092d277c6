// The server's connections. One reader thread waits on all of them with poll(): it
// accepts (within BusyGate's limits), reads request heads and bodies against deadlines
// (a whole head within headTimeout, a body at minBodyRate after bodyGrace) and hands a
// connection to a connection thread only once its request is complete — or refused from
// its head, before the body is sent (100 Continue comes after those checks). Slow and
// idle clients therefore cost a file descriptor and some bytes, never a thread.
// A connection thread answers (rendering on the worker pool), writes the answer within
// a send deadline and gives a kept-alive connection back to the reader.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "server/BusyGate.h"
#include "server/RequestId.h"
#include "server/ServerContext.h"

namespace gongwen::server {

struct Connection;

class ConnectionLoop {
 public:
  // `listenFd` is a bound, listening socket the loop does not own; it stops watching it
  // when draining and calls `closeListener` then.
  ConnectionLoop(ServerContext& context, int listenFd, std::function<void()> closeListener,
                 unsigned threads, size_t queueCapacity);
  ~ConnectionLoop();
  ConnectionLoop(const ConnectionLoop&) = delete;
  ConnectionLoop& operator=(const ConnectionLoop&) = delete;

  void start();
  // Stops accepting, closes every connection without a complete request, lets the
  // requests in flight be answered for at most `bound`. True when all were; false leaves
  // the threads still answering running (the process should exit).
  bool drain(std::chrono::milliseconds bound);

  size_t queued() const;
  unsigned threads() const { return threadCount_; }
  const BusyGate& gate() const { return gate_; }

 private:
  using Clock = std::chrono::steady_clock;
  using Owned = std::unique_ptr<Connection>;

  void readLoop();
  void answerLoop();
  void accept(std::vector<Owned>& open);
  // Reads what is there; false when the connection is done with (closed).
  bool readFrom(Connection& c);
  // Moves the connection's request along: wait for more bytes, close it, or its request
  // is ready to be answered. Runs on the reader, or on the connection thread that owns it.
  enum class Step { Wait, Close, Ready };
  Step advance(Connection& c);
  // advance() on the reader: false when the connection leaves `open` (handed to a
  // connection thread, then `c` is null, or to be closed).
  bool progress(Owned& c);
  bool handOver(Owned& c);
  // Answers c's request; returns the connection when its next request is ready at once.
  Owned answer(Owned c, const ConnectionLimits& limits);
  // How long a connection thread waits for the next request on a kept-alive connection
  // before giving it back to the reader.
  static constexpr int kStayForNextMs = 2;
  void refuseAtOnce(Connection& c, int status, const std::string& error, const Message& detail);
  void linger(Connection& c, Clock::duration howLong);
  void giveBack(Owned c);
  void wake();

  ServerContext& context_;
  int listenFd_;
  std::function<void()> closeListener_;
  unsigned threadCount_;
  size_t queueCapacity_;
  BusyGate gate_;
  RequestIds ids_;
  int wakeRead_ = -1, wakeWrite_ = -1;
  Clock::time_point acceptPausedUntil_;  // reader thread only

  mutable std::mutex mutex_;
  std::condition_variable work_, idle_;
  std::deque<Owned> ready_;   // complete requests for a connection thread
  std::vector<Owned> inbox_;  // connections given back to the reader
  unsigned answering_ = 0;    // connection threads busy
  bool stopping_ = false;     // draining: accept nothing more
  bool exiting_ = false;      // the threads end
  std::thread reader_;
  std::vector<std::thread> answerers_;
};

}  // namespace gongwen::server
