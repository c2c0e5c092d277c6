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
import { deflateSync } from "node:zlib";
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

// Clicks a control as a person would, once the page has settled: brought into view, then two
// frames later. Chromium routes a click by its compositor's map of the page; on a busy machine
// a click right after a scroll can use the map from before it and land in the PDF preview's
// frame, so the click never happens (seen in CI).
async function settle(selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}
async function click(selector) {
  await settle(selector);
  await page.click(selector);
}
async function check(selector) {
  await settle(selector);
  await page.check(selector);
}
async function uncheck(selector) {
  await settle(selector);
  await page.uncheck(selector);
}

async function download(selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), click(selector)]);
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
  // Chinese throughout: no code names in the drop-down, descriptions in Chinese.
  const names = await page.$$eval("#layout option", (os) => os.map((o) => o.textContent));
  assert.ok(names.length >= 8, names.join(","));
  for (const name of names) assert.doesNotMatch(name, /[A-Za-z]/, "a code name: " + name);
  const description = await page.textContent("#layout-description");
  assert.match(description, /[\u4e00-\u9fff]{8}/, description);
  assert.doesNotMatch(description, /\b(the|and|with|of)\b/, description);
});

test("filling in the form gives a PDF to preview and download", async () => {
  await page.selectOption("#layout", "article");
  await page.fill("#field-title", "南京市召开质量强市工作会议");
  await page.fill("#field-author", "南京市质量技术监督局");
  await page.fill(
    "#field-body",
    "6月13日上午,南京市质量强市工作会议召开。\n季建业市长亲自到会,为获奖企业颁奖。",
  );
  await click("#preview");
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

test("the format menu downloads the same document as OFD (GB/T 33190)", async () => {
  await page.selectOption("#format", "ofd");
  const ofd = await download("#download");
  assert.equal(ofd.name, "南京市召开质量强市工作会议.ofd");
  assert.equal(ofd.bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  // The package's entry point and a page, named in the zip's headers.
  assert.ok(ofd.bytes.includes(Buffer.from("OFD.xml")));
  assert.ok(ofd.bytes.includes(Buffer.from("Doc_0/Pages/Page_0/Content.xml")));
  await page.selectOption("#format", "pdf");
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
  await click("#preview");
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
  await click("#preview");
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
  await click("#tab-batch");
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
  await click("#tab-single");
});

test("a missing required field is shown beside it", async () => {
  await page.fill("#field-title", "");
  await page.fill("#field-body", "正文");
  await click("#preview");
  await waitForText("#status", "未能生成");
  const message = await page.textContent("#error-title");
  assert.match(message, /标题/);
  assert.equal(message.trim(), "缺少必填字段“标题”（title）", "in Chinese, whatever the browser prefers");
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

  await click("#tab-batch");
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
  assert.deepEqual(listing.trim().split("\n"), ["failures.json", "row-2.pdf", "row-4.pdf"]);
});

// ---- 套打 ------------------------------------------------------------------------------------

async function fillCertificate() {
  await click("#tab-single");
  await page.selectOption("#layout", "certificate");
  await page.fill("#field-recipient", "中电电气集团有限公司");
  await page.fill("#field-citation", "荣获第三届“市长质量奖”。特发此状，以资鼓励。");
  await page.fill("#field-issuer", "南京市人民政府");
  await page.fill("#field-date", "2012-06-13");
  await page.fill("#field-serial", "NJ-2012-0001");
}

// Clicks 预览 and returns the query of the render request it sent.
async function previewQuery() {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes("/v1/render")),
    click("#preview"),
  ]);
  await waitForText("#status", "已生成");
  return new URL(request.url()).searchParams;
}

test("the 套打 switch prints only what the office fills in, and the page says it prints at 100 %", async () => {
  await fillCertificate();
  assert.match(await page.textContent("#panel-single .print-note"), /实际大小/);
  await check("#overlay");
  const query = await previewQuery();
  assert.equal(query.get("overlay"), "1");
  const pdf = await download("#download");
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf.bytes })
    .toString()
    .replace(/\s+/g, "");
  assert.match(text, /中电电气集团有限公司：/);
  assert.doesNotMatch(text, /奖状/, "the card carries the title");
  assert.match(pdf.bytes.toString("latin1"), /\/PrintScaling \/None/);
  await uncheck("#overlay");
  assert.equal((await previewQuery()).get("overlay"), null);
});

test("a printer profile is remembered by the browser and sent as offset and scale", async () => {
  await page.fill("#offset-x", "1.5");
  await page.fill("#offset-y", "-0.8");
  await page.fill("#scale", "0.99");
  await page.fill("#printer-name", "办公室HP/纸盒2");
  await click("#printer-save");
  assert.equal(await page.inputValue("#printer"), "办公室HP/纸盒2");

  await page.reload();
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
  assert.equal(await page.inputValue("#printer"), "办公室HP/纸盒2", "chosen again after a reload");
  assert.equal(await page.inputValue("#offset-x"), "1.5");
  assert.equal(await page.inputValue("#offset-y"), "-0.8");
  await fillCertificate();
  await check("#overlay");
  const query = await previewQuery();
  assert.equal(query.get("offset"), "1.5,-0.8");
  assert.equal(query.get("scale"), "0.99");

  // Back to no calibration: nothing sent.
  await page.selectOption("#printer", "");
  assert.equal(await page.inputValue("#offset-x"), "0");
  const plain = await previewQuery();
  assert.equal(plain.get("offset"), null);
  assert.equal(plain.get("scale"), null);
  await page.selectOption("#printer", "办公室HP/纸盒2");
  await click("#printer-remove");
  assert.deepEqual(await page.$$eval("#printer option", (os) => os.map((o) => o.value)), [""]);
});

// A stand-in for a photo of a blank 奖状 card (A4 landscape, 2 px per mm): cream paper, a red
// frame 7.5 mm in, a gold one 10.4 mm in and a red band where the title is printed.
function cardPng() {
  const w = 594, h = 420;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      const edge = Math.min(x, y, w - 1 - x, h - 1 - y) / 2; // mm from the nearest edge
      let rgb = [250, 243, 224];
      if (edge >= 6 && edge <= 9) rgb = [200, 16, 46];
      else if (edge >= 10.1 && edge <= 10.7) rgb = [201, 162, 39];
      else if (y >= 62 && y <= 106 && x >= 200 && x <= 394 && (x < 250 || x > 344)) rgb = [200, 16, 46];
      raw.set(rgb, y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("a photo of the blank card shows behind the preview, scaled to the page, never sent", async () => {
  await fillCertificate();
  await check("#overlay");
  await page.setInputFiles("#card-image", { name: "卡纸.png", mimeType: "image/png", buffer: cardPng() });
  assert.equal(await page.isVisible("#card-backdrop"), true);
  assert.match(await page.getAttribute("#card-backdrop", "src"), /^blob:/);
  const sent = [];
  const listener = (r) => r.url().includes("/v1/render") && sent.push(r);
  page.on("request", listener);
  await click("#preview");
  await waitForText("#status", "已生成");
  page.off("request", listener);
  // The PDF, and the page as SVG for the card (choosing the photo may already have asked
  // for one: at least one).
  const formatOf = (r) => new URL(r.url()).searchParams.get("format");
  const svgs = sent.filter((r) => formatOf(r) === "svg");
  assert.equal(sent.filter((r) => !formatOf(r)).length, 1, "the PDF");
  assert.ok(svgs.length >= 1, "the page as SVG for the card");
  for (const r of sent) assert.ok(r.postData().length < 2000, "the card's photo is not sent");
  const svgQuery = new URL(svgs[svgs.length - 1].url()).searchParams;
  assert.equal(svgQuery.get("format"), "svg");
  assert.equal(svgQuery.get("overlay"), "1");
  await page.waitForFunction(() => document.getElementById("card-overlay").complete);
  assert.equal(await page.isVisible("#card-overlay"), true);
  assert.match(await page.getAttribute("#card-overlay", "src"), /^blob:/);
  // The card's photo and the page, both stretched to the page's size (297 × 210 mm).
  const box = await page.locator("#card-stage").boundingBox();
  assert.ok(Math.abs(box.width / box.height - 297 / 210) < 0.01, JSON.stringify(box));
  for (const id of ["#card-backdrop", "#card-overlay"]) {
    const b = await page.locator(id).boundingBox();
    assert.deepEqual([b.x, b.y, b.width, b.height].map(Math.round), [box.x, box.y, box.width, box.height].map(Math.round), id);
  }
  await shot("card-preview");
  await click("#card-clear");
  assert.equal(await page.isVisible("#card-backdrop"), false);
  assert.equal(await page.isVisible("#card-overlay"), false);
  assert.equal(await page.isVisible("#preview-frame"), true, "the PDF preview again");
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
    await uncheck("#overlay"); // full certificates: the seal is printed
    await click("#tab-batch");
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
    await click("#tab-single");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
