// Typed reading of a layout file's JSON objects — the file itself (Layout::fromJson), a flow
// element's settings (its object in "flow", compiled into a spec), a box, the art — naming
// the layout file and JSON path of a bad value. Every key read (or asked about with has())
// is remembered, in nested objects too, so that after an element has read all the keys it
// declares, refuseUnreadKeys() can refuse the others: a typo in a layout is an error with a
// "did you mean", never a silent default.
#pragma once

#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/Color.h"
#include "common/Message.h"
#include "model/Layout.h"

namespace gongwen {

class ElementParams {
 public:
  explicit ElementParams(const FlowElement& el) : ElementParams(el.params, el.path) {}
  ElementParams(Poco::JSON::Object::Ptr object, std::string path);
  // A JSON value that must be an object (InputError naming `path` otherwise).
  static ElementParams of(const Poco::Dynamic::Var& value, std::string path);

  bool has(const std::string& key) const;
  std::string str(const std::string& key, const std::string& fallback = "") const;
  double number(const std::string& key, double fallback) const;
  // A number greater than 0.
  double positive(const std::string& key, double fallback) const;
  int integer(const std::string& key, int fallback) const;
  bool boolean(const std::string& key, bool fallback) const;
  Color color(const std::string& key, const Color& fallback) const;
  std::vector<std::string> strings(const std::string& key) const;
  // A nested object, or an empty one when absent.
  ElementParams object(const std::string& key) const;
  // A nested array of objects (empty when absent).
  std::vector<ElementParams> objects(const std::string& key) const;
  // A style of the layout, by the name under `key` (or `fallback`).
  const TextStyle& style(const Layout& layout, const std::string& key,
                         const std::string& fallback) const;
  // The name of a style of the layout under `key` (or `fallback`), checked to exist.
  std::string styleName(const Layout& layout, const std::string& key,
                        const std::string& fallback) const;
  std::string at(const std::string& key) const;
  const std::string& path() const { return node_->path; }
  // The object itself (every key counted as read by whoever takes it).
  const Poco::JSON::Object::Ptr& json() const { return node_->obj; }
  // Throws InputError naming the first key that is not in `allowed` (a typo in a layout).
  void onlyKeys(std::initializer_list<const char*> allowed) const;
  // Counts `keys` as read (keys another floor reads, such as a flow element's "element").
  void markRead(std::initializer_list<const char*> keys) const;
  // Throws InputError naming the first key of this object or of any object read through it
  // that was never read, with the closest key that was ("did you mean …?").
  void refuseUnreadKeys() const;

 private:
  struct Node {
    Poco::JSON::Object::Ptr obj;
    std::string path;
    std::set<std::string> read;
  };
  using Nodes = std::vector<std::shared_ptr<Node>>;
  ElementParams(Poco::JSON::Object::Ptr object, std::string path, std::shared_ptr<Nodes> nodes);
  void markRead(const std::string& key) const { node_->read.insert(key); }

  std::shared_ptr<Node> node_;
  std::shared_ptr<Nodes> nodes_;  // this object and every object read through it
};

// The known key closest to `key` by edit distance, or "" when none is close (a typo changes
// a few letters; an unrelated key is not suggested).
std::string closestKey(const std::string& key, const std::set<std::string>& known);

}  // namespace gongwen
