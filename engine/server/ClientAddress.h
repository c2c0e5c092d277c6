// The address of a request's client: the TCP peer, or — when the peer is a proxy the
// operator named with --trusted-proxy — the last address in X-Forwarded-For that is not
// one of those proxies. A client that is not a trusted proxy cannot choose its address by
// sending the header.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace gongwen::server {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // "127.0.0.1,10.0.0.0/8,::1": addresses or CIDR ranges, IPv4 or IPv6, comma-separated.
  // Throws std::invalid_argument naming the entry that is neither.
  static TrustedProxies parse(const std::string& list);

  bool trusts(const std::string& address) const;
  bool empty() const { return ranges_.empty(); }

 private:
  struct Range {
    std::array<unsigned char, 16> bytes{};  // IPv4 as ::ffff:a.b.c.d
    unsigned prefix = 128;
  };
  std::vector<Range> ranges_;
};

// `peer` as text; IPv4-mapped IPv6 (::ffff:1.2.3.4) as plain IPv4.
std::string normalizeAddress(const std::string& peer);

// The client behind `peer` given the X-Forwarded-For values (in header order).
std::string clientAddress(const std::string& peer, const std::vector<std::string>& forwardedFor,
                          const TrustedProxies& proxies);

}  // namespace gongwen::server
