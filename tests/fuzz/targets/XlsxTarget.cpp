// Any bytes as the worksheet of a workbook (stored, not deflated, so that the bytes reach
// the part scanner as they are): shared strings, styles with a date format and the
// workbook around it are fixed. Reading must end in rows or an InputError.
#include <Poco/Zip/Compress.h>

#include <sstream>
#include <string>
#include <string_view>

#include "batch/XlsxReader.h"
#include "common/Errors.h"
#include "fuzz/targets/FuzzTargets.h"

namespace gongwen::fuzz {

int xlsxSheet(const uint8_t* data, size_t size) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::ostringstream out;
  {
    Poco::Zip::Compress zip(out, true);
    auto add = [&](const std::string& name, const std::string& text) {
      std::istringstream in(text);
      zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX),
                  Poco::Zip::ZipCommon::CM_STORE);
    };
    add("xl/workbook.xml",
        "<workbook xmlns=\"" + ns +
            "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    add("xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    add("xl/sharedStrings.xml",
        "<sst xmlns=\"" + ns + "\"><si><t>a</t></si><si><t>b</t></si></sst>");
    add("xl/styles.xml", "<styleSheet xmlns=\"" + ns +
                             "\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"
                             "</styleSheet>");
    add("xl/worksheets/sheet1.xml", std::string(reinterpret_cast<const char*>(data), size));
    zip.close();
  }
  try {
    XlsxLimits limits;
    limits.maxInflatedBytes = 16u << 20;
    limits.maxRows = 10000;
    const SheetRows rows = readXlsx(out.str(), "fuzz", limits);
    for (const auto& row : rows.rows) {
      if (row.cells.size() > 16384 || row.number == 0) __builtin_trap();
    }
  } catch (const InputError&) {
  }
  return 0;
}

}  // namespace gongwen::fuzz
