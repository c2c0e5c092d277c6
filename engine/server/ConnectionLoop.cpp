#include "server/ConnectionLoop.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "server/HttpResponse.h"
#include "server/RequestBody.h"
#include "server/RequestHandler.h"

namespace gongwen::server {

// One client connection; owned by the reader or by one connection thread at a time.
struct Connection {
  enum class Phase { Head, Body, Linger };

  Connection(int f, std::string p, BusyGate* g) : fd(f), peer(std::move(p)), gate(g) {}
  ~Connection() {
    if (fd >= 0) ::close(fd);
    if (gate) gate->release(peer);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  int fd;
  std::string peer;
  BusyGate* gate;  // admitted through it (released on close); null when refused
  std::string in;  // read, not used yet
  Phase phase = Phase::Head;
  bool headStarted = false;  // a byte of the next head has come
  size_t headScanned = 0;    // bytes of `in` known not to end a head
  bool peerDone = false;     // the client shut down its side
  std::chrono::steady_clock::time_point deadline;
  std::chrono::steady_clock::time_point bodyStart;
  uint64_t bodyLeft = 0;  // Content-Length framing
  size_t bodyReceived = 0;
  std::unique_ptr<ChunkedDecoder> chunked;
  std::unique_ptr<IncomingRequest> request;
  bool bodyUnread = false;  // refused before its body: close after the answer
};

namespace {

std::string peerAddress(const sockaddr_storage& a) {
  char text[INET6_ADDRSTRLEN] = "-";
  if (a.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(a).sin_addr, text, sizeof text);
  } else if (a.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(a).sin6_addr, text, sizeof text);
  }
  return normalizeAddress(text);
}

// One attempt to write a short answer on a connection the reader is closing.
void sendNow(int fd, const std::string& bytes) {
  [[maybe_unused]] ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

// Before a request's head is read its language is unknown: Chinese, the default.
std::string refusalBytes(int status, const std::string& error, const Message& detail,
                         const std::string& instance, const std::string& requestId,
                         int retryAfter) {
  ApiError e(status, error, detail);
  if (retryAfter > 0) e.retryAfter(retryAfter);
  Reply r = errorReply(e, Language::Chinese);
  ResponseMeta meta{instance, requestId, true, false, false};
  return responseHead(r, meta) + r.body;
}

}  // namespace

ConnectionLoop::ConnectionLoop(ServerContext& context, int listenFd,
                               std::function<void()> closeListener, unsigned threads,
                               size_t queueCapacity)
    : context_(context),
      listenFd_(listenFd),
      closeListener_(std::move(closeListener)),
      threadCount_(std::max(1u, threads)),
      queueCapacity_(queueCapacity),
      gate_(context.settings.connections.maxConnections, context.settings.connections.maxPerClient,
            TrustedProxies::parse(context.settings.connections.trustedProxies)) {
  int fds[2];
  if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  wakeRead_ = fds[0];
  wakeWrite_ = fds[1];
}

ConnectionLoop::~ConnectionLoop() {
  drain(std::chrono::hours(24 * 365));
  ::close(wakeRead_);
  ::close(wakeWrite_);
}

void ConnectionLoop::start() {
  if (reader_.joinable()) return;
  for (unsigned i = 0; i < threadCount_; ++i) answerers_.emplace_back([this] { answerLoop(); });
  reader_ = std::thread([this] { readLoop(); });
}

size_t ConnectionLoop::queued() const {
  std::lock_guard lock(mutex_);
  return ready_.size();
}

void ConnectionLoop::wake() {
  char c = 1;
  [[maybe_unused]] ssize_t n = ::write(wakeWrite_, &c, 1);
}

bool ConnectionLoop::drain(std::chrono::milliseconds bound) {
  if (reader_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake();
    bool drained = false;
    {
      std::unique_lock lock(mutex_);
      drained = idle_.wait_for(lock, bound, [this] { return ready_.empty() && answering_ == 0; });
      exiting_ = true;
    }
    work_.notify_all();
    wake();
    reader_.join();
    if (!drained) return false;
  }
  // Threads still answering after a drain that ran out of time are waited for here.
  for (auto& t : answerers_) t.join();
  answerers_.clear();
  return true;
}

void ConnectionLoop::accept(std::vector<Owned>& open) {
  const auto& limits = context_.settings.connections;
  for (int i = 0; i < 64; ++i) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    int fd = ::accept4(listenFd_, reinterpret_cast<sockaddr*>(&address), &length,
                       SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      // Out of descriptors: the listening socket stays readable, so look away from it a
      // moment rather than spin.
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        acceptPausedUntil_ = Clock::now() + std::chrono::milliseconds(100);
      }
      return;
    }
    std::string peer = peerAddress(address);
    auto verdict = gate_.admit(peer);
    if (verdict != BusyGate::Verdict::Admitted) {
      auto c = std::make_unique<Connection>(fd, peer, nullptr);
      bool mine = verdict == BusyGate::Verdict::TooManyFromClient;
      sendNow(fd, refusalBytes(mine ? 429 : 503, mine ? "too many connections" : "server busy",
                               mine ? Message("this address holds {0} connections already; close "
                                              "one and try again",
                                              limits.maxPerClient)
                                    : Message("too many connections are open; try again shortly"),
                               context_.instance, ids_.next(), 1));
      linger(*c, std::chrono::seconds(1));
      open.push_back(std::move(c));
      continue;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto c = std::make_unique<Connection>(fd, peer, &gate_);
    c->deadline = Clock::now() + limits.headTimeout;
    c->headStarted = true;
    open.push_back(std::move(c));
  }
}

bool ConnectionLoop::readFrom(Connection& c) {
  char buffer[64 * 1024];
  for (int round = 0; round < 4; ++round) {
    ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      if (c.phase != Connection::Phase::Linger) c.in.append(buffer, static_cast<size_t>(n));
      if (c.phase == Connection::Phase::Body) c.bodyReceived += static_cast<size_t>(n);
      if (static_cast<size_t>(n) < sizeof buffer) return true;
      continue;
    }
    if (n == 0) {
      c.peerDone = true;
      return c.phase != Connection::Phase::Linger;
    }
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
  return true;
}

void ConnectionLoop::linger(Connection& c, Clock::duration howLong) {
  // Our side is done; what the client still sends is read and dropped for a moment, so
  // that closing does not reset the connection before it has read the answer.
  ::shutdown(c.fd, SHUT_WR);
  c.phase = Connection::Phase::Linger;
  c.in.clear();
  c.request.reset();
  c.deadline = Clock::now() + howLong;
}

void ConnectionLoop::refuseAtOnce(Connection& c, int status, const std::string& error,
                                  const Message& detail) {
  IncomingRequest r;
  if (c.request) r = std::move(*c.request);
  if (r.requestId.empty()) r.requestId = ids_.next();
  if (r.remote.empty()) r.remote = c.peer;
  ApiError e(status, error, detail);
  if (status == 503) e.retryAfter(1);
  const Language language = languageOfAcceptLanguage(r.head.field("Accept-Language").value_or(""));
  Reply reply = errorReply(e, language);
  ResponseMeta meta{context_.instance, r.requestId, true, false, false};
  countAnswer(context_, r, reply);
  sendNow(c.fd, responseHead(reply, meta) + reply.body);
  logAnswer(context_, r, reply);
  linger(c, std::chrono::seconds(2));
}

bool ConnectionLoop::handOver(Owned& c) {
  {
    std::lock_guard lock(mutex_);
    size_t idle = threadCount_ - answering_;
    if (ready_.size() < queueCapacity_ + idle) {
      ready_.push_back(std::move(c));
      work_.notify_one();
      return true;
    }
  }
  gate_.refusedBusy();
  c->bodyUnread = c->bodyUnread || c->phase == Connection::Phase::Body;
  refuseAtOnce(*c, 503, "server busy",
               Message("every connection thread is busy and {0} requests are waiting; try again "
                       "shortly",
                       queueCapacity_));
  return false;
}

ConnectionLoop::Step ConnectionLoop::advance(Connection& c) {
  const auto& limits = context_.settings.connections;
  const size_t maxBody = context_.settings.limits.maxBodyBytes;
  for (;;) {
    if (c.phase == Connection::Phase::Linger) {
      c.in.clear();
      return c.peerDone ? Step::Close : Step::Wait;
    }
    if (c.phase == Connection::Phase::Head) {
      if (!c.in.empty() && !c.headStarted) {
        c.headStarted = true;
        c.deadline = Clock::now() + limits.headTimeout;
      }
      // Parsed only once the blank line ending a head may be there, so a head sent a
      // byte at a time costs linear time, not quadratic.
      size_t from = c.headScanned > 3 ? c.headScanned - 3 : 0;
      bool ended = c.in.find("\n\n", from) != std::string::npos ||
                   c.in.find("\n\r\n", from) != std::string::npos;
      if (!ended && c.in.size() <= HeadLimits{}.maxBytes) {
        c.headScanned = c.in.size();
        return c.peerDone ? Step::Close : Step::Wait;
      }
      HeadParse parsed = parseRequestHead(c.in);
      if (parsed.state == HeadParse::State::Incomplete) {
        c.headScanned = c.in.size();
        return c.peerDone ? Step::Close : Step::Wait;  // closed when the client left mid-head
      }
      if (parsed.state == HeadParse::State::Error) {
        std::string phrase = parsed.status == 431   ? "request head too large"
                             : parsed.status == 501 ? "not implemented"
                             : parsed.status == 505 ? "HTTP version not supported"
                             : parsed.status == 417 ? "expectation failed"
                                                    : "bad request";
        refuseAtOnce(c, parsed.status, phrase, parsed.error);
        return Step::Wait;
      }
      c.in.erase(0, parsed.consumed);
      c.headScanned = 0;
      auto r = std::make_unique<IncomingRequest>();
      r->head = std::move(parsed.head);
      r->requestId = ids_.take(r->head.field("X-Request-Id"));
      r->remote = clientAddress(c.peer, r->head.fieldValues("X-Forwarded-For"), gate_.proxies());
      checkHead(context_, *r);
      c.request = std::move(r);
      const HttpHead& h = c.request->head;
      if (c.request->refusal || h.framing == BodyFraming::None) {
        // A POST refused for want of a length may be followed by a body we cannot frame.
        c.bodyUnread = c.request->refusal &&
                       (h.framing != BodyFraming::None || c.request->refusal->status() == 411);
        return Step::Ready;
      }
      c.phase = Connection::Phase::Body;
      c.bodyStart = Clock::now();
      c.bodyReceived = c.in.size();
      c.bodyLeft = h.contentLength;
      if (h.framing == BodyFraming::Chunked) c.chunked = std::make_unique<ChunkedDecoder>(maxBody);
      if (h.expectContinue && c.in.empty()) sendNow(c.fd, "HTTP/1.1 100 Continue\r\n\r\n");
    }
    // Body.
    std::string& body = c.request->api.body;
    bool complete = false;
    if (c.chunked) {
      size_t used = c.chunked->feed(c.in, body);
      c.in.erase(0, used);
      if (c.chunked->state() == ChunkedDecoder::State::Error) {
        int status = c.chunked->status();
        Message error = c.chunked->error();
        c.request->refusal =
            ApiError(status, status == 413 ? "payload too large" : "bad request", error);
        c.bodyUnread = true;
        c.chunked.reset();
        return Step::Ready;
      }
      complete = c.chunked->state() == ChunkedDecoder::State::Done;
    } else {
      size_t n = static_cast<size_t>(std::min<uint64_t>(c.bodyLeft, c.in.size()));
      if (body.empty() && n < c.bodyLeft) body.reserve(static_cast<size_t>(c.bodyLeft));
      body.append(c.in, 0, n);
      c.in.erase(0, n);
      c.bodyLeft -= n;
      complete = c.bodyLeft == 0;
    }
    if (complete) {
      c.chunked.reset();
      return Step::Ready;
    }
    if (c.peerDone) return Step::Close;  // the client left mid-body
    // Alive while the body averages minBodyRate after the grace period.
    c.deadline =
        c.bodyStart + limits.bodyGrace +
        std::chrono::milliseconds(c.bodyReceived * 1000 / std::max<size_t>(1, limits.minBodyRate));
    return Step::Wait;
  }
}

bool ConnectionLoop::progress(Owned& c) {
  switch (advance(*c)) {
    case Step::Wait:
      return true;
    case Step::Close:
      return false;
    case Step::Ready:
      handOver(c);  // takes it, or answers 503 and lets it linger here
      return c != nullptr;
  }
  return false;
}

void ConnectionLoop::readLoop() {
  std::vector<Owned> open;
  bool listening = true;
  std::vector<pollfd> fds;
  for (;;) {
    std::vector<Owned> back;
    bool stopping = false, exiting = false;
    {
      std::lock_guard lock(mutex_);
      back.swap(inbox_);
      stopping = stopping_;
      exiting = exiting_;
    }
    if (exiting) break;
    if (stopping && listening) {
      listening = false;
      closeListener_();
      // Connections without a complete request are closed; answers being written and
      // lingering closes go on.
      std::erase_if(open, [](const Owned& c) { return c->phase != Connection::Phase::Linger; });
    }
    for (auto& c : back) {
      if (stopping && c->phase != Connection::Phase::Linger) continue;  // closed
      // A pipelined request may be here already.
      if (c->phase == Connection::Phase::Head && !c->in.empty() && !progress(c)) continue;
      if (c) open.push_back(std::move(c));
    }
    std::erase_if(open, [](const Owned& c) { return !c; });

    fds.clear();
    fds.push_back({wakeRead_, POLLIN, 0});
    auto now = Clock::now();
    bool watching = listening && now >= acceptPausedUntil_;
    if (watching) fds.push_back({listenFd_, POLLIN, 0});
    size_t first = fds.size();
    auto soonest = now + std::chrono::seconds(1);
    if (listening && !watching) soonest = std::min(soonest, acceptPausedUntil_);
    for (const auto& c : open) {
      fds.push_back({c->fd, POLLIN, 0});
      soonest = std::min(soonest, c->deadline);
    }
    int timeout = static_cast<int>(std::max<long long>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(soonest - now).count() + 1));
    int ready = ::poll(fds.data(), fds.size(), timeout);
    if (ready < 0 && errno != EINTR) continue;
    if (fds[0].revents) {
      char scratch[256];
      while (::read(wakeRead_, scratch, sizeof scratch) > 0) {
      }
    }
    std::vector<Owned> accepted;
    if (watching && fds[1].revents) accept(accepted);

    now = Clock::now();
    for (size_t i = 0; i < open.size(); ++i) {
      Owned& c = open[i];
      short events = fds[first + i].revents;
      bool keep = true;
      if (events & (POLLIN | POLLHUP | POLLERR)) {
        keep = readFrom(*c) && progress(c);
      }
      if (c && keep && Clock::now() >= c->deadline) {
        if (c->phase == Connection::Phase::Linger) {
          keep = false;
        } else if (c->phase == Connection::Phase::Head && c->in.empty()) {
          keep = false;  // idle, or nothing sent at all: close without a word
        } else {
          refuseAtOnce(*c, 408, "request timeout",
                       c->phase == Connection::Phase::Head
                           ? Message("the request head did not arrive within the time allowed")
                           : Message("the request body arrived slower than the rate allowed"));
        }
      }
      if (c && !keep) c.reset();
    }
    std::erase_if(open, [](const Owned& c) { return !c; });
    for (auto& c : accepted) open.push_back(std::move(c));
  }
  open.clear();
  if (listening) closeListener_();
}

void ConnectionLoop::giveBack(Owned c) {
  {
    std::lock_guard lock(mutex_);
    if (exiting_) return;  // closed here
    inbox_.push_back(std::move(c));
  }
  wake();
}

void ConnectionLoop::answerLoop() {
  const auto& limits = context_.settings.connections;
  for (;;) {
    Owned c;
    {
      std::unique_lock lock(mutex_);
      work_.wait(lock, [this] { return exiting_ || !ready_.empty(); });
      if (ready_.empty()) return;
      c = std::move(ready_.front());
      ready_.pop_front();
      ++answering_;
    }
    while (c) c = answer(std::move(c), limits);
    {
      std::lock_guard lock(mutex_);
      --answering_;
    }
    idle_.notify_all();
  }
}

ConnectionLoop::Owned ConnectionLoop::answer(Owned c, const ConnectionLimits& limits) {
  IncomingRequest& request = *c->request;
  Reply reply = answerRequest(context_, request);
  bool stopping = false;
  {
    std::lock_guard lock(mutex_);
    stopping = stopping_;
  }
  bool close =
      stopping || c->bodyUnread || c->peerDone || !request.head.keepAlive || reply.closeConnection;
  ResponseMeta meta{context_.instance, request.requestId, close, request.head.minorVersion == 0,
                    request.head.method == "HEAD"};
  std::string head = responseHead(reply, meta);
  std::string_view body = meta.headRequest ? std::string_view() : std::string_view(reply.body);
  auto deadline = Clock::now() + std::chrono::seconds(10) +
                  std::chrono::milliseconds((head.size() + body.size()) * 1000 /
                                            std::max<size_t>(1, limits.minSendRate));
  countAnswer(context_, request, reply);
  bool sent = sendAll(c->fd, head, body, deadline);
  logAnswer(context_, request, reply);
  if (!sent) return nullptr;
  if (close) {
    linger(*c, std::chrono::seconds(2));
    giveBack(std::move(c));
    return nullptr;
  }
  c->request.reset();
  c->phase = Connection::Phase::Head;
  c->bodyUnread = false;
  c->headStarted = false;
  c->headScanned = 0;
  c->deadline = Clock::now() + limits.keepAliveTimeout;
  // A client that sends its next request at once (a busy keep-alive client) is answered
  // by this thread without a trip through the reader; anyone slower goes back to it.
  pollfd p{c->fd, POLLIN, 0};
  if (c->in.empty() && ::poll(&p, 1, kStayForNextMs) <= 0) {
    giveBack(std::move(c));
    return nullptr;
  }
  if (!c->in.empty() || readFrom(*c)) {
    switch (advance(*c)) {
      case Step::Ready:
        return c;
      case Step::Wait:
        giveBack(std::move(c));
        return nullptr;
      case Step::Close:
        return nullptr;
    }
  }
  return nullptr;
}

}  // namespace gongwen::server
