// The web page for secretaries, in a real browser: Debian's chromium driven by
// playwright-core, against `gongwen serve` on a loopback port. Fills the form and gets a
// PDF, sees a field's error, uploads a GB18030 CSV with a bad row and downloads the
// merged PDF and the zip.
//
// Environment: GONGWEN_CLI (the gongwen binary; ctest sets it), GONGWEN_DATA_DIR (the
// source tree), CHROMIUM (default /usr/bin/chromium), GONGWEN_E2E_SCREENSHOTS (a folder
// to save screenshots in, optional).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.GONGWEN_DATA_DIR || resolve(here, "../..");
const cli = process.env.GONGWEN_CLI || resolve(dataDir, "build/cli/gongwen");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const screenshots = process.env.GONGWEN_E2E_SCREENSHOTS || "";

let server; // the child process
let serverLog = "";
let base; // http://127.0.0.1:PORT
let browser; // a persistent context on a fresh profile
let page;
let profile;

// Starts `gongwen serve` on a free loopback port; resolves with its URL.
function startServer() {
  return new Promise((resolvePromise, reject) => {
    server = spawn(cli, ["serve", "--bind", "127.0.0.1", "--port", "0", "--data-dir", dataDir], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const timer = setTimeout(() => reject(new Error("server did not start:\n" + serverLog)), 30000);
    server.stderr.setEncoding("utf8");
    server.stderr.on("data", (chunk) => {
      serverLog += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(serverLog);
      if (m && !base) {
        clearTimeout(timer);
        base = m[1];
        resolvePromise(base);
      }
    });
    server.on("exit", (code) => {
      if (!base) reject(new Error("server exited with " + code + ":\n" + serverLog));
    });
  });
}

function stopServer() {
  return new Promise((resolvePromise) => {
    if (!server || server.exitCode !== null) return resolvePromise(server ? server.exitCode : 0);
    server.on("exit", (code) => resolvePromise(code));
    server.kill("SIGTERM");
  });
}

async function shot(name) {
  if (screenshots) await page.screenshot({ path: join(screenshots, name + ".png"), fullPage: true });
}

async function download(selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

function waitForText(selector, text) {
  return page.waitForFunction(
    ([s, t]) => document.querySelector(s).textContent.includes(t),
    [selector, text],
    { timeout: 30000 },
  );
}

before(async () => {
  await startServer();
  profile = mkdtempSync(join(tmpdir(), "gongwen-e2e-"));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
  page = browser.pages()[0] || (await browser.newPage());
  await page.goto(base + "/");
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
  assert.equal(await page.isVisible("#token-bar"), false, "no token asked for without one");
});

after(async () => {
  if (browser) await browser.close();
  const code = await stopServer();
  if (profile) rmSync(profile, { recursive: true, force: true });
  assert.equal(code, 0, "the server exits 0 on SIGTERM:\n" + serverLog);
});

test("the form is built from the layout's fields, with Chinese labels", async () => {
  const layouts = await page.$$eval("#layout option", (os) => os.map((o) => o.value));
  assert.ok(layouts.includes("article"), layouts.join(","));
  await page.selectOption("#layout", "article");
  assert.equal(await page.textContent("label[for='field-title']"), "标题");
  assert.equal(await page.textContent("label[for='field-body']"), "正文");
  assert.equal(await page.getAttribute("label[for='field-title']", "class"), "required");
  assert.equal(await page.evaluate(() => document.getElementById("field-body").tagName), "TEXTAREA");
});

test("filling in the form gives a PDF to preview and download", async () => {
  await page.selectOption("#layout", "article");
  await page.fill("#field-title", "南京市召开质量强市工作会议");
  await page.fill("#field-author", "南京市质量技术监督局");
  await page.fill(
    "#field-body",
    "6月13日上午,南京市质量强市工作会议召开。\n季建业市长亲自到会,为获奖企业颁奖。",
  );
  await page.click("#preview");
  await waitForText("#status", "已生成");
  assert.match(await page.textContent("#status"), /共 1 页/);
  assert.match(await page.getAttribute("#preview-frame", "src"), /^blob:/);
  await shot("single");

  const pdf = await download("#download");
  assert.equal(pdf.name, "南京市召开质量强市工作会议.pdf");
  assert.equal(pdf.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
  // The real text is in it (fonts embedded with ToUnicode): what the secretary typed.
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf.bytes }).toString();
  assert.match(text.replace(/\s+/g, ""), /南京市召开质量强市工作会议/);
  assert.match(text.replace(/\s+/g, ""), /季建业市长亲自到会，为获奖企业颁奖。/);
});

test("an image field takes a PNG from the computer (a seal), sent as a data: URI", async (t) => {
  // A sample whose layout has an image field (the GB/T 9704 layouts have the seal),
  // typed into the form as a person would: lists one item per line, the image chosen
  // from the samples folder.
  const layouts = await page.evaluate(async () => (await (await fetch("/v1/layouts")).json()).layouts);
  const samples = readdirSync(join(dataDir, "samples"))
    .filter((n) => n.endsWith(".json"))
    .map((n) => JSON.parse(readFileSync(join(dataDir, "samples", n), "utf8")));
  let layout, sample;
  for (const s of samples) {
    const l = layouts.find((x) => x.name === s.layout);
    if (l && l.fields.some((f) => f.type === "image" && typeof s[f.name] === "string")) {
      [layout, sample] = [l, s];
      break;
    }
  }
  if (!layout) return t.skip("no sample of a layout with an image field");
  await page.selectOption("#layout", layout.name);
  for (const field of layout.fields) {
    const value = sample[field.name];
    if (value === undefined) continue;
    const input = "#field-" + field.name;
    if (field.type === "image") {
      await page.setInputFiles(input, join(dataDir, "samples", value));
    } else if (field.type === "list") {
      await page.fill(input, [].concat(value).join("\n"));
    } else if (field.type === "json") {
      await page.fill(input, typeof value === "string" ? value : JSON.stringify(value));
    } else {
      await page.fill(input, String(value));
    }
  }
  await page.click("#preview");
  await page.waitForFunction(() => /已生成|未能生成/.test(document.getElementById("status").textContent));
  await shot("image-field");
  assert.match(await page.textContent("#status"), /已生成/);
  await page.selectOption("#layout", "article");
});

test("the certificate form: a one-page landscape 奖状 with the seal", async () => {
  await page.selectOption("#layout", "certificate");
  assert.equal(await page.textContent("label[for='field-recipient']"), "获奖单位或个人");
  await page.fill("#field-recipient", "中电电气集团有限公司");
  await page.fill("#field-citation", "荣获第三届“市长质量奖”。特发此状,以资鼓励。");
  await page.fill("#field-issuer", "南京市人民政府");
  await page.fill("#field-date", "2012-06-13");
  await page.setInputFiles("#field-seal", join(dataDir, "samples", "specimen-seal.png"));
  await page.click("#preview");
  await waitForText("#status", "已生成");
  assert.match(await page.textContent("#status"), /共 1 页/);
  await shot("certificate");
  const pdf = await download("#download");
  assert.equal(pdf.name, "中电电气集团有限公司.pdf");
  const info = execFileSync("pdfinfo", ["-"], { input: pdf.bytes }).toString();
  assert.match(info, /Page size:\s+841\.89 x 595\.2\d* pts/);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf.bytes })
    .toString()
    .replace(/\s+/g, "");
  assert.match(text, /中电电气集团有限公司：/);
  assert.match(text, /二〇一二年六月十三日/);
  await page.selectOption("#layout", "article");
});

test("a certificate spreadsheet (GB18030) prints one page per good row", async () => {
  const csv =
    "recipient,citation,issuer,date\r\n" +
    "南京长江涂料有限公司,荣获2011年度南京市质量奖。,南京市人民政府,2012-06-13\r\n" +
    "南京紫峰电子科技有限公司,荣获2011年度南京市质量奖。,南京市人民政府,2012-02-30\r\n" +
    "南京秦淮精工机械有限公司,荣获2011年度南京市质量奖。,南京市人民政府,2012-06-13\r\n";
  const gb18030 = execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: csv });
  await page.click("#tab-batch");
  await page.selectOption("#batch-layout", "certificate");
  await page.setInputFiles("#csv-file", { name: "获奖企业.csv", mimeType: "text/csv", buffer: gb18030 });
  await waitForText("#batch-status", "共 3 条记录");
  assert.match(await page.textContent("#batch-status"), /2 条可以打印/);
  const rows = await page.$$eval("#batch-failures tbody tr", (trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent)),
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0][0], "第 3 行");
  const merged = await download("#download-merged");
  assert.equal(merged.name, "certificate-batch.pdf");
  const pages = execFileSync("pdfinfo", ["-"], { input: merged.bytes }).toString();
  assert.match(pages, /Pages:\s+2/);
  await page.click("#tab-single");
});

test("a missing required field is shown beside it", async () => {
  await page.fill("#field-title", "");
  await page.fill("#field-body", "正文");
  await page.click("#preview");
  await waitForText("#status", "未能生成");
  const message = await page.textContent("#error-title");
  assert.match(message, /标题/);
  assert.match(message, /missing/);
  assert.match(await page.getAttribute("#field-title", "class"), /invalid/);
  assert.equal(await page.isDisabled("#download"), true);
  await shot("field-error");
});

test("a GB18030 CSV: good and bad rows counted, merged PDF and zip downloaded", async () => {
  const csv =
    "title,body,author\r\n" +
    "关于表彰先进集体的决定,经研究决定，对以下集体予以表彰。,市政府办公室\r\n" +
    ",这一行没有标题,市政府办公室\r\n" +
    "关于召开年度工作会议的通知,定于六月十三日召开会议。,市质监局\r\n";
  const gb18030 = execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: csv });
  assert.notEqual(gb18030.toString("hex"), Buffer.from(csv).toString("hex"));

  await page.click("#tab-batch");
  await page.selectOption("#batch-layout", "article");
  await page.setInputFiles("#csv-file", { name: "名单.csv", mimeType: "text/csv", buffer: gb18030 });
  await waitForText("#batch-status", "共 3 条记录");
  const status = await page.textContent("#batch-status");
  assert.match(status, /2 条可以打印/);
  assert.match(status, /1 条有误/);
  const rows = await page.$$eval("#batch-failures tbody tr", (trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent)),
  );
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].slice(0, 2), ["第 3 行", "标题（title）"]);
  assert.match(rows[0][2], /标题/);
  await shot("batch");

  const merged = await download("#download-merged");
  assert.equal(merged.name, "article-batch.pdf");
  assert.equal(merged.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
  const mergedText = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: merged.bytes })
    .toString()
    .replace(/\s+/g, "");
  assert.match(mergedText, /关于表彰先进集体的决定.*关于召开年度工作会议的通知/);
  assert.doesNotMatch(mergedText, /这一行没有标题/);

  const zip = await download("#download-zip");
  assert.equal(zip.name, "article-batch.zip");
  assert.equal(zip.bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  const listing = execFileSync("python3", [
    "-c",
    "import sys, zipfile, io; print('\\n'.join(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).namelist()))",
  ], { input: zip.bytes }).toString();
  assert.deepEqual(listing.trim().split("\n"), ["0001-row-2.pdf", "0003-row-4.pdf", "failures.json"]);
});

test("an Excel workbook with the seal and issuer given once, and a 表彰名单 from a register", async () => {
  // The workbook from an independent writer (XlsxWriter, Debian's python3-xlsxwriter): a
  // merged title row, Chinese headers, a date cell; no issuer column.
  const dir = mkdtempSync(join(tmpdir(), "gongwen-e2e-xlsx-"));
  try {
    const book = join(dir, "获奖名单.xlsx");
    execFileSync("/usr/bin/python3", [
      "-c",
      "import sys, datetime, xlsxwriter\n" +
        "wb = xlsxwriter.Workbook(sys.argv[1]); ws = wb.add_worksheet('名单')\n" +
        "ws.merge_range('A1:C1', '2011年度南京市质量奖')\n" +
        "ws.write_row(1, 0, ['获奖单位或个人', '奖励事由', '颁奖日期'])\n" +
        "d = wb.add_format({'num_format': 'yyyy年m月d日'})\n" +
        "for i, n in enumerate(['南京长江涂料有限公司', '南京紫峰电子科技有限公司']):\n" +
        "    ws.write_row(2 + i, 0, [n, '荣获2011年度南京市质量奖。'])\n" +
        "    ws.write_datetime(2 + i, 2, datetime.datetime(2012, 6, 13), d)\n" +
        "wb.close()",
      book,
    ]);
    await page.click("#tab-batch");
    await page.selectOption("#batch-layout", "certificate");
    await page.fill("#shared-issuer", "南京市人民政府");
    await page.setInputFiles("#shared-seal", join(dataDir, "samples/specimen-seal.png"));
    await page.setInputFiles("#csv-file", book);
    await waitForText("#batch-status", "共 2 条记录");
    assert.match(await page.textContent("#batch-status"), /2 条可以打印/);
    const merged = await download("#download-merged");
    const info = execFileSync("pdfinfo", ["-"], { input: merged.bytes }).toString();
    assert.match(info, /Pages:\s+2/);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: merged.bytes })
      .toString()
      .replace(/\s+/g, "");
    assert.match(text, /南京市人民政府/);
    const images = execFileSync("pdfimages", ["-list", "-"], { input: merged.bytes }).toString();
    assert.ok(images.split("\n").length > 3, images); // the seal, shared by both pages

    // A register: one row per person, groups in the order they appear.
    const register = join(dir, "名单.csv");
    execFileSync("sh", ["-c", 'printf "序号,奖项,姓名\\n1,先进个人,张三\\n2,优秀党员,李四\\n" > "$0"', register]);
    await page.setInputFiles("#csv-file", register);
    await page.fill("#list-title", "2011年度表彰名单");
    await page.selectOption("#list-sort", "strokes");
    const list = await download("#download-list");
    const listText = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: list.bytes })
      .toString()
      .replace(/\s+/g, "");
    assert.match(listText, /2011年度表彰名单.*先进个人.*张.*三.*优秀党员.*李.*四/);
    await page.click("#tab-single");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
