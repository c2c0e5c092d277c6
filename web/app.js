// The gongwen web page: a form built from GET /v1/layouts, rendered with POST /v1/render,
// and a batch tab that sends a table (CSV or .xlsx) to POST /v1/batch. No framework, no
// build step.
"use strict";

const $ = (id) => document.getElementById(id);
let layouts = [];
let lastPdf = null; // {blob, name} of the last preview

// ---- talking to the server -------------------------------------------------------------

function token() {
  return sessionStorage.getItem("gongwen-token") || "";
}

async function api(path, options = {}) {
  // The page is Chinese: so are the server's messages and the layouts' descriptions, whatever
  // language the browser prefers.
  const headers = Object.assign({ "Accept-Language": "zh-CN" }, options.headers || {});
  if (token()) headers["Authorization"] = "Bearer " + token();
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) {
    $("token-bar").hidden = false;
    $("token-message").textContent = token() ? "令牌不正确，请重新输入。" : "此服务需要访问令牌。";
  }
  return response;
}

// The JSON error body of a failed request, or a stand-in when there is none.
async function errorOf(response) {
  try {
    return await response.json();
  } catch (e) {
    return { error: "HTTP " + response.status, detail: response.statusText };
  }
}

// The file name of a response: filename* (UTF-8) first, then filename.
function fileNameOf(response, fallback) {
  const cd = response.headers.get("Content-Disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch (e) {
      /* fall through */
    }
  }
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? plain[1] : fallback;
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function setStatus(element, text, kind) {
  element.textContent = text;
  element.className = "status" + (kind ? " " + kind : "");
}

// ---- layouts and the form -----------------------------------------------------------------

function fillLayoutSelect(select) {
  select.innerHTML = "";
  for (const l of layouts) {
    const option = document.createElement("option");
    option.value = l.name;
    option.textContent = l.label || l.name;
    select.appendChild(option);
  }
}

function currentLayout() {
  return layouts.find((l) => l.name === $("layout").value);
}

// One input per field, by type: string → one line, text → paragraphs, date → a date,
// list → one item per line, image → PNG or JPEG files sent as data: URIs (several: a list,
// joint seals), json → JSON text.
function inputFor(field) {
  let input;
  if (field.type === "text" || field.type === "list" || field.type === "json") {
    input = document.createElement("textarea");
    if (field.type === "text" || field.type === "json") input.className = "long";
  } else if (field.type === "image") {
    input = document.createElement("input");
    input.type = "file";
    input.accept = "image/png,image/jpeg";
    input.multiple = true; // joint seals: one per issuer, in order
  } else {
    input = document.createElement("input");
    input.type = field.type === "date" ? "date" : "text";
  }
  input.id = "field-" + field.name;
  input.name = field.name;
  input.dataset.type = field.type;
  if (field.description) input.title = field.description;
  return input;
}

function buildForm() {
  const layout = currentLayout();
  const box = $("fields");
  box.innerHTML = "";
  $("layout-description").textContent = layout ? layout.description || "" : "";
  if (!layout) return;
  for (const field of layout.fields) {
    const row = document.createElement("div");
    row.className = "row";
    const label = document.createElement("label");
    label.htmlFor = "field-" + field.name;
    label.textContent = field.label || field.name;
    if (field.required) label.classList.add("required");
    const hint = document.createElement("p");
    hint.className = "hint";
    const hints = {
      list: "每行一项",
      text: "每段一行",
      json: "每段一行；小标题等结构可写 JSON",
      image: "PNG 图片（如印章，透明背景）",
    };
    hint.textContent = hints[field.type] || "";
    const error = document.createElement("p");
    error.className = "field-error";
    error.id = "error-" + field.name;
    row.append(label, inputFor(field));
    if (hint.textContent) row.append(hint);
    row.append(error);
    box.appendChild(row);
  }
  $("download").disabled = true;
}

function readAsDataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

// The record as the server wants it; empty fields are left out.
async function collectRecord() {
  const layout = currentLayout();
  const record = { layout: layout.name };
  for (const field of layout.fields) {
    const input = $("field-" + field.name);
    if (field.type === "image") {
      const files = [...input.files];
      if (files.length === 1) record[field.name] = await readAsDataUrl(files[0]);
      if (files.length > 1) record[field.name] = await Promise.all(files.map(readAsDataUrl));
      continue;
    }
    const value = input.value;
    if (!value.trim()) continue;
    if (field.type === "list") {
      record[field.name] = value.split("\n").map((s) => s.trim()).filter((s) => s);
    } else if (field.type === "json") {
      // Plain text (paragraphs, one per line) goes as a string, which the layout's
      // element reads as paragraphs; text starting with [ or { is JSON (headings, lists).
      const t = value.trim();
      if (t.startsWith("[") || t.startsWith("{")) {
        try {
          record[field.name] = JSON.parse(t);
        } catch (e) {
          throw { error: "invalid field", field: "$." + field.name, detail: "不是有效的 JSON：" + e.message };
        }
      } else {
        record[field.name] = value;
      }
    } else {
      record[field.name] = value;
    }
  }
  return record;
}

function clearFieldErrors() {
  for (const el of document.querySelectorAll(".field-error")) el.textContent = "";
  for (const el of document.querySelectorAll(".invalid")) el.classList.remove("invalid");
}

// "$.body (paragraph 1)", "$.names[3]" → "body", "names".
function fieldNameOf(path) {
  const m = /^\$\.([A-Za-z0-9_]+)/.exec(path || "");
  return m ? m[1] : "";
}

function showError(error) {
  const name = fieldNameOf(error.field);
  const input = name && $("field-" + name);
  if (input) {
    input.classList.add("invalid");
    $("error-" + name).textContent = error.detail;
    input.focus();
  }
  setStatus($("status"), "未能生成：" + (error.detail || error.error), "error");
}

// The form's record rendered by POST /v1/render (with `query`): {record, response}, or
// null when the form or the server found an error (shown).
async function renderRecord(query) {
  let record;
  try {
    record = await collectRecord();
  } catch (error) {
    showError(error);
    return null;
  }
  const response = await api("/v1/render?" + printQuery(new URLSearchParams(query)).toString(), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(record),
  });
  if (!response.ok) {
    showError(await errorOf(response));
    return null;
  }
  return { record, response };
}

async function preview(event) {
  event.preventDefault();
  clearFieldErrors();
  $("download").disabled = true;
  setStatus($("status"), "正在生成……");
  const rendered = await renderRecord("");
  if (!rendered) return;
  const { record, response } = rendered;
  const blob = await response.blob();
  lastPdf = { blob, name: fileNameOf(response, record.layout + ".pdf") };
  const frame = $("preview-frame");
  if (frame.dataset.url) URL.revokeObjectURL(frame.dataset.url);
  frame.dataset.url = URL.createObjectURL(blob);
  frame.src = frame.dataset.url;
  await previewOnCard(record);
  $("preview-empty").hidden = true;
  $("download").disabled = false;
  const pages = response.headers.get("X-Gongwen-Pages") || "?";
  setStatus($("status"), "已生成“" + lastPdf.name + "”，共 " + pages + " 页。", "ok");
}

// ---- 套打: overlay, printer profiles (kept in this browser), the card behind the preview ----

const PRINTERS_KEY = "gongwen-printers"; // {name: {offset: [x, y], scale}}
const PRINTER_KEY = "gongwen-printer"; // the chosen profile's name

function savedPrinters() {
  try {
    return JSON.parse(localStorage.getItem(PRINTERS_KEY) || "{}") || {};
  } catch (e) {
    return {};
  }
}

function fillPrinterSelect(chosen) {
  const select = $("printer");
  const printers = savedPrinters();
  select.innerHTML = "";
  const none = document.createElement("option");
  none.value = "";
  none.textContent = "（不校准）";
  select.appendChild(none);
  for (const name of Object.keys(printers).sort()) {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    select.appendChild(option);
  }
  select.value = chosen in printers ? chosen : "";
  choosePrinter();
}

// Shows the chosen profile's numbers and remembers the choice.
function choosePrinter() {
  const name = $("printer").value;
  const p = savedPrinters()[name] || { offset: [0, 0], scale: 1 };
  $("offset-x").value = p.offset[0];
  $("offset-y").value = p.offset[1];
  $("scale").value = p.scale;
  $("printer-name").value = name;
  localStorage.setItem(PRINTER_KEY, name);
}

function savePrinter() {
  const name = $("printer-name").value.trim();
  if (!name) {
    $("printer-name").focus();
    return;
  }
  const printers = savedPrinters();
  printers[name] = {
    offset: [Number($("offset-x").value) || 0, Number($("offset-y").value) || 0],
    scale: Number($("scale").value) || 1,
  };
  localStorage.setItem(PRINTERS_KEY, JSON.stringify(printers));
  fillPrinterSelect(name);
}

function removePrinter() {
  const printers = savedPrinters();
  delete printers[$("printer").value];
  localStorage.setItem(PRINTERS_KEY, JSON.stringify(printers));
  fillPrinterSelect("");
}

// The query that asks for 套打 and the printer's offset and scale.
function printQuery(q) {
  if ($("overlay").checked) q.set("overlay", "1");
  const x = Number($("offset-x").value) || 0;
  const y = Number($("offset-y").value) || 0;
  const s = Number($("scale").value) || 1;
  if (x || y) q.set("offset", x + "," + y);
  if (s !== 1) q.set("scale", String(s));
  return q;
}

// The card's photo behind the preview, stretched to the page's size; never sent anywhere.
// Over it the page as SVG (POST /v1/render?format=svg, transparent), stretched the same way,
// so that each line shows where it will land on the card.
function showCard() {
  const stage = $("card-stage");
  const img = $("card-backdrop");
  const layout = currentLayout();
  const on = Boolean(img.dataset.url) && layout && layout.page_mm;
  stage.classList.toggle("on-card", Boolean(on));
  img.hidden = !on;
  $("card-overlay").hidden = !on || !$("card-overlay").dataset.url;
  stage.style.aspectRatio = on ? layout.page_mm.width + " / " + layout.page_mm.height : "";
}

function chooseCard() {
  const img = $("card-backdrop");
  if (img.dataset.url) URL.revokeObjectURL(img.dataset.url);
  const file = $("card-image").files[0];
  img.dataset.url = file ? URL.createObjectURL(file) : "";
  img.src = img.dataset.url;
  showCard();
}

function clearCard() {
  $("card-image").value = "";
  chooseCard();
}

// The page as SVG for the preview on the card (only when a card's photo is chosen).
async function previewOnCard(record) {
  const overlay = $("card-overlay");
  if (overlay.dataset.url) URL.revokeObjectURL(overlay.dataset.url);
  overlay.dataset.url = "";
  if ($("card-backdrop").dataset.url) {
    const q = printQuery(new URLSearchParams({ format: "svg" }));
    const response = await api("/v1/render?" + q.toString(), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(record),
    });
    if (response.ok) {
      overlay.dataset.url = URL.createObjectURL(await response.blob());
      overlay.src = overlay.dataset.url;
    }
  }
  showCard();
}

// The preview is always a PDF (browsers show it); OFD (GB/T 33190) is rendered on download.
async function downloadSingle() {
  if (!lastPdf) return;
  if ($("format").value !== "ofd") {
    saveBlob(lastPdf.blob, lastPdf.name);
    return;
  }
  const rendered = await renderRecord("?format=ofd");
  if (!rendered) return;
  const name = fileNameOf(rendered.response, rendered.record.layout + ".ofd");
  saveBlob(await rendered.response.blob(), name);
  setStatus($("status"), "已下载“" + name + "”。", "ok");
}

// ---- batch -------------------------------------------------------------------------------

function batchQuery(extra) {
  const q = new URLSearchParams({ layout: $("batch-layout").value });
  if ($("duplex").checked) q.set("duplex", "1");
  printQuery(q);
  if ($("batch-format").value === "ofd") q.set("format", "ofd");
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return "/v1/batch?" + q.toString();
}

// A file as a data: URI (FileReader), for a JSON body.
function dataUriOf(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

// The values every row shares (seal, issuer, date) from the form above the table.
async function sharedValues() {
  const defaults = {};
  for (const input of document.querySelectorAll("#shared-fields [data-field]")) {
    if (input.type === "file") {
      if (input.files.length) defaults[input.dataset.field] = await dataUriOf(input.files[0]);
    } else if (input.value.trim()) {
      defaults[input.dataset.field] = input.value.trim();
    }
  }
  return defaults;
}

// The table (CSV or .xlsx) and the shared values as one JSON body: {"layout", "defaults",
// "spreadsheet": "data:…;base64,…"}.
async function sendCsv(extra) {
  const file = $("csv-file").files[0];
  const body = {
    layout: $("batch-layout").value,
    defaults: await sharedValues(),
    spreadsheet: await dataUriOf(file),
  };
  return api(batchQuery(extra), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

// The form above the table: the layout's seal (a picker), issuer and date, which every row
// shares unless its own cell says otherwise.
function buildSharedFields() {
  const box = $("shared-fields");
  box.innerHTML = "";
  const layout = layouts.find((l) => l.name === $("batch-layout").value);
  if (!layout) return;
  for (const f of layout.fields) {
    if (!(f.type === "image" || f.name === "issuer" || f.type === "date")) continue;
    const row = document.createElement("div");
    row.className = "row";
    const label = document.createElement("label");
    label.htmlFor = "shared-" + f.name;
    label.textContent = (f.label || f.name) + "（各行共用）";
    const input = document.createElement("input");
    input.id = "shared-" + f.name;
    input.dataset.field = f.name;
    if (f.type === "image") {
      input.type = "file";
      input.accept = "image/png,image/jpeg";
    } else {
      input.type = "text";
      if (f.type === "date") input.placeholder = "2012-06-13 或 2012年6月13日";
    }
    row.append(label, input);
    box.appendChild(row);
  }
}

// One 表彰名单 from the table's rows (分组, 姓名, 单位, 职务): POST /v1/batch?list=1.
async function downloadList() {
  const status = $("batch-status");
  const file = $("csv-file").files[0];
  if (!file) {
    setStatus(status, "请先选择表格文件。", "error");
    return;
  }
  const title = $("list-title").value.trim();
  if (!title) {
    setStatus(status, "请填写名单标题。", "error");
    return;
  }
  const q = new URLSearchParams({ list: "1", title, sort: $("list-sort").value });
  const xlsx = /\.xlsx$/i.test(file.name);
  setStatus(status, "正在生成表彰名单……");
  const response = await api("/v1/batch?" + q.toString(), {
    method: "POST",
    headers: {
      "Content-Type": xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv",
    },
    body: file,
  });
  if (!response.ok) {
    const error = await errorOf(response);
    setStatus(status, "未能生成名单：" + (error.field ? error.field + "：" : "") + error.detail, "error");
    return;
  }
  const name = fileNameOf(response, "表彰名单.pdf");
  saveBlob(await response.blob(), name);
  setStatus(status, "已下载“" + name + "”。", "ok");
}

// "row 12" → "第 12 行"; "sheet "名单", row 12" → "名单 第 12 行".
function rowLabel(record) {
  const m = /^(?:sheet "(.*)", )?row (\d+)$/.exec(record);
  return m ? (m[1] ? m[1] + " " : "") + "第 " + m[2] + " 行" : record;
}

function fieldLabel(failure) {
  const m = /field ([A-Za-z0-9_]+)/.exec(failure.field || "");
  if (!m) return "";
  const layout = layouts.find((l) => l.name === $("batch-layout").value);
  const field = layout && layout.fields.find((f) => f.name === m[1]);
  return field && field.label ? field.label + "（" + field.name + "）" : m[1];
}

function showFailures(failures) {
  const table = $("batch-failures");
  const body = table.querySelector("tbody");
  body.innerHTML = "";
  for (const f of failures) {
    const tr = document.createElement("tr");
    for (const text of [rowLabel(f.record), fieldLabel(f), f.message]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  table.hidden = failures.length === 0;
}

async function checkBatch() {
  const status = $("batch-status");
  $("download-merged").disabled = true;
  $("download-zip").disabled = true;
  showFailures([]);
  if (!$("csv-file").files.length) {
    setStatus(status, "请先选择表格文件（CSV 或 Excel .xlsx）。", "error");
    return;
  }
  setStatus(status, "正在检查……");
  const response = await sendCsv({ dry_run: "1" });
  if (!response.ok) {
    const error = await errorOf(response);
    setStatus(status, "无法读取表格：" + (error.field ? error.field + "：" : "") + error.detail, "error");
    return;
  }
  const report = await response.json();
  showFailures(report.failures);
  const text =
    "共 " + report.total + " 条记录：" + report.good + " 条可以打印，" + report.failed + " 条有误" +
    (report.failed ? "（见下表，有误的不会打印）" : "") + "。";
  setStatus(status, text, report.good > 0 ? "ok" : "error");
  $("download-merged").disabled = report.good === 0;
  $("download-zip").disabled = report.good === 0;
}

async function downloadBatch(split) {
  const status = $("batch-status");
  const before = status.textContent;
  setStatus(status, "正在生成……");
  const response = await sendCsv(split ? { split: "1" } : {});
  if (!response.ok) {
    const error = await errorOf(response);
    setStatus(status, "未能生成：" + error.detail, "error");
    if (error.failures) showFailures(error.failures);
    return;
  }
  const blob = await response.blob();
  const name = fileNameOf(response, split ? "batch.zip" : "batch." + $("batch-format").value);
  saveBlob(blob, name);
  setStatus(status, before + " 已下载“" + name + "”。", "ok");
}

function downloadTemplate(event) {
  event.preventDefault();
  const layout = layouts.find((l) => l.name === $("batch-layout").value);
  if (!layout) return;
  const header = layout.fields.map((f) => f.label || f.name).join(",");
  // The header row only (the fields' Chinese labels, which the server matches as it does
  // their names); a BOM so that Excel opens it as UTF-8.
  const csv = "\ufeff" + header + "\r\n";
  saveBlob(new Blob([csv], { type: "text/csv" }), layout.name + "-模板.csv");
}

// ---- start -------------------------------------------------------------------------------

function selectTab(name) {
  for (const tab of ["single", "batch"]) {
    $("tab-" + tab).setAttribute("aria-selected", String(tab === name));
    $("panel-" + tab).hidden = tab !== name;
  }
}

async function loadLayouts() {
  const response = await api("/v1/layouts");
  if (!response.ok) {
    setStatus($("status"), "无法读取版式列表（HTTP " + response.status + "）。", "error");
    return;
  }
  layouts = (await response.json()).layouts;
  fillLayoutSelect($("layout"));
  fillLayoutSelect($("batch-layout"));
  buildForm();
  buildSharedFields();
  document.body.dataset.ready = "1";
}

function start() {
  $("tab-single").addEventListener("click", () => selectTab("single"));
  $("tab-batch").addEventListener("click", () => selectTab("batch"));
  $("layout").addEventListener("change", () => {
    buildForm();
    showCard();
  });
  $("printer").addEventListener("change", choosePrinter);
  $("printer-save").addEventListener("click", savePrinter);
  $("printer-remove").addEventListener("click", removePrinter);
  $("card-image").addEventListener("change", async () => {
    chooseCard();
    if ($("preview-frame").dataset.url) $("record-form").requestSubmit();
  });
  $("card-clear").addEventListener("click", clearCard);
  fillPrinterSelect(localStorage.getItem(PRINTER_KEY) || "");
  $("record-form").addEventListener("submit", preview);
  $("download").addEventListener("click", downloadSingle);
  $("check").addEventListener("click", checkBatch);
  $("csv-file").addEventListener("change", checkBatch);
  $("download-merged").addEventListener("click", () => downloadBatch(false));
  $("download-zip").addEventListener("click", () => downloadBatch(true));
  $("csv-template").addEventListener("click", downloadTemplate);
  $("batch-layout").addEventListener("change", buildSharedFields);
  $("download-list").addEventListener("click", downloadList);
  $("token-save").addEventListener("click", () => {
    sessionStorage.setItem("gongwen-token", $("token").value.trim());
    $("token-bar").hidden = true;
    loadLayouts();
  });
  loadLayouts();
}

start();
