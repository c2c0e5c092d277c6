// The request head parser, the chunked decoder, request ids and trusted proxies, in
// process (the hostile-clients suite drives the same code through a real server).
#include "server/HttpHead.h"

#include <gtest/gtest.h>

#include "server/ClientAddress.h"
#include "server/HttpResponse.h"
#include "server/RequestBody.h"
#include "server/RequestId.h"

namespace gongwen::server {
namespace {

TEST(HttpHead, ContentLengthIsDigitsOnlyAndBelowTwoToTheSixtyThree) {
  EXPECT_EQ(parseContentLength("0"), 0u);
  EXPECT_EQ(parseContentLength("10485760"), 10485760u);
  EXPECT_EQ(parseContentLength("9223372036854775807"), 9223372036854775807u);
  for (const char* bad : {"", "-1", "+5", "0x10", "1e3", " 5", "5 ", "9223372036854775808",
                          "18446744073709551616", "99999999999999999999"}) {
    EXPECT_FALSE(parseContentLength(bad)) << bad;
  }
}

TEST(HttpHead, ParsesAWholeHeadAndNothingMore) {
  std::string bytes =
      "\r\nPOST /v1/render?layout=article HTTP/1.1\r\nHost: a\r\nContent-Length:  5 \r\n"
      "Expect: 100-continue\r\nX-Request-Id: abc\r\n\r\nhello";
  for (size_t cut = 0; cut + 5 < bytes.size(); ++cut) {
    EXPECT_EQ(parseRequestHead(bytes.substr(0, cut)).state, HeadParse::State::Incomplete) << cut;
  }
  HeadParse p = parseRequestHead(bytes);
  ASSERT_EQ(p.state, HeadParse::State::Complete) << p.error.english();
  EXPECT_EQ(p.consumed, bytes.size() - 5);
  EXPECT_EQ(p.head.method, "POST");
  EXPECT_EQ(p.head.target, "/v1/render?layout=article");
  EXPECT_EQ(p.head.framing, BodyFraming::Length);
  EXPECT_EQ(p.head.contentLength, 5u);
  EXPECT_TRUE(p.head.expectContinue);
  EXPECT_TRUE(p.head.keepAlive);
  EXPECT_EQ(p.head.field("x-request-id"), "abc");
}

TEST(HttpHead, ConnectionOptionsByVersion) {
  auto keepAlive = [](const std::string& head) {
    return parseRequestHead(head + "\r\n").head.keepAlive;
  };
  EXPECT_TRUE(keepAlive("GET / HTTP/1.1\r\nHost: a\r\n"));
  EXPECT_FALSE(keepAlive("GET / HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n"));
  EXPECT_FALSE(keepAlive("GET / HTTP/1.0\r\n"));
  EXPECT_TRUE(keepAlive("GET / HTTP/1.0\r\nConnection: keep-alive\r\n"));
}

TEST(HttpHead, RefusesWhatRfc9112Refuses) {
  struct Case {
    std::string head;
    int status;
  };
  const std::vector<Case> cases = {
      {"GET / HTTP/1.1\r\n\r\n", 400},                        // no Host
      {"GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505},             // version
      {"GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400},            // extra space
      {"GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400},            // two spaces
      {"G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400},             // method
      {"GET nope HTTP/1.1\r\nHost: a\r\n\r\n", 400},          // target
      {"GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400},           // Host
      {"GET / HTTP/1.1\r\nHost: a\r\nX: \x01\r\n\r\n", 400},  // control
      {"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n", 501},
      {"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
  };
  for (const auto& c : cases) {
    HeadParse p = parseRequestHead(c.head);
    EXPECT_EQ(p.state, HeadParse::State::Error) << c.head;
    EXPECT_EQ(p.status, c.status) << c.head << p.error.english();
  }
  HeadLimits small;
  small.maxFields = 2;
  EXPECT_EQ(parseRequestHead("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", small).status,
            431);
}

TEST(ChunkedDecoder, DecodesByteByByteAndStopsAtTheEnd) {
  std::string wire = "5;x=\"y\"\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\nNEXT";
  ChunkedDecoder d(100);
  std::string body;
  size_t used = 0;
  while (used < wire.size() && d.state() == ChunkedDecoder::State::More) {
    used += d.feed(std::string_view(wire).substr(used, 1), body);
  }
  EXPECT_EQ(d.state(), ChunkedDecoder::State::Done);
  EXPECT_EQ(body, "hello world");
  EXPECT_EQ(wire.substr(used), "NEXT");
}

TEST(ChunkedDecoder, RefusesBadFramingAndBodiesOverTheLimit) {
  for (const char* bad : {"zz\r\n", "5\nhello\r\n", "5\r\nhelloX\r\n", "5 junk\r\n",
                          "ffffffffffffffffff\r\n", "0\r\nbad trailer\r\n\r\n"}) {
    ChunkedDecoder d(1000);
    std::string body;
    d.feed(bad, body);
    EXPECT_EQ(d.state(), ChunkedDecoder::State::Error) << bad;
    EXPECT_EQ(d.status(), 400) << bad;
  }
  ChunkedDecoder d(8);
  std::string body;
  d.feed("5\r\nhello\r\n5\r\nworld\r\n", body);
  EXPECT_EQ(d.state(), ChunkedDecoder::State::Error);
  EXPECT_EQ(d.status(), 413);
}

TEST(HttpResponse, ReasonPhrases) {
  EXPECT_EQ(reasonPhrase(200), "OK");
  EXPECT_EQ(reasonPhrase(413), "Content Too Large");
  EXPECT_EQ(reasonPhrase(422), "Unprocessable Entity");
  EXPECT_EQ(reasonPhrase(503), "Service Unavailable");
}

TEST(RequestIds, ClientIdsWhenSaneElseNewOnes) {
  RequestIds ids;
  EXPECT_EQ(ids.take(std::string("trace-1:a/b")), "trace-1:a/b");
  std::string fresh = ids.take(std::string("has space"));
  EXPECT_EQ(fresh.size(), 16u);
  EXPECT_NE(ids.take(std::nullopt), fresh);
  EXPECT_FALSE(saneRequestId(std::string(65, 'a')));
  EXPECT_FALSE(saneRequestId("a\r\nX-Evil: 1"));
}

TEST(TrustedProxies, AddressesRangesAndTheForwardedClient) {
  auto proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8,fd00::/8");
  EXPECT_TRUE(proxies.trusts("127.0.0.1"));
  EXPECT_FALSE(proxies.trusts("127.0.0.2"));
  EXPECT_TRUE(proxies.trusts("10.200.3.4"));
  EXPECT_FALSE(proxies.trusts("11.0.0.1"));
  EXPECT_TRUE(proxies.trusts("fd12::1"));
  EXPECT_FALSE(proxies.trusts("fe80::1"));
  // The rightmost address the trusted proxies did not add.
  EXPECT_EQ(clientAddress("127.0.0.1", {"198.51.100.1, 203.0.113.7, 10.0.0.5"}, proxies),
            "203.0.113.7");
  EXPECT_EQ(clientAddress("127.0.0.1", {"garbage"}, proxies), "127.0.0.1");
  EXPECT_EQ(clientAddress("192.0.2.1", {"203.0.113.7"}, proxies), "192.0.2.1");
  EXPECT_EQ(normalizeAddress("::ffff:192.0.2.1"), "192.0.2.1");
  for (const char* bad : {"10.0.0.0/33", "nonsense", "1.2.3.4/", "::1/129"}) {
    EXPECT_THROW(TrustedProxies::parse(bad), std::invalid_argument) << bad;
  }
}

}  // namespace
}  // namespace gongwen::server
