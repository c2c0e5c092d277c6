#include "server/ClientAddress.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <stdexcept>

namespace gongwen::server {
namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// An address as 16 bytes (IPv4 mapped into IPv6).
std::optional<std::array<unsigned char, 16>> addressBytes(const std::string& text) {
  std::array<unsigned char, 16> b{};
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    b[10] = b[11] = 0xFF;
    std::memcpy(&b[12], &v4, 4);
    return b;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    std::memcpy(b.data(), &v6, 16);
    return b;
  }
  return std::nullopt;
}

bool isMappedV4(const std::array<unsigned char, 16>& b) {
  for (int i = 0; i < 10; ++i) {
    if (b[i] != 0) return false;
  }
  return b[10] == 0xFF && b[11] == 0xFF;
}

}  // namespace

TrustedProxies TrustedProxies::parse(const std::string& list) {
  TrustedProxies t;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string entry = trim(list.substr(start, comma - start));
    start = comma == std::string::npos ? list.size() + 1 : comma + 1;
    if (entry.empty()) continue;
    std::string address = entry.substr(0, entry.find('/'));
    auto bytes = addressBytes(address);
    if (!bytes) throw std::invalid_argument(entry);
    Range r;
    r.bytes = *bytes;
    bool v4 = address.find(':') == std::string::npos;
    r.prefix = 128;
    if (entry.find('/') != std::string::npos) {
      std::string bits = entry.substr(entry.find('/') + 1);
      if (bits.empty() || bits.size() > 3 ||
          bits.find_first_not_of("0123456789") != std::string::npos) {
        throw std::invalid_argument(entry);
      }
      unsigned n = static_cast<unsigned>(std::stoul(bits));
      if (n > (v4 ? 32u : 128u)) throw std::invalid_argument(entry);
      r.prefix = v4 ? 96 + n : n;
    }
    t.ranges_.push_back(r);
  }
  return t;
}

bool TrustedProxies::trusts(const std::string& address) const {
  if (ranges_.empty()) return false;
  auto bytes = addressBytes(address);
  if (!bytes) return false;
  for (const auto& r : ranges_) {
    bool match = true;
    for (unsigned bit = 0; bit < r.prefix && match; bit += 8) {
      unsigned n = std::min(8u, r.prefix - bit);
      auto mask = static_cast<unsigned char>(0xFF << (8 - n));
      match = ((*bytes)[bit / 8] & mask) == (r.bytes[bit / 8] & mask);
    }
    if (match) return true;
  }
  return false;
}

std::string normalizeAddress(const std::string& peer) {
  auto bytes = addressBytes(peer);
  if (!bytes || !isMappedV4(*bytes) || peer.find(':') == std::string::npos) return peer;
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &(*bytes)[12], text, sizeof text);
  return text;
}

std::string clientAddress(const std::string& peer, const std::vector<std::string>& forwardedFor,
                          const TrustedProxies& proxies) {
  if (!proxies.trusts(peer)) return peer;
  // Right to left: the nearest hop the trusted proxies did not add is the client.
  std::vector<std::string> hops;
  for (const auto& value : forwardedFor) {
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      hops.push_back(trim(value.substr(start, comma - start)));
      start = comma == std::string::npos ? value.size() + 1 : comma + 1;
    }
  }
  std::string client = peer;
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (!addressBytes(*it)) break;  // garbage: stop at the last address we can vouch for
    client = normalizeAddress(*it);
    if (!proxies.trusts(client)) break;
  }
  return client;
}

}  // namespace gongwen::server
