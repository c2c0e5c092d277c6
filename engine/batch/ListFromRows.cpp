#include "batch/ListFromRows.h"

#include <Poco/JSON/Array.h>

#include <map>

#include "common/Errors.h"

namespace gongwen {
namespace {

enum class Column { None, Group, Name, Unit, Position, Index };

// The headers each column of a register goes by (compared by headerKey).
Column columnOf(const std::string& header) {
  static const std::map<std::string, Column> kHeaders = [] {
    std::map<std::string, Column> m;
    auto add = [&](Column c, std::initializer_list<const char*> names) {
      for (const char* n : names) m.emplace(headerKey(n), c);
    };
    add(Column::Group, {"分组", "类别", "奖项", "组别", "获奖类别", "表彰类别", "荣誉称号",
                        "奖项名称", "group", "heading"});
    add(Column::Name,
        {"姓名", "名称", "单位名称", "获奖单位", "获奖者", "获奖单位或个人", "单位或个人", "name"});
    add(Column::Unit, {"单位", "工作单位", "所在单位", "unit"});
    add(Column::Position, {"职务", "职称", "职务职称", "职务或职称", "position"});
    add(Column::Index, {"序号", "index", "no", "no."});
    return m;
  }();
  auto it = kHeaders.find(headerKey(header));
  return it == kHeaders.end() ? Column::None : it->second;
}

Message rowName(const SheetRows& sheet, size_t row) { return rowPlace(sheet.sheet, row); }

// `column` 0-based.
Message cellName(const SheetRows& sheet, size_t row, size_t column) {
  return cellPlace(sheet.sheet, row, columnLetters(column + 1));
}

}  // namespace

ListRecord listFromRows(std::string_view bytes, const std::string& source,
                        const ListOptions& options) {
  if (options.title.empty())
    throw InputError(source, Message("a commendation list needs a title (--title)"));
  if (!options.sort.empty() && options.sort != "given" && options.sort != "strokes" &&
      options.sort != "pinyin") {
    throw InputError("sort", Message("must be given, strokes (姓氏笔画) or pinyin, found \"{0}\"",
                                     options.sort));
  }
  SheetRows sheet = readSheetRows(bytes, source, options.sheet);
  const std::string where = sheet.sheet.empty() ? source : source + " [" + sheet.sheet + "]";

  // The header: the first row naming two of the register's columns.
  size_t header = sheet.rows.size();
  for (size_t r = 0; r < sheet.rows.size() && r < 50; ++r) {
    size_t known = 0;
    for (const auto& c : sheet.rows[r].cells) known += !c.empty() && columnOf(c) != Column::None;
    if (known >= 2) {
      header = r;
      break;
    }
  }
  if (header == sheet.rows.size()) {
    throw InputError(where,
                     Message("no header row found: a register names its columns 分组 (or 类别, "
                             "奖项) and 姓名 (or 名称), optionally 单位 and 职务, in one row"));
  }
  const SheetRow& head = sheet.rows[header];
  ListRecord out;
  std::map<Column, size_t> at;
  for (size_t k = 0; k < head.cells.size(); ++k) {
    if (head.cells[k].empty()) continue;
    const Column c = columnOf(head.cells[k]);
    if (c == Column::None) {
      out.warnings.push_back(
          Message("{0}: {1}", cellName(sheet, head.number, k),
                  Message("\"{0}\" is not a column of a commendation list (分组, 姓名, 单位, "
                          "职务); its cells are ignored",
                          head.cells[k])));
      continue;
    }
    if (!at.emplace(c, k).second && c != Column::Index) {
      throw InputError(
          where, Message("{0}: {1}", rowName(sheet, head.number),
                         Message("columns {0} and {1} are the same column ({2}); "
                                 "keep one",
                                 columnLetters(at[c] + 1), columnLetters(k + 1), head.cells[k])));
    }
  }
  if (!at.count(Column::Name)) {
    throw InputError(where, Message("{0}: {1}", rowName(sheet, head.number),
                                    Message("no name column (姓名 or 名称) in the header")));
  }
  const bool table = at.count(Column::Unit) || at.count(Column::Position);
  auto cell = [&](const SheetRow& row, Column c) -> std::string {
    auto it = at.find(c);
    if (it == at.end() || it->second >= row.cells.size()) return "";
    return row.cells[it->second];
  };

  // Groups in the order they first appear; a blank group cell continues the one above (a
  // merged cell, or a register that names each group once).
  std::vector<std::string> order;
  std::map<std::string, Poco::JSON::Array::Ptr> members;
  std::string group;
  for (size_t r = header + 1; r < sheet.rows.size(); ++r) {
    const SheetRow& row = sheet.rows[r];
    for (const auto& [column, message] : row.cellErrors) {
      for (const auto& [c, k] : at) {
        if (k == column && c != Column::Index) throw InputError(where, message);
      }
    }
    const std::string name = cell(row, Column::Name);
    const std::string unit = cell(row, Column::Unit);
    const std::string position = cell(row, Column::Position);
    if (!cell(row, Column::Group).empty()) group = cell(row, Column::Group);
    if (name.empty() && unit.empty() && position.empty()) continue;
    if (name.empty() && !table) {
      throw InputError(where, Message("{0}: {1}", cellName(sheet, row.number, at[Column::Name]),
                                      Message("the name is empty")));
    }
    if (at.count(Column::Group) && group.empty()) {
      throw InputError(where, Message("{0}: {1}", cellName(sheet, row.number, at[Column::Group]),
                                      Message("the first row of names has no group")));
    }
    auto& list = members[group];
    if (!list) {
      list = new Poco::JSON::Array;
      order.push_back(group);
    }
    if (table) {
      Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      if (!unit.empty()) entry->set("unit", unit);
      if (!name.empty()) entry->set("name", name);
      if (!position.empty()) entry->set("position", position);
      list->add(entry);
    } else {
      list->add(name);
    }
    ++out.rows;
  }
  if (order.empty()) throw InputError(where, Message("no names under the header; nothing to list"));

  Poco::JSON::Array::Ptr groups = new Poco::JSON::Array;
  for (const auto& g : order) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    if (!g.empty()) o->set("heading", g);
    if (table) {
      o->set("entries", members[g]);
      Poco::JSON::Array::Ptr columns = new Poco::JSON::Array;
      columns->add("index");
      if (at.count(Column::Unit)) columns->add("unit");
      columns->add("name");
      if (at.count(Column::Position)) columns->add("position");
      o->set("columns", columns);
    } else {
      o->set("names", members[g]);
    }
    groups->add(o);
  }
  out.groups = order.size();
  out.record = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out.record->set("layout", "commendation-list");
  out.record->set("title", options.title);
  if (!options.preamble.empty()) out.record->set("preamble", options.preamble);
  out.record->set("groups", groups);
  if (!options.sort.empty()) out.record->set("sort", options.sort);
  return out;
}

}  // namespace gongwen
