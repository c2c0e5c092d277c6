#include "server/HttpHead.h"

#include <algorithm>
#include <cctype>

namespace gongwen::server {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The comma-separated members of a list field, trimmed, empty members dropped.
std::vector<std::string> listMembers(std::string_view value) {
  std::vector<std::string> out;
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view member = trim(value.substr(0, comma));
    if (!member.empty()) {
      std::string m(member);
      std::transform(m.begin(), m.end(), m.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      out.push_back(std::move(m));
    }
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

HeadParse failure(int status, Message error) {
  HeadParse p;
  p.state = HeadParse::State::Error;
  p.status = status;
  p.error = std::move(error);
  return p;
}

// The end of the line starting at `from` (the index of its LF) and the line without its
// terminator; a bare CR anywhere is refused by the caller's character checks.
struct Line {
  std::string_view text;
  size_t next = 0;  // index after the LF
};

std::optional<Line> nextLine(std::string_view bytes, size_t from) {
  size_t lf = bytes.find('\n', from);
  if (lf == std::string_view::npos) return std::nullopt;
  size_t end = lf;
  if (end > from && bytes[end - 1] == '\r') --end;
  return Line{bytes.substr(from, end - from), lf + 1};
}

bool validTarget(std::string_view target) {
  if (target.empty()) return false;
  for (unsigned char c : target) {
    if (c <= 0x20 || c >= 0x7F) return false;
  }
  return target[0] == '/' || target == "*" || target.starts_with("http://") ||
         target.starts_with("https://");
}

bool validFieldValue(std::string_view value) {
  for (unsigned char c : value) {
    if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
  }
  return true;
}

bool validHost(std::string_view host) {
  for (unsigned char c : host) {
    if (!(std::isalnum(c) || std::string_view("-._~%!$&'()*+,;=:[]").find(static_cast<char>(c)) !=
                                 std::string_view::npos))
      return false;
  }
  return true;
}

}  // namespace

bool isTokenChar(unsigned char c) {
  return std::isalnum(c) ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

std::optional<uint64_t> parseContentLength(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  return v;
}

std::optional<std::string> HttpHead::field(std::string_view name) const {
  for (const auto& [n, v] : fields) {
    if (equalsIgnoreCase(n, name)) return v;
  }
  return std::nullopt;
}

std::vector<std::string> HttpHead::fieldValues(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : fields) {
    if (equalsIgnoreCase(n, name)) out.push_back(v);
  }
  return out;
}

HeadParse parseRequestHead(std::string_view bytes, const HeadLimits& limits) {
  // RFC 9112 2.2: empty lines before the request line are ignored.
  size_t pos = 0;
  while (pos < bytes.size() && pos < 64 && (bytes[pos] == '\r' || bytes[pos] == '\n')) ++pos;
  std::string_view window = bytes.substr(0, std::min(bytes.size(), limits.maxBytes + pos));
  size_t blank = std::string_view::npos;
  // The head ends at the first empty line after the request line.
  for (size_t i = window.find('\n', pos); i != std::string_view::npos;
       i = window.find('\n', i + 1)) {
    size_t after = i + 1;
    if (after < window.size() && window[after] == '\n') {
      blank = after + 1;
      break;
    }
    if (after + 1 < window.size() && window[after] == '\r' && window[after + 1] == '\n') {
      blank = after + 2;
      break;
    }
  }
  if (blank == std::string_view::npos) {
    if (bytes.size() - pos > limits.maxBytes) {
      return failure(431, Message("the request head is longer than {0} bytes", limits.maxBytes));
    }
    return {};
  }

  HeadParse p;
  HttpHead& h = p.head;
  std::string_view head = bytes.substr(0, blank);
  for (size_t i = pos; i < head.size(); ++i) {
    if (head[i] == '\r' && (i + 1 >= head.size() || head[i + 1] != '\n')) {
      return failure(400, Message("a bare CR in the request head"));
    }
  }

  // Request line: method SP request-target SP HTTP-version
  auto line = nextLine(head, pos);
  std::string_view requestLine = line->text;
  size_t sp1 = requestLine.find(' ');
  size_t sp2 = sp1 == std::string_view::npos ? sp1 : requestLine.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || requestLine.find(' ', sp2 + 1) != std::string_view::npos) {
    return failure(400, Message("the request line is not \"METHOD target HTTP/1.1\""));
  }
  std::string_view method = requestLine.substr(0, sp1);
  std::string_view target = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = requestLine.substr(sp2 + 1);
  if (method.empty() || !std::all_of(method.begin(), method.end(), [](char c) {
        return isTokenChar(static_cast<unsigned char>(c));
      })) {
    return failure(400, Message("the method is not a token"));
  }
  if (!validTarget(target)) return failure(400, Message("the request target is malformed"));
  if (version.size() != 8 || !version.starts_with("HTTP/") || !std::isdigit(version[5]) ||
      version[6] != '.' || !std::isdigit(version[7])) {
    return failure(400, Message("the HTTP version is malformed"));
  }
  if (version[5] != '1')
    return failure(505, Message("this server speaks HTTP/1.1 and HTTP/1.0 only"));
  h.method = method;
  h.target = target;
  h.minorVersion = version[7] == '0' ? 0 : 1;

  // Header fields: name ":" OWS value OWS
  size_t at = line->next;
  while (at < head.size()) {
    auto l = nextLine(head, at);
    at = l->next;
    if (l->text.empty()) break;
    if (l->text[0] == ' ' || l->text[0] == '\t') {
      return failure(400, Message("a folded header line (obs-fold)"));
    }
    size_t colon = l->text.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return failure(400, Message("a header line without a field name"));
    }
    std::string_view name = l->text.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(),
                     [](char c) { return isTokenChar(static_cast<unsigned char>(c)); })) {
      return failure(400, Message("a header field name is not a token"));
    }
    std::string_view value = trim(l->text.substr(colon + 1));
    if (!validFieldValue(value)) {
      return failure(400, Message("the header field {0} holds a control character", name));
    }
    if (h.fields.size() >= limits.maxFields) {
      return failure(431, Message("more than {0} header fields", limits.maxFields));
    }
    h.fields.emplace_back(std::string(name), std::string(value));
  }

  // Host: exactly one in HTTP/1.1 (RFC 9112 3.2), at most one in HTTP/1.0.
  auto hosts = h.fieldValues("Host");
  if (hosts.size() > 1) return failure(400, Message("more than one Host header"));
  if (hosts.empty() && h.minorVersion == 1)
    return failure(400, Message("an HTTP/1.1 request needs Host"));
  if (!hosts.empty() && !validHost(hosts[0]))
    return failure(400, Message("the Host header is malformed"));

  // Framing (RFC 9112 6).
  auto codings = h.fieldValues("Transfer-Encoding");
  auto lengths = h.fieldValues("Content-Length");
  if (!codings.empty()) {
    if (h.minorVersion == 0)
      return failure(400, Message("Transfer-Encoding in an HTTP/1.0 request"));
    if (!lengths.empty()) return failure(400, Message("both Transfer-Encoding and Content-Length"));
    std::vector<std::string> all;
    for (const auto& v : codings) {
      auto m = listMembers(v);
      all.insert(all.end(), m.begin(), m.end());
    }
    if (all.size() == 1 && all[0] == "chunked") {
      h.framing = BodyFraming::Chunked;
    } else if (std::count(all.begin(), all.end(), "chunked") > 0) {
      return failure(400, Message("chunked must be the one and last transfer coding"));
    } else {
      return failure(501, Message("this server understands only Transfer-Encoding: chunked"));
    }
  } else if (!lengths.empty()) {
    if (lengths.size() > 1) return failure(400, Message("more than one Content-Length header"));
    auto n = parseContentLength(lengths[0]);
    if (!n) return failure(400, Message("Content-Length is not a whole number of bytes"));
    h.framing = BodyFraming::Length;
    h.contentLength = *n;
  }

  // Connection options and Expect.
  bool close = false, keepAlive = false;
  for (const auto& v : h.fieldValues("Connection")) {
    for (const auto& option : listMembers(v)) {
      if (option == "close") close = true;
      if (option == "keep-alive") keepAlive = true;
    }
  }
  h.keepAlive = !close && (h.minorVersion == 1 || keepAlive);
  auto expects = h.fieldValues("Expect");
  if (!expects.empty()) {
    if (expects.size() != 1 || !equalsIgnoreCase(expects[0], "100-continue")) {
      return failure(417, Message("this server understands only Expect: 100-continue"));
    }
    h.expectContinue = h.minorVersion == 1;
  }

  p.state = HeadParse::State::Complete;
  p.consumed = blank;
  return p;
}

}  // namespace gongwen::server
