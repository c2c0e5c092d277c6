#include "server/ApiError.h"

#include "common/Errors.h"
#include "common/JobError.h"
#include "common/Json.h"
#include "common/WorkBudget.h"

namespace gongwen::server {

ApiError& ApiError::with(const std::string& key, const Poco::Dynamic::Var& value) {
  if (!extra_) extra_ = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  extra_->set(key, value);
  return *this;
}

Poco::JSON::Object::Ptr ApiError::toJson(Language language) const {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("error", error_);
  if (!field_.empty()) o->set("field", field_);
  o->set("detail", detail_.text(language));
  if (extra_) {
    for (const auto& key : extra_->getNames()) o->set(key, extra_->get(key));
  }
  return o;
}

ApiError invalidInput(const InputError& e) {
  if (const auto* job = dynamic_cast<const JobError*>(&e)) {
    switch (job->kind()) {
      case JobError::Kind::MalformedJson:
        return ApiError(400, "malformed JSON", e.messageText(), e.where());
      case JobError::Kind::MalformedCsv:
        return ApiError(400, "malformed CSV", e.messageText(), e.where());
      case JobError::Kind::MalformedXlsx:
        return ApiError(400, "malformed xlsx", e.messageText(), e.where());
      case JobError::Kind::Invalid:
        break;
      case JobError::Kind::TooManyRecords:
        return ApiError(413, "too many records", e.messageText(), e.where());
      case JobError::Kind::NothingPrinted:
        return ApiError(422, "no printable records", e.messageText(), e.where());
    }
  }
  if (auto* json = dynamic_cast<const JsonLimitError*>(&e)) {
    const bool records = json->kind() == JsonLimitError::Kind::Records;
    return ApiError(413, records ? "too many records" : "request too large", e.messageText(),
                    e.where());
  }
  if (auto* limit = dynamic_cast<const LimitExceeded*>(&e)) {
    return ApiError(
        422, limit->kind() == LimitExceeded::Kind::Time ? "time limit exceeded" : "too many pages",
        e.messageText(), e.where());
  }
  bool glyph = dynamic_cast<const MissingGlyphError*>(&e) != nullptr;
  return ApiError(422, glyph ? "unprintable character" : "invalid field", e.messageText(),
                  e.where());
}

}  // namespace gongwen::server
