// A real OFD reader on our OFD files: ofd.js (npm, Apache-2.0; its self-contained 0.2.6
// build, lib/ofd.umd.js) parses and draws every sample in Debian's chromium, driven by
// playwright-core. The pages it draws, and each character it draws and where, must be the
// PDF's of the same input as mutool reads them (within 0.05 mm).
//
// Environment: GONGWEN_CLI (the gongwen binary; ctest sets it), GONGWEN_DATA_DIR (the
// source tree), CHROMIUM (default /usr/bin/chromium).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.GONGWEN_DATA_DIR || resolve(here, "../..");
const cli = process.env.GONGWEN_CLI || resolve(dataDir, "build/cli/gongwen");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const reader = resolve(here, "node_modules/ofd.js/lib/ofd.umd.js");
const MM_PER_PT = 25.4 / 72;

let browser;
let page;
let work;

before(async () => {
  work = mkdtempSync(join(tmpdir(), "gongwen-ofd-"));
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  page = await browser.newPage();
  await page.setContent("<!doctype html><meta charset='utf-8'><body><div id='out'></div></body>");
  await page.addScriptTag({ path: reader });
});

after(async () => {
  if (browser) await browser.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function decodeEntity(s) {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

// The PDF's pages as mutool reads them: size and each character's origin, in mm.
function pdfPages(pdf) {
  const xml = execFileSync("mutool", ["draw", "-q", "-F", "stext", "-o", "-", pdf], {
    maxBuffer: 64 << 20,
  }).toString();
  return xml
    .split("<page ")
    .slice(1)
    .map((p) => {
      const width = parseFloat(/width="([\d.]+)"/.exec(p)[1]) * MM_PER_PT;
      const chars = [];
      for (const m of p.matchAll(/<char [^>]*?x="([-\d.]+)" y="([-\d.]+)"[^>]*? c="([^"]*)"/g)) {
        chars.push({ c: decodeEntity(m[3]), x: parseFloat(m[1]) * MM_PER_PT, y: parseFloat(m[2]) * MM_PER_PT });
      }
      return { width, chars: chars.filter((ch) => ch.c.trim() !== "" && ch.c !== "\u3000") };
    });
}

// What ofd.js draws: per page, each <text> character at its SVG's place plus its x, y (mm).
async function readerPages(ofd, widthsMm) {
  const b64 = readFileSync(ofd).toString("base64");
  return page.evaluate(
    async ([b64, widthsMm]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const docs = await new Promise((resolve, reject) =>
        window.ofd.parseOfdDocument({ ofd: bytes.buffer, success: resolve, fail: reject }),
      );
      const out = document.getElementById("out");
      out.replaceChildren();
      const divs = window.ofd.renderOfd(800, docs[0]);
      for (const d of divs) out.appendChild(d);
      return divs.map((div, i) => {
        const scale = parseFloat(div.style.width) / widthsMm[Math.min(i, widthsMm.length - 1)];
        const chars = [];
        for (const svg of div.querySelectorAll("svg")) {
          const left = parseFloat(svg.style.left) || 0;
          const top = parseFloat(svg.style.top) || 0;
          const texts = [...svg.querySelectorAll("text")];
          for (let k = 0; k < texts.length; ++k) {
            const t = texts[k];
            let c = t.textContent;
            // ofd.js draws a character beyond the BMP as its two UTF-16 halves (it is the
            // last of its TextCode: the writer ends the object there).
            if (/^[\ud800-\udbff]$/.test(c) && k + 1 < texts.length) c += texts[++k].textContent;
            if (c.trim() === "" || c === "\u3000") continue;
            // Where the text's transform (an object's CTM: a landscape table's page turned
            // on the paper) puts its origin.
            let x = parseFloat(t.getAttribute("x"));
            let y = parseFloat(t.getAttribute("y"));
            const m = /matrix\(([^)]*)\)/.exec(t.getAttribute("transform") || "");
            if (m) {
              const [a, b, cc, d, e, f] = m[1].split(/[\s,]+/).filter((v) => v !== "").map(Number);
              [x, y] = [a * x + cc * y + e, b * x + d * y + f];
            }
            chars.push({ c, x: (left + x) / scale, y: (top + y) / scale });
          }
        }
        return { chars };
      });
    },
    [b64, widthsMm],
  );
}

const samples = readdirSync(join(dataDir, "samples"))
  .filter((f) => f.endsWith(".json"))
  .sort();

test("found the samples", () => {
  assert.ok(samples.length >= 5, samples.join(","));
});

for (const sample of samples) {
  test("ofd.js draws " + sample + " as the PDF has it", async () => {
    const stem = join(work, sample.replace(/\.json$/, ""));
    const input = join(dataDir, "samples", sample);
    execFileSync(cli, ["render", input, "-o", stem + ".pdf"]);
    execFileSync(cli, ["render", input, "-o", stem + ".ofd"]);
    const want = pdfPages(stem + ".pdf");
    const got = await readerPages(
      stem + ".ofd",
      want.map((p) => p.width),
    );
    assert.equal(got.length, want.length, "pages");
    for (let i = 0; i < want.length; ++i) {
      const w = want[i].chars;
      const g = got[i].chars;
      assert.ok(w.length > 0, "page " + (i + 1) + " has text");
      assert.equal(g.length, w.length, "page " + (i + 1) + ": characters drawn");
      // Each of the PDF's characters has the same character drawn within 0.05 mm.
      const used = new Array(g.length).fill(false);
      let worst = 0;
      for (const ch of w) {
        let best = -1;
        let bestDist = Infinity;
        for (let k = 0; k < g.length; ++k) {
          if (used[k] || g[k].c !== ch.c) continue;
          const d = Math.max(Math.abs(g[k].x - ch.x), Math.abs(g[k].y - ch.y));
          if (d < bestDist) {
            bestDist = d;
            best = k;
          }
        }
        assert.ok(best >= 0, "page " + (i + 1) + ": " + ch.c + " not drawn");
        used[best] = true;
        worst = Math.max(worst, bestDist);
      }
      assert.ok(worst <= 0.05, "page " + (i + 1) + ": a character " + worst.toFixed(3) + " mm off");
    }
  });
}
