// Spreadsheets for the benchmarks (sheet_bench.cpp) and the memory figure (sheet_rss.cpp):
// N certificate rows as CSV, and as an .xlsx the way Excel writes one (shared strings, date
// cells by their number format, numbers) — or with the names as inline strings.
#pragma once

#include <Poco/Zip/Compress.h>

#include <sstream>
#include <string>

namespace gongwen::bench {

inline const std::string kCitation = "荣获2011年度南京市质量奖。特发此状，以资鼓励。";
inline const std::string kIssuer = "南京市人民政府";

inline std::string csvRows(int rows) {
  std::string csv = "获奖单位或个人,奖励事由,颁奖单位,颁奖日期,证书编号\n";
  for (int r = 0; r < rows; ++r) {
    csv += "南京第" + std::to_string(r) + "精密机械有限公司," + kCitation + "," + kIssuer +
           ",2012-06-13," + std::to_string(100000 + r) + "\n";
  }
  return csv;
}

// `inlineStrings`: the names as inline strings (no shared-string table grows with the rows).
inline std::string xlsxRows(int rows, bool inlineStrings = false) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::string strings = "<sst xmlns=\"" + ns +
                        "\"><si><t>获奖单位或个人</t></si><si><t>奖励事由</t></si>"
                        "<si><t>颁奖单位</t></si><si><t>颁奖日期</t></si><si><t>证书编号</t></si>"
                        "<si><t>" +
                        kCitation + "</t></si><si><t>" + kIssuer + "</t></si>";
  std::string sheet = "<worksheet xmlns=\"" + ns + "\"><sheetData><row r=\"1\">";
  const char* cols = "ABCDE";
  for (int c = 0; c < 5; ++c) {
    sheet += std::string("<c r=\"") + cols[c] + "1\" t=\"s\"><v>" + std::to_string(c) + "</v></c>";
  }
  sheet += "</row>";
  for (int r = 0; r < rows; ++r) {
    const std::string n = std::to_string(r + 2);
    const std::string name = "南京第" + std::to_string(r) + "精密机械有限公司";
    if (!inlineStrings) strings += "<si><t>" + name + "</t></si>";
    sheet += "<row r=\"" + n + "\"><c r=\"A" + n +
             (inlineStrings ? "\" t=\"inlineStr\"><is><t>" + name + "</t></is></c>"
                            : "\" t=\"s\"><v>" + std::to_string(7 + r) + "</v></c>") +
             "<c r=\"B" + n + "\" t=\"s\"><v>5</v></c><c r=\"C" + n +
             "\" t=\"s\"><v>6</v></c><c r=\"D" + n + "\" s=\"1\"><v>41073</v></c><c r=\"E" + n +
             "\"><v>" + std::to_string(100000 + r) + "</v></c></row>";
  }
  strings += "</sst>";
  sheet += "</sheetData></worksheet>";
  const std::string workbook =
      "<workbook xmlns=\"" + ns +
      "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"http://"
      "schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"/>"
      "</Relationships>";
  const std::string styles = "<styleSheet xmlns=\"" + ns +
                             "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" "
                             "applyNumberFormat=\"1\"/></cellXfs></styleSheet>";
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  auto add = [&](const std::string& name, const std::string& text) {
    std::istringstream in(text);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX));
  };
  add("xl/workbook.xml", workbook);
  add("xl/_rels/workbook.xml.rels", rels);
  add("xl/sharedStrings.xml", strings);
  add("xl/styles.xml", styles);
  add("xl/worksheets/sheet1.xml", sheet);
  zip.close();
  return out.str();
}

}  // namespace gongwen::bench
