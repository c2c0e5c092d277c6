#include "server/HttpResponse.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>
#include <ctime>

namespace gongwen::server {
namespace {

std::string httpDate() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

}  // namespace

std::string_view reasonPhrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 411:
      return "Length Required";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 417:
      return "Expectation Failed";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

std::string responseHead(const Reply& reply, const ResponseMeta& meta) {
  std::string h;
  h.reserve(512);
  h += "HTTP/1.1 " + std::to_string(reply.status) + " ";
  h += reasonPhrase(reply.status);
  h += "\r\nDate: " + httpDate();
  h += "\r\nServer: gongwen/" GONGWEN_VERSION;
  h += "\r\nContent-Type: " + reply.contentType;
  h += "\r\nContent-Length: " + std::to_string(reply.body.size());
  h += "\r\nX-Gongwen-Instance: " + meta.instance;
  h += "\r\nX-Request-Id: " + meta.requestId;
  h += "\r\nCache-Control: no-store";
  for (const auto& [name, value] : reply.headers) h += "\r\n" + name + ": " + value;
  if (meta.close) {
    h += "\r\nConnection: close";
  } else if (meta.http10) {
    h += "\r\nConnection: keep-alive";
  }
  h += "\r\n\r\n";
  return h;
}

bool sendAll(int fd, std::string_view head, std::string_view body,
             std::chrono::steady_clock::time_point deadline) {
  while (!head.empty() || !body.empty()) {
    iovec parts[2] = {{const_cast<char*>(head.data()), head.size()},
                      {const_cast<char*>(body.data()), body.size()}};
    msghdr msg{};
    msg.msg_iov = head.empty() ? parts + 1 : parts;
    msg.msg_iovlen = head.empty() ? 1 : 2;
    ssize_t n = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
    if (n > 0) {
      size_t sent = static_cast<size_t>(n);
      size_t fromHead = std::min(sent, head.size());
      head.remove_prefix(fromHead);
      body.remove_prefix(sent - fromHead);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLOUT, 0};
    int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (r < 0 && errno != EINTR) return false;
    if (r > 0 && (p.revents & (POLLERR | POLLHUP | POLLNVAL))) return false;
  }
  return true;
}

}  // namespace gongwen::server
