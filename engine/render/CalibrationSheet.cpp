#include "render/CalibrationSheet.h"

#include <cmath>
#include <cstdio>

#include "common/Errors.h"
#include "common/Units.h"
#include "common/Utf8.h"
#include "layout/BoxComposer.h"
#include "layout/BoxTemplate.h"
#include "layout/TextFitter.h"
#include "pdf/PdfWriter.h"
#include "text/Shaper.h"

namespace gongwen {
namespace {

const Color kInk{0.1, 0.1, 0.1};
const Color kBoxColor{0.75, 0.1, 0.15};
constexpr double kHair = 0.1;  // mm, the width of a tick or a crosshair line

void line(Page& page, double x0, double y0, double x1, double y1, const Color& c) {
  // Horizontal or vertical hairlines, as filled rectangles centred on the line (mm).
  const double w = mmToPt(kHair);
  FilledRect r;
  r.color = c;
  if (y0 == y1) {
    r = {mmToPt(std::min(x0, x1)), mmToPt(y0) - w / 2, mmToPt(std::abs(x1 - x0)), w, c};
  } else {
    r = {mmToPt(x0) - w / 2, mmToPt(std::min(y0, y1)), w, mmToPt(std::abs(y1 - y0)), c};
  }
  page.items.emplace_back(r);
}

class Writer {
 public:
  Writer(const Engine& engine, Page& page) : fonts_(engine.fonts()), shaper_(fonts_), page_(page) {}

  // `text` fitted into the box (mm) at `sizePt`, shrunk down to 6 pt when it must.
  void text(const std::string& text, double x, double y, double w, double h, double sizePt,
            Alignment align = Alignment::Left, const Color& color = kInk) {
    TextBoxSpec box;
    box.role = "calibration";
    box.where = "calibration sheet";
    box.x = mmToPt(x);
    box.y = mmToPt(y);
    box.width = mmToPt(w);
    box.height = mmToPt(h);
    box.font = "songti";
    box.sizePt = sizePt;
    box.minSizePt = std::min(sizePt, 5.0);
    box.color = color;
    box.align = align;
    box.maxLines = 40;
    box.lineSpacing = 1.4;
    box.fit = BoxFit::WrapThenShrink;
    box.wordBreaks = false;
    FitRequest request;
    request.box = &box;
    std::u32string all = decodeUtf8(text);
    size_t start = 0;
    while (start <= all.size()) {
      size_t end = all.find(U'\n', start);
      if (end == std::u32string::npos) end = all.size();
      request.paragraphs.push_back(all.substr(start, end - start));
      start = end + 1;
    }
    request.font = fonts_.font(box.font);
    request.where = box.where;
    request.missing.allowMissing = true;
    placeFitted(page_, fitText(shaper_, request), box.x);
  }

 private:
  const FontRegistry& fonts_;
  Shaper shaper_;
  Page& page_;
};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void rulers(Page& page, Writer& writer, double wMm, double hMm) {
  auto tick = [](int mm) { return mm % 10 == 0 ? 5.0 : mm % 5 == 0 ? 3.0 : 1.8; };
  for (int x = 0; x <= static_cast<int>(wMm); ++x) {
    line(page, x, 0, x, tick(x), kInk);
    line(page, x, hMm, x, hMm - tick(x), kInk);
    if (x % 10 == 0 && x > 0 && x + 5 < wMm) {
      writer.text(std::to_string(x), x - 5, 5.5, 10, 3, 6, Alignment::Center);
      writer.text(std::to_string(x), x - 5, hMm - 8.5, 10, 3, 6, Alignment::Center);
    }
  }
  for (int y = 0; y <= static_cast<int>(hMm); ++y) {
    line(page, 0, y, tick(y), y, kInk);
    line(page, wMm, y, wMm - tick(y), y, kInk);
    if (y % 10 == 0 && y > 0 && y + 5 < hMm) {
      writer.text(std::to_string(y), 5.5, y - 1.5, 8, 3, 6);
      writer.text(std::to_string(y), wMm - 13.5, y - 1.5, 8, 3, 6, Alignment::Right);
    }
  }
}

void crosshair(Page& page, double x, double y, const Color& c) {
  constexpr double arm = 4;  // mm
  line(page, x - arm, y, x + arm, y, c);
  line(page, x, y - arm, x, y + arm, c);
}

}  // namespace

DisplayList calibrationSheet(const Engine& engine, const std::string& layoutName,
                             const PrintAdjust& adjust) {
  const Layout& layout = engine.layouts().get(layoutName);
  const BoxTemplate* tpl = engine.boxTemplate(layoutName);
  if (!tpl) {
    throw InputError("--layout", Message("\"{0}\" is not a certificate (\"boxes\") layout: a "
                                         "calibration sheet shows the boxes of one",
                                         layoutName));
  }
  const double wMm = layout.page.widthMm, hMm = layout.page.heightMm;
  DisplayList list;
  Page& page = list.pages.emplace_back();
  page.widthPt = mmToPt(wMm);
  page.heightPt = mmToPt(hMm);
  Writer writer(engine, page);
  rulers(page, writer, wMm, hMm);
  crosshair(page, wMm / 2, hMm / 2, kInk);

  for (const TextBoxSpec& box : tpl->boxes) {
    const double x0 = ptToMm(box.x), y0 = ptToMm(box.y);
    const double x1 = ptToMm(box.x + box.width), y1 = ptToMm(box.y + box.height);
    for (double x : {x0, x1}) {
      for (double y : {y0, y1}) crosshair(page, x, y, kBoxColor);
    }
    const std::string label = box.role + (box.preprinted ? "（卡上已印）" : "") + "  (" +
                              number(std::round(x0 * 10) / 10) + ", " +
                              number(std::round(y0 * 10) / 10) + ")";
    writer.text(label, x0 + 1, y0 + 1, std::max(4.0, x1 - x0 - 2), std::min(4.0, y1 - y0), 7,
                Alignment::Left, kBoxColor);
  }

  const std::string title =
      "套打校准页 · 版式 " + layoutName + "（" + layout.label + "） · " + number(wMm) + " × " +
      number(hMm) + " 毫米" +
      (adjust.moves() ? " · 已按 " + describe(adjust).text(Language::Chinese) : "");
  const std::string far = number(std::floor(wMm / 10) * 10 - 10);
  const std::string steps =
      "1. 用普通白纸打印本页，选“实际大小”（100 %），不要选“适合页面”；纸张 " + number(wMm) +
      " × " + number(hMm) +
      " 毫米，进纸方式与卡纸相同。\n"
      "2. 量偏移：纸的左边缘到印出的“50”刻度距离 d，X = 50 − d；上边缘到印出的“50”刻度距离 e，"
      "Y = 50 − e（毫米，向右、向下为正）。\n"
      "3. 或把本页与空白卡纸边对边叠齐，对着光看：红十字是各框的四角，文字印在框内。"
      "卡上的横线比十字偏右几毫米，X 就是正几；偏下几毫米，Y 就是正几（偏左、偏上为负）。\n"
      "4. 比例：量印出的刻度 10 到 " +
      far + " 的实长 L，比例 = (" + far +
      " − 10) ÷ L；与直尺一致则不用设。\n"
      "5. 保存：gongwen printer set 打印机名 --offset X,Y [--scale 比例]（每个纸盒可各存一个），"
      "以后 render、batch 加 --printer 打印机名，网页上选同一配置；"
      "用 gongwen calibrate --layout " +
      layoutName + " --printer 打印机名 再印一张核对。";
  // The instructions inside the layout's largest text box, clear of its crosshairs and
  // label, so that they never cover a crosshair.
  const TextBoxSpec* largest = nullptr;
  for (const TextBoxSpec& box : tpl->boxes) {
    if (box.imageField.empty() &&
        (!largest || box.width * box.height > largest->width * largest->height))
      largest = &box;
  }
  double x = wMm * 0.2, y = hMm * 0.3, w = wMm * 0.6, h = hMm * 0.4;
  if (largest) {
    x = ptToMm(largest->x) + 5;
    y = ptToMm(largest->y) + 6;
    w = ptToMm(largest->width) - 10;
    h = ptToMm(largest->height) - 10;
  }
  writer.text(title + "\n" + steps, x, y, w, h, 9);
  applyPrintAdjust(list, adjust);
  list.info.title = "套打校准页 " + layoutName;
  return list;
}

std::vector<uint8_t> calibrationSheetPdf(const Engine& engine, const std::string& layout,
                                         const PrintAdjust& adjust) {
  return writePdf(calibrationSheet(engine, layout, adjust));
}

}  // namespace gongwen
