// An HTTP error answered as JSON: {"error": "...", "field": "$.body[3]", "detail": "..."}.
// `error` is a short phrase a client can switch on (English, stable); `detail` is the
// message for a person, in the request's language (Accept-Language; Chinese when absent).
#pragma once

#include <Poco/JSON/Object.h>

#include <stdexcept>
#include <string>

#include "common/Message.h"

namespace gongwen {
class InputError;
}

namespace gongwen::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string error, Message detail, std::string field = "")
      : std::runtime_error(error + ": " + detail.english()),
        status_(status),
        error_(std::move(error)),
        detail_(std::move(detail)),
        field_(std::move(field)) {}

  int status() const { return status_; }
  const std::string& error() const { return error_; }
  const Message& detail() const { return detail_; }
  const std::string& field() const { return field_; }
  // Seconds for a Retry-After header (503); 0 = none.
  int retryAfterSeconds() const { return retryAfter_; }
  ApiError& retryAfter(int seconds) {
    retryAfter_ = seconds;
    return *this;
  }
  // More members of the JSON body (e.g. the failed records of a batch).
  Poco::JSON::Object::Ptr extra() const { return extra_; }
  ApiError& with(const std::string& key, const Poco::Dynamic::Var& value);

  Poco::JSON::Object::Ptr toJson(Language language) const;

 private:
  int status_;
  std::string error_;
  Message detail_;
  std::string field_;
  int retryAfter_ = 0;
  Poco::JSON::Object::Ptr extra_;
};

// Bad input found by the engine (a missing field, a character no font has): 422 naming
// the field by its JSON path.
ApiError invalidInput(const InputError& e);

}  // namespace gongwen::server
