// An HTTP error answered as JSON: {"error": "...", "field": "$.body[3]", "detail": "..."}.
// `error` is a short phrase a client can switch on; `detail` is the message for a person.
#pragma once

#include <Poco/JSON/Object.h>

#include <stdexcept>
#include <string>

namespace gongwen {
class InputError;
}

namespace gongwen::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string error, std::string detail, std::string field = "")
      : std::runtime_error(error + ": " + detail),
        status_(status),
        error_(std::move(error)),
        detail_(std::move(detail)),
        field_(std::move(field)) {}

  int status() const { return status_; }
  const std::string& error() const { return error_; }
  const std::string& detail() const { return detail_; }
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

  Poco::JSON::Object::Ptr toJson() const;

 private:
  int status_;
  std::string error_, detail_, field_;
  int retryAfter_ = 0;
  Poco::JSON::Object::Ptr extra_;
};

// Bad input found by the engine (a missing field, a character no font has): 422 naming
// the field by its JSON path.
ApiError invalidInput(const InputError& e);

}  // namespace gongwen::server
