#!/usr/bin/python3
"""Writes the workbooks the xlsx reader's tests read (tests/batch/Xlsx_test.cpp), with two
writers that share no code with gongwen: openpyxl and XlsxWriter (Debian's
python3-openpyxl, python3-xlsxwriter). Usage: make_workbooks.py OUT_DIR [--big]
(--big: also a sheet of 1 000 000 rows and a zip bomb, written as raw parts)."""
import datetime
import os
import sys
import zipfile

import openpyxl
import xlsxwriter

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def path(name):
    return os.path.join(out, name)


HEADER = ["获奖单位或个人", "奖励事由", "颁奖单位", "颁奖日期", "证书编号"]

# openpyxl: a merged title row above the header, date cells (1900 system), a serial typed
# as text (000123), a whole number, a boolean, shared strings.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "名单"
ws["A1"] = "2011年度南京市质量奖获奖名单"
ws.merge_cells("A1:E1")
ws.append(HEADER)
ws.append(["南京长江涂料有限公司", "荣获2011年度南京市质量奖。", "南京市人民政府",
           datetime.date(2012, 6, 13), "000123"])
ws["E3"].number_format = "@"
ws.append(["张三", "荣获先进个人。", "南京市人民政府", datetime.date(1900, 2, 28), 42])
ws.append(["李四", "荣获先进个人。", "南京市人民政府", "2012年6月13日", True])
ws["D5"].number_format = "@"
wb.save(path("openpyxl.xlsx"))

# openpyxl: a formula with no cached value (openpyxl never calculates).
wb = openpyxl.Workbook()
ws = wb.active
ws.append(HEADER)
ws.append(["张三", "荣获先进个人。", "南京市人民政府", datetime.date(2012, 6, 13), "=1+1"])
wb.save(path("formula-no-value.xlsx"))

# openpyxl: merged cells among the records.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(HEADER)
ws.append(["张三", "荣获先进个人。", "南京市人民政府", datetime.date(2012, 6, 13), "1"])
ws.append(["李四", "荣获先进个人。", "南京市人民政府", datetime.date(2012, 6, 13), "2"])
ws.merge_cells("B3:C3")
wb.save(path("merged-data.xlsx"))

# openpyxl: no row names the fields.
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["甲", "乙", "丙"])
ws.append([1, 2, 3])
wb.save(path("no-header.xlsx"))

# openpyxl: two sheets; the second holds the records.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "说明"
ws["A1"] = "第二张表是名单"
ws2 = wb.create_sheet("名单")
ws2.append(["姓名", "事由", "颁发单位", "日期"])
ws2.append(["王五", "荣获先进个人。", "南京市人民政府", datetime.date(2012, 6, 13)])
wb.save(path("two-sheets.xlsx"))


def xlsxwriter_book(name, options):
    wb = xlsxwriter.Workbook(path(name), options)
    ws = wb.add_worksheet("Sheet1")
    date = wb.add_format({"num_format": "yyyy年m月d日"})
    iso = wb.add_format({"num_format": "yyyy-mm-dd"})
    text = wb.add_format({"num_format": "@"})
    filled = wb.add_format({"bg_color": "#FFFF00"})
    # Row by row, left to right: constant_memory mode writes each row out when the next
    # one starts. Trailing formatted empty columns (F–H) on every row, as Excel keeps them.
    def blanks(row):
        for col in range(5, 8):
            ws.write_blank(row, col, None, filled)

    for col, h in enumerate(HEADER):
        ws.write_string(0, col, h)
    blanks(0)
    ws.write_string(1, 0, "南京长江涂料有限公司")
    ws.write_string(1, 1, "荣获2011年度南京市质量奖。")
    ws.write_string(1, 2, "南京市人民政府")
    ws.write_datetime(1, 3, datetime.datetime(2012, 6, 13), date)
    ws.write_string(1, 4, "000123", text)
    blanks(1)
    ws.write_string(2, 0, "张三")
    ws.write_string(2, 1, "荣获先进个人。")
    ws.write_string(2, 2, "南京市人民政府")
    ws.write_datetime(2, 3, datetime.datetime(1904, 1, 1), iso)
    # A formula with its cached value (XlsxWriter writes the value it is given).
    ws.write_formula(2, 4, '="NJ-"&"7"', None, "NJ-7")
    blanks(2)
    ws.write_string(3, 0, "李四")
    ws.write_string(3, 1, "荣获先进个人。")
    ws.write_string(3, 2, "南京市人民政府")
    ws.write_datetime(3, 3, datetime.datetime(2000, 2, 29), iso)
    ws.write_number(3, 4, 123.0)
    blanks(3)
    blanks(4)
    wb.close()


# Shared strings, 1900 date system.
xlsxwriter_book("xlsxwriter.xlsx", {})
# Inline strings (constant_memory mode writes every string inline), 1904 date system.
xlsxwriter_book("xlsxwriter-1904-inline.xlsx", {"constant_memory": True, "date_1904": True})


# A date-formatted cell whose number lies past 9999-12-31 (Excel shows ####): no date, and
# a number far too large for any integer type.
def far_date_book(name, number):
    wb = xlsxwriter.Workbook(path(name))
    ws = wb.add_worksheet("Sheet1")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    for col, h in enumerate(HEADER):
        ws.write_string(0, col, h)
    ws.write_string(1, 0, "张三")
    ws.write_string(1, 1, "荣获先进个人。")
    ws.write_string(1, 2, "南京市人民政府")
    ws.write_number(1, 3, number, date)
    wb.close()


far_date_book("far-date.xlsx", 4.1e69)
far_date_book("date-10000.xlsx", 2958466)


# Many rows, written as raw parts (fast): a sheet of 1 000 000 rows and a zip bomb.
def raw_book(name, sheet_rows):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships"><sheets><sheet name="Big" sheetId="1" '
                   'r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://'
                   'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><sheetData>')
            sheet_rows(f)
            f.write(b"</sheetData></worksheet>")


RAW_HEADER = b"".join(
    b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (col, name)
    for col, name in [(b"A", b"recipient"), (b"B", b"citation"), (b"C", b"issuer"), (b"D", b"date")])
RAW_HEADER = b'<row r="1">' + RAW_HEADER + b"</row>"


def million_rows(f):
    f.write(RAW_HEADER)
    chunk = []
    for r in range(2, 1_000_001):
        chunk.append(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>N%d</t></is></c></row>'
                     % (r, r, r))
        if len(chunk) == 10000:
            f.write(b"".join(chunk))
            chunk = []
    f.write(b"".join(chunk))


def bomb(f):
    f.write(RAW_HEADER)
    f.write(b"<!--" + b" " * (8 << 20) + b"-->")


if "--big" in sys.argv[2:]:
    raw_book("million-rows.xlsx", million_rows)
    raw_book("bomb.xlsx", bomb)
