// The groups of a commendation list (表彰名单): {"heading": "…", "names": […]} or
// {"heading": "…", "entries": [{"unit": "…", "name": "…", "position": "…"}]}, read from
// the record, checked (every problem names its JSON path) and put in the list's order.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <map>
#include <string>
#include <vector>

#include "layout/FlowContext.h"
#include "layout/elements/Specs.h"
#include "text/NameCollator.h"

namespace gongwen {

struct NameItem {
  std::u32string text;  // normalized, trimmed
  std::string where;    // "$.groups[1].names[4]"
};

struct EntryRow {
  std::map<std::string, std::u32string> cells;  // column key → text ("unit", "name" …)
  std::string where;                            // "$.groups[2].entries[0]"
};

struct NameGroup {
  std::u32string heading;  // may be empty
  std::string where;
  std::vector<NameItem> names;       // a names group
  std::vector<EntryRow> entries;     // an entries group (a ruled table)
  std::vector<std::string> columns;  // the entries' columns to print ("" = the layout's)
  bool isTable() const { return !entries.empty(); }
};

// A groups field as read when the record is validated: checked, its texts as given (not yet
// normalized, trimmed or sorted).
struct NameGroupsContent : FieldContent {
  std::vector<NameGroup> groups;
};
// Reads a groups field's value (at `where`, an array of groups). `entryKeys` are the column
// keys an entry may have.
std::shared_ptr<const FieldContent> readNameGroups(const Poco::Dynamic::Var& value,
                                                   const std::string& where,
                                                   const std::vector<std::string>& entryKeys);
// The column keys an entry of the element's table may have.
std::vector<std::string> entryKeysOf(const NameGroupsSpec& spec);

// A names group on the grid (elements/NameGrid.cpp) and an entries group as a ruled table
// (elements/EntryTable.cpp); both start at the flow's next line.
void placeNameGrid(FlowContext& ctx, const NameGroupsSpec& spec, const NameGroup& group);
void placeEntryTable(FlowContext& ctx, const NameGroupsSpec& spec, const NameGroup& group);

}  // namespace gongwen
