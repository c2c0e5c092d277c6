#include "model/ValidateRecord.h"

#include <Poco/JSON/Array.h>

#include <cctype>
#include <optional>
#include <set>

#include "common/Errors.h"
#include "common/Json.h"
#include "model/ElementParams.h"

namespace gongwen {
namespace {

// Nothing but spaces: ASCII white space, the ideographic space U+3000, no-break spaces.
bool isBlank(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      ++i;
    } else if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 3;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

// A list of strings (a single string is a list of one), each checked.
ListValue readList(const Poco::Dynamic::Var& v, const FieldSpec& spec, const std::string& where) {
  ListValue list;
  if (v.isString()) {
    checkPrintable(v.toString(), where, false);
    list.items.push_back(v.toString());
    list.single = true;
    return list;
  }
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
    throw InputError(where, Message("must be a list of strings, found {0}", jsonType(v)));
  }
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  if (spec.required && arr->size() == 0) {
    throw InputError(
        where, Message("required field \"{0}\" ({1}) is an empty list", spec.name, spec.label));
  }
  for (size_t i = 0; i < arr->size(); ++i) {
    auto item = arr->get(i);
    if (!item.isString()) {
      throw InputError(jsonPath(where, i), Message("must be a string, found {0}", jsonType(item)));
    }
    checkPrintable(item.toString(), jsonPath(where, i), false);
    list.items.push_back(item.toString());
  }
  return list;
}

// The checks of one field by its type, and its typed value (nullopt: a blank optional date,
// taken as absent). Images and structured fields are only checked for shape here: they are
// loaded and read once every field has passed (loadLater).
std::optional<FieldValue> checkField(const Poco::Dynamic::Var& v, const FieldSpec& spec,
                                     const std::string& where) {
  if (spec.type == "json") return StructuredValue();  // its element's reader reads it
  // An image field may hold a list of images too (joint seals, 7.3.5.1).
  const bool imageList = spec.type == "image" && v.type() == typeid(Poco::JSON::Array::Ptr);
  if (spec.type == "list" || imageList) {
    ListValue list = readList(v, spec, where);
    if (spec.type == "image") return ImageValue{{}, list.single, list.items.size(), {}};
    return list;
  }
  if (!v.isString()) {
    throw InputError(where, Message("must be a string, found {0}", jsonType(v)));
  }
  std::string s = v.toString();
  if (spec.required && isBlank(s)) {
    throw InputError(where,
                     Message("required field \"{0}\" ({1}) is empty", spec.name, spec.label));
  }
  checkPrintable(s, where, spec.type == "text");
  if (spec.type == "date") {
    if (isBlank(s)) return std::nullopt;
    Date d = parseDate(s, where);
    return DateValue{d, std::move(s)};
  }
  if (spec.type == "image") return ImageValue{{}, true, 1, {}};
  return s;
}

// An image field's images, loaded and checked (each at most once per batch, by the cache);
// what goes wrong is kept for where the layout uses them (ImageValue::error).
ImageValue loadImages(const Poco::Dynamic::Var& v, const std::string& where, bool single,
                      const ImageSource& source) {
  ImageValue out{{}, single, 1, {}};
  try {
    if (single) {
      out.images.push_back(loadImage(v.toString(), where, source));
      return out;
    }
    auto arr = v.extract<Poco::JSON::Array::Ptr>();
    out.count = arr->size();
    for (size_t i = 0; i < arr->size(); ++i) {
      out.images.push_back(loadImage(arr->get(i).toString(), jsonPath(where, i), source));
    }
  } catch (const InputError&) {
    out.images.clear();
    out.error = std::current_exception();
  }
  return out;
}

// A key of the record that is no field of its layout but reads like `name` (a typo: "titel"
// for "title"), or "".
std::string misspeltAs(const Poco::JSON::Object& input, const Layout& layout,
                       const std::string& name) {
  for (const auto& [key, value] : input) {
    if (key == "layout" || layout.field(key)) continue;
    if (!closestKey(key, {name}).empty()) return key;
  }
  return "";
}

}  // namespace

Record validateRecord(const Poco::JSON::Object::Ptr& input, const Layout& layout,
                      const std::string& pathPrefix, const RecordOptions& options) {
  Record r(pathPrefix);
  // Every field's presence, type and text first (a date parsed here, once)…
  std::vector<const FieldSpec*> later;
  for (const auto& spec : layout.fields) {
    std::string where = jsonPath(pathPrefix, spec.name);
    bool present = input->has(spec.name) && !input->get(spec.name).isEmpty();
    if (!present) {
      if (spec.required) {
        if (const std::string typo = misspeltAs(*input, layout, spec.name); !typo.empty()) {
          throw InputError(where, Message("required field \"{0}\" ({1}) is missing; is \"{2}\" "
                                          "meant to be it?",
                                          spec.name, spec.label, typo));
        }
        throw InputError(where,
                         Message("required field \"{0}\" ({1}) is missing", spec.name, spec.label));
      }
      continue;
    }
    std::optional<FieldValue> value = checkField(input->get(spec.name), spec, where);
    if (!value) continue;
    if (std::holds_alternative<ImageValue>(*value) ||
        std::holds_alternative<StructuredValue>(*value)) {
      later.push_back(&spec);
    }
    r.set(spec.name, std::move(*value));
  }
  std::set<std::string> fieldNames;  // filled for the first unknown field only
  for (const auto& [key, value] : *input) {
    if (key == "layout" || layout.field(key)) continue;
    if (fieldNames.empty()) {
      for (const auto& spec : layout.fields) fieldNames.insert(spec.name);
    }
    const std::string near = closestKey(key, fieldNames);
    r.warnings.push_back(Message(
        "{0}: {1}", placeMessage(jsonPath(pathPrefix, key)),
        near.empty()
            ? Message("unknown field \"{0}\" for layout {1} is ignored", key, layout.name)
            : Message("unknown field \"{0}\" for layout {1} is ignored; did you mean \"{2}\"?", key,
                      layout.name, near)));
  }
  // …then the images, loaded and checked, and the structured fields, read by their elements.
  for (const FieldSpec* spec : later) {
    const std::string where = jsonPath(pathPrefix, spec->name);
    const Poco::Dynamic::Var v = input->get(spec->name);
    if (spec->type == "image") {
      r.set(spec->name, loadImages(v, where, r.single(spec->name), options.images));
    } else if (spec->read) {
      StructuredValue content = spec->read(v, where, options);
      if (content) {  // what reading it found to warn about (an attachment's unknown fields)
        r.warnings.insert(r.warnings.end(), content->warnings.begin(), content->warnings.end());
      }
      r.set(spec->name, std::move(content));
    }
  }
  return r;
}

}  // namespace gongwen
