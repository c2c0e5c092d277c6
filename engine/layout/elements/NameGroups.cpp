// 表彰名单: the "name_groups" flow element. Each group's heading (kept with what follows it),
// then its names on a grid of equal columns or its entries as a ruled table.
#include "layout/elements/NameGroups.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Utf8.h"
#include "layout/FlowElements.h"
#include "layout/elements/Text.h"
#include "model/ElementParams.h"

namespace gongwen {
namespace {

Poco::JSON::Array::Ptr arrayOf(const Poco::Dynamic::Var& v, const std::string& where,
                               const Message& what) {
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
    throw InputError(where, Message("must be {0}, found {1}", what, jsonType(v)));
  }
  return v.extract<Poco::JSON::Array::Ptr>();
}

// A text as given (prepared and trimmed when placed); checked.
std::u32string textAt(const Poco::Dynamic::Var& v, const std::string& where, bool required) {
  if (v.isEmpty() && !required) return {};
  if (!v.isString()) throw InputError(where, Message("must be a string, found {0}", jsonType(v)));
  const std::string s = v.toString();
  checkPrintable(s, where, false);
  std::u32string text = decodeUtf8(s);
  if (required && trimmedText(text).empty())
    throw InputError(where, Message("is empty: give a name"));
  return text;
}

// The text as placed: normalized as the document is, trimmed.
std::u32string prepared(FlowContext& ctx, const std::u32string& text) {
  return trimmedText(ctx.prepare(encodeUtf8(text)));
}

// The groups of `content` as placed: texts prepared, names and entries (by name) in the
// order of `collator`.
std::vector<NameGroup> orderedGroups(FlowContext& ctx, const NameGroupsContent& content,
                                     const NameCollator& collator) {
  std::vector<NameGroup> groups = content.groups;
  for (NameGroup& group : groups) {
    group.heading = prepared(ctx, group.heading);
    std::vector<std::u32string> keys;
    for (NameItem& item : group.names) {
      item.text = prepared(ctx, item.text);
      keys.push_back(item.text);
    }
    if (!group.names.empty()) {
      std::vector<NameItem> sorted;
      for (size_t i : collator.order(keys)) sorted.push_back(group.names[i]);
      group.names = std::move(sorted);
      continue;
    }
    for (EntryRow& row : group.entries) {
      for (auto& [key, text] : row.cells) text = prepared(ctx, text);
      keys.push_back(row.cells.count("name") && !row.cells["name"].empty() ? row.cells["name"]
                                                                           : row.cells["unit"]);
    }
    std::vector<EntryRow> sorted;
    for (size_t i : collator.order(keys)) sorted.push_back(group.entries[i]);
    group.entries = std::move(sorted);
  }
  return groups;
}

}  // namespace

std::vector<std::string> entryKeysOf(const NameGroupsSpec& spec) {
  std::vector<std::string> entryKeys = {"index"};
  for (const NameGroupsSpec::Column& c : spec.tableColumns) {
    const std::string& key = c.key;
    if (std::find(entryKeys.begin(), entryKeys.end(), key) == entryKeys.end())
      entryKeys.push_back(key);
  }
  return entryKeys;
}

std::shared_ptr<const FieldContent> readNameGroups(const Poco::Dynamic::Var& value,
                                                   const std::string& at,
                                                   const std::vector<std::string>& entryKeys) {
  auto content = std::make_shared<NameGroupsContent>();
  std::vector<NameGroup>& groups = content->groups;
  if (value.isEmpty()) return content;
  auto arr = arrayOf(value, at, Message("a list of groups ({\"heading\": \"…\", \"names\": […]})"));
  for (size_t g = 0; g < arr->size(); ++g) {
    NameGroup group;
    group.where = jsonPath(at, g);
    auto v = arr->get(g);
    if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
      throw InputError(group.where,
                       Message("must be a group object ({\"heading\": \"…\", \"names\": […]}), "
                               "found {0}",
                               jsonType(v)));
    }
    auto obj = v.extract<Poco::JSON::Object::Ptr>();
    for (const auto& [key, value] : *obj) {
      if (key != "heading" && key != "names" && key != "entries" && key != "columns") {
        throw InputError(jsonPath(group.where, key),
                         Message("unknown key (a group has heading, names or entries, columns)"));
      }
    }
    if (obj->has("names") == obj->has("entries")) {
      throw InputError(group.where,
                       obj->has("names")
                           ? Message("a group has either \"names\" (a list of names) or "
                                     "\"entries\" (a list of {\"unit\", \"name\", \"position\"}), "
                                     "not both")
                           : Message("a group has either \"names\" (a list of names) or "
                                     "\"entries\" (a list of {\"unit\", \"name\", \"position\"}), "
                                     "not neither"));
    }
    if (obj->has("heading"))
      group.heading = textAt(obj->get("heading"), jsonPath(group.where, "heading"), false);
    if (obj->has("names")) {
      const std::string namesAt = jsonPath(group.where, "names");
      auto names = arrayOf(obj->get("names"), namesAt, Message("a list of names"));
      for (size_t i = 0; i < names->size(); ++i) {
        NameItem item;
        item.where = jsonPath(namesAt, i);
        item.text = textAt(names->get(i), item.where, true);
        group.names.push_back(std::move(item));
      }
    } else {
      const std::string entriesAt = jsonPath(group.where, "entries");
      auto entries = arrayOf(obj->get("entries"), entriesAt, Message("a list of entries"));
      for (size_t i = 0; i < entries->size(); ++i) {
        EntryRow row;
        row.where = jsonPath(entriesAt, i);
        auto e = entries->get(i);
        if (e.type() != typeid(Poco::JSON::Object::Ptr)) {
          throw InputError(row.where,
                           Message("must be an entry ({\"unit\": \"…\", \"name\": \"…\", "
                                   "\"position\": \"…\"}), found {0}",
                                   jsonType(e)));
        }
        auto eo = e.extract<Poco::JSON::Object::Ptr>();
        for (const auto& [key, cell] : *eo) {
          if (std::find(entryKeys.begin(), entryKeys.end(), key) == entryKeys.end()) {
            throw InputError(jsonPath(row.where, key),
                             Message("unknown column (the table has {0})", joinedNames(entryKeys)));
          }
          row.cells[key] = textAt(cell, jsonPath(row.where, key), false);
        }
        bool any = false;
        for (const auto& [key, text] : row.cells) any = any || !trimmedText(text).empty();
        if (!any)
          throw InputError(row.where, Message("is empty: give a unit, a name or a position"));
        group.entries.push_back(std::move(row));
      }
      if (group.entries.empty())
        throw InputError(entriesAt, Message("is empty: a table needs at least one entry"));
      if (obj->has("columns")) {
        const std::string columnsAt = jsonPath(group.where, "columns");
        auto cols = arrayOf(obj->get("columns"), columnsAt, Message("a list of column keys"));
        for (size_t i = 0; i < cols->size(); ++i) {
          auto c = cols->get(i);
          if (!c.isString() ||
              std::find(entryKeys.begin(), entryKeys.end(), c.toString()) == entryKeys.end()) {
            throw InputError(jsonPath(columnsAt, i),
                             Message("must be one of the table's column keys"));
          }
          group.columns.push_back(c.toString());
        }
      }
    }
    groups.push_back(std::move(group));
  }
  return content;
}

void placeNameGroups(FlowContext& ctx, const FlowElement& el, const NameGroupsSpec& spec,
                     const Record& record) {
  const auto* content = record.content<NameGroupsContent>(el.field);
  if (!content) return;
  const std::string& sortField = spec.sortField;
  const NameOrder order =
      parseNameOrder(record.has(sortField) ? record.text(sortField) : "", record.path(sortField));
  NameCollator collator(order, spec.compoundSurnames);
  const auto groups = orderedGroups(ctx, *content, collator);

  const TextStyle& headingStyle = ctx.layout().style(spec.headingStyle);
  ctx.skipLines(el.blankLinesBefore);
  for (size_t g = 0; g < groups.size(); ++g) {
    const NameGroup& group = groups[g];
    if (g > 0) ctx.skipLines(spec.blankLinesBetweenGroups);
    if (!group.heading.empty()) {
      ShapedText shaped = ctx.shape(group.heading, headingStyle, group.where + ".heading");
      auto lines = composeParagraph(shaped, ctx.paragraphStyle(headingStyle));
      // A heading never stays alone at the bottom of a page: it goes with its first row
      // (a table's first row comes with the table's header: two lines at least).
      const int needed = static_cast<int>(lines.size()) + (group.isTable() ? 2 : 1);
      if (!ctx.onFreshPage() && ctx.linesLeft() < needed) ctx.newPage();
      ctx.placeParagraph(std::make_shared<const ShapedText>(std::move(shaped)), lines, std::nullopt,
                         true);
    }
    if (group.isTable()) {
      placeEntryTable(ctx, spec, group);
    } else {
      placeNameGrid(ctx, spec, group);
    }
  }
  ctx.skipLines(el.blankLinesAfter);
}

}  // namespace gongwen
