// 表彰名单: the "name_groups" flow element. Each group's heading (kept with what follows it),
// then its names on a grid of equal columns or its entries as a ruled table.
#include "layout/elements/NameGroups.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

#include "common/Errors.h"
#include "common/Json.h"
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

std::u32string textAt(FlowContext& ctx, const Poco::Dynamic::Var& v, const std::string& where,
                      bool required) {
  if (v.isEmpty() && !required) return {};
  if (!v.isString()) throw InputError(where, Message("must be a string, found {0}", jsonType(v)));
  const std::string s = v.toString();
  checkPrintable(s, where, false);
  std::u32string text = trimmedText(ctx.prepare(s));
  if (required && text.empty()) throw InputError(where, Message("is empty: give a name"));
  return text;
}

}  // namespace

std::vector<NameGroup> readNameGroups(FlowContext& ctx, const Record& record,
                                      const std::string& field, const NameCollator& collator,
                                      const std::vector<std::string>& entryKeys) {
  std::vector<NameGroup> groups;
  if (!record.has(field)) return groups;
  const std::string at = record.path(field);
  auto arr = arrayOf(record.value(field), at,
                     Message("a list of groups ({\"heading\": \"…\", \"names\": […]})"));
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
      group.heading = textAt(ctx, obj->get("heading"), jsonPath(group.where, "heading"), false);
    if (obj->has("names")) {
      const std::string namesAt = jsonPath(group.where, "names");
      auto names = arrayOf(obj->get("names"), namesAt, Message("a list of names"));
      std::vector<std::u32string> texts;
      for (size_t i = 0; i < names->size(); ++i) {
        NameItem item;
        item.where = jsonPath(namesAt, i);
        item.text = textAt(ctx, names->get(i), item.where, true);
        texts.push_back(item.text);
        group.names.push_back(std::move(item));
      }
      std::vector<NameItem> sorted;
      for (size_t i : collator.order(texts)) sorted.push_back(group.names[i]);
      group.names = std::move(sorted);
    } else {
      const std::string entriesAt = jsonPath(group.where, "entries");
      auto entries = arrayOf(obj->get("entries"), entriesAt, Message("a list of entries"));
      std::vector<std::u32string> keys;
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
        for (const auto& [key, value] : *eo) {
          if (std::find(entryKeys.begin(), entryKeys.end(), key) == entryKeys.end()) {
            throw InputError(jsonPath(row.where, key),
                             Message("unknown column (the table has {0})", joinedNames(entryKeys)));
          }
          row.cells[key] = textAt(ctx, value, jsonPath(row.where, key), false);
        }
        bool any = false;
        for (const auto& [key, text] : row.cells) any = any || !text.empty();
        if (!any)
          throw InputError(row.where, Message("is empty: give a unit, a name or a position"));
        keys.push_back(row.cells.count("name") && !row.cells["name"].empty() ? row.cells["name"]
                                                                             : row.cells["unit"]);
        group.entries.push_back(std::move(row));
      }
      if (group.entries.empty())
        throw InputError(entriesAt, Message("is empty: a table needs at least one entry"));
      std::vector<EntryRow> sorted;
      for (size_t i : collator.order(keys)) sorted.push_back(group.entries[i]);
      group.entries = std::move(sorted);
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
  return groups;
}

void placeNameGroups(FlowContext& ctx, const FlowElement& el, const NameGroupsSpec& spec,
                     const Record& record) {
  if (!record.has(el.field)) return;
  const std::string& sortField = spec.sortField;
  const NameOrder order =
      parseNameOrder(record.has(sortField) ? record.text(sortField) : "", record.path(sortField));
  NameCollator collator(order, spec.compoundSurnames);
  std::vector<std::string> entryKeys = {"index"};
  for (const NameGroupsSpec::Column& c : spec.tableColumns) {
    const std::string& key = c.key;
    if (std::find(entryKeys.begin(), entryKeys.end(), key) == entryKeys.end())
      entryKeys.push_back(key);
  }
  const auto groups = readNameGroups(ctx, record, el.field, collator, entryKeys);

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
