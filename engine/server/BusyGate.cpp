#include "server/BusyGate.h"

#include <Poco/Net/StreamSocket.h>

namespace gongwen::server {

bool BusyGate::accept(const Poco::Net::StreamSocket& accepted) {
  const Poco::Net::TCPServer* server = server_;
  if (!server || server->queuedConnections() < maxQueued_) return true;
  ++refused_;
  try {
    Poco::Net::StreamSocket socket(accepted);
    // Read what the client has sent already, so that closing does not reset the
    // connection before it reads the answer.
    char scratch[16 * 1024];
    if (socket.poll(Poco::Timespan(0, 20'000), Poco::Net::Socket::SELECT_READ)) {
      socket.setReceiveTimeout(Poco::Timespan(0, 20'000));
      socket.receiveBytes(scratch, sizeof scratch);
    }
    std::string body =
        "{\"error\":\"server busy\",\"detail\":\"too many connections are waiting; try again "
        "shortly\"}\n";
    std::string head =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; "
        "charset=utf-8\r\nRetry-After: 1\r\nConnection: close\r\n"
        "X-Gongwen-Instance: " +
        instance_ + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    std::string all = head + body;
    socket.setSendTimeout(Poco::Timespan(0, 100'000));
    socket.sendBytes(all.data(), static_cast<int>(all.size()));
    socket.shutdownSend();
  } catch (...) {
    // The client went away; nothing to answer.
  }
  return false;
}

}  // namespace gongwen::server
