// GET /v1/openapi.json against independent readers: the OpenAPI 3.1 document validated by
// @seriousme/openapi-schema-validator (offline; the 3.1 meta-schemas ship in the package),
// and each layout's record schema applied by ajv (JSON Schema 2020-12, ajv-formats for
// "date") to the samples and to broken copies of them, which are then POSTed to the real
// server: what the schema calls valid renders (200, a PDF), what it calls invalid is
// refused (422).
//
// Environment: GONGWEN_CLI (the gongwen binary; ctest sets it), GONGWEN_DATA_DIR (the
// source tree).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.GONGWEN_DATA_DIR || resolve(here, "../..");
const cli = process.env.GONGWEN_CLI || resolve(dataDir, "build/cli/gongwen");
const token = "openapi-test-token";

let server;
let serverLog = "";
let base;
let work;
let spec;
let ajv;

function startServer() {
  return new Promise((resolvePromise, reject) => {
    const tokenFile = join(work, "token");
    writeFileSync(tokenFile, token + "\n");
    server = spawn(
      cli,
      ["serve", "--bind", "127.0.0.1", "--port", "0", "--data-dir", dataDir, "--workers", "2",
        "--token-file", tokenFile],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
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

function api(path, init = {}) {
  const headers = { Authorization: "Bearer " + token, ...(init.headers || {}) };
  return fetch(base + path, { ...init, headers });
}

function post(path, body) {
  return api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

// The samples as a client sends them: a seal file becomes a PNG data: URI.
function samples() {
  const out = [];
  const dir = join(dataDir, "samples");
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".json")) continue;
    const record = JSON.parse(readFileSync(join(dir, name), "utf8"));
    for (const field of ["seal", "signature_seal"]) {
      const asUri = (file) =>
        file.startsWith("data:")
          ? file
          : (file.endsWith(".jpg") ? "data:image/jpeg;base64," : "data:image/png;base64,") +
            readFileSync(join(dir, file)).toString("base64");
      if (typeof record[field] === "string") record[field] = asUri(record[field]);
      if (Array.isArray(record[field])) record[field] = record[field].map(asUri);
    }
    // Figures in the body name their image files too.
    if (Array.isArray(record.body)) {
      for (const item of record.body) {
        if (item && typeof item.image === "string" && !item.image.startsWith("data:")) {
          item.image =
            (item.image.endsWith(".jpg") ? "data:image/jpeg;base64," : "data:image/png;base64,") +
            readFileSync(join(dir, item.image)).toString("base64");
        }
      }
    }
    out.push({ name, record });
  }
  return out;
}

function schemaOf(layout) {
  const validate = ajv.getSchema("api#/components/schemas/" + layout);
  assert.ok(validate, "no schema for layout " + layout);
  return validate;
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), "gongwen-openapi-"));
  await startServer();
  const r = await api("/v1/openapi.json");
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type"), /^application\/json/);
  spec = await r.json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "api", components: spec.components });
});

after(async () => {
  if (server && server.exitCode === null) {
    await new Promise((r) => {
      server.on("exit", r);
      server.kill("SIGTERM");
    });
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the document is valid OpenAPI 3.1 (an independent validator)", async () => {
  const validator = new Validator();
  const result = await validator.validate(spec);
  assert.equal(validator.version, "3.1");
  assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
});

test("every endpoint, with its parameters and statuses", async () => {
  for (const [path, method] of [
    ["/v1/render", "post"], ["/v1/batch", "post"], ["/v1/layouts", "get"],
    ["/v1/openapi.json", "get"], ["/healthz", "get"], ["/metrics", "get"], ["/", "get"],
  ]) {
    assert.ok(spec.paths[path] && spec.paths[path][method], `${method} ${path} missing`);
  }
  const render = spec.paths["/v1/render"].post;
  for (const status of ["200", "400", "401", "413", "415", "422", "503"]) {
    assert.ok(render.responses[status], "render: no " + status);
  }
  const batchParams = spec.paths["/v1/batch"].post.parameters.map((p) => p.name);
  for (const name of ["dry_run", "duplex", "layout", "normalize", "split", "strict", "name_by",
    "format", "overlay", "offset", "scale", "sheet", "list", "title", "sort"]) {
    assert.ok(batchParams.includes(name), "batch: no parameter " + name);
  }
  // The description and the server agree: every parameter described is taken (never "unknown
  // query parameter"), and one not described is refused naming it.
  const auth = { Authorization: "Bearer " + token };
  for (const [path, op] of [["/v1/render", render], ["/v1/batch", spec.paths["/v1/batch"].post]]) {
    for (const p of op.parameters) {
      const r = await fetch(`${base}${path}?${p.name}=`, { method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: "{}" });
      const body = await r.text();
      assert.ok(!body.includes("unknown query parameter"), `${path} refuses ${p.name}: ${body}`);
    }
    const r = await fetch(`${base}${path}?nosuch=1`, { method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: "{}" });
    assert.equal(r.status, 400);
    assert.match(await r.text(), /nosuch/);
  }
  assert.ok(spec.paths["/v1/batch"].post.requestBody.content["text/csv"]);
  // The server has a token: the /v1/ paths say so, /healthz does not.
  assert.deepEqual(render.security, [{ bearer: [] }]);
  assert.equal(spec.paths["/healthz"].get.security, undefined);
  // Without the token the description is refused like the rest of /v1/.
  assert.equal((await fetch(base + "/v1/openapi.json")).status, 401);
});

test("a schema per layout, with the fields GET /v1/layouts lists", async () => {
  const layouts = (await (await api("/v1/layouts")).json()).layouts;
  assert.ok(layouts.length >= 5, "layouts: " + layouts.length);
  for (const layout of layouts) {
    const schema = spec.components.schemas[layout.name];
    assert.ok(schema, "no schema for " + layout.name);
    const required = layout.fields.filter((f) => f.required).map((f) => f.name);
    assert.deepEqual(schema.required, required, layout.name);
    for (const f of layout.fields) assert.ok(schema.properties[f.name], `${layout.name}.${f.name}`);
  }
  const sort = spec.components.schemas["commendation-list"].properties.sort;
  assert.deepEqual(sort.enum.filter((w) => w), ["given", "strokes", "pinyin"]);
  assert.equal(spec.components.schemas.gongwen.properties.title.maxLength, 200);
  assert.match(JSON.stringify(spec.components.schemas.certificate.properties.seal), /image\/\(png\|jpeg\)/);
});

test("what the schema calls valid renders", async () => {
  const all = samples();
  assert.ok(all.length >= 5, "samples: " + all.length);
  for (const { name, record } of all) {
    const validate = schemaOf(record.layout);
    assert.ok(validate(record), name + ": " + JSON.stringify(validate.errors));
    const r = await post("/v1/render", record);
    const bytes = Buffer.from(await r.arrayBuffer());
    assert.equal(r.status, 200, name + ": " + bytes.toString());
    assert.equal(r.headers.get("content-type"), "application/pdf");
    assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
  }
  // A batch of one sample is a valid BatchRequest and prints.
  const { record } = all.find((s) => s.record.layout === "certificate");
  const batch = { layout: "certificate", records: [record, { ...record, recipient: "李四" }] };
  const validateBatch = ajv.getSchema("api#/components/schemas/BatchRequest");
  assert.ok(validateBatch(batch), JSON.stringify(validateBatch.errors));
  const r = await post("/v1/batch", batch);
  const bytes = Buffer.from(await r.arrayBuffer());
  assert.equal(r.status, 200, bytes.toString());
  assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
  assert.equal(r.headers.get("x-gongwen-failed-records"), "0");
});

test("what the schema calls invalid is refused", async () => {
  const byLayout = Object.fromEntries(samples().map((s) => [s.record.layout, s.record]));
  const broken = [
    ["a required field missing", "gongwen", (r) => delete r.title],
    ["a required field blank", "certificate", (r) => (r.recipient = "　 ")],
    ["a number for a string", "certificate", (r) => (r.issuer = 42)],
    ["a date that does not exist", "certificate", (r) => (r.date = "2023-02-30")],
    ["a date with the day first", "gongwen", (r) => (r.date = "13/06/2012")],
    ["a line break in a one-line field", "gongwen", (r) => (r.title = "关于\n通知")],
    ["a control character", "certificate", (r) => (r.citation = "特发此状\u0007")],
    ["a sort order the engine does not know", "commendation-list", (r) => (r.sort = "alphabet")],
    ["a title longer than 200 characters", "gongwen", (r) => (r.title = "长".repeat(201))],
    ["a seal as a file path", "certificate", (r) => (r.seal = "/etc/passwd")],
    ["a seal that is a GIF data: URI", "certificate", (r) => (r.seal = "data:image/gif;base64,AAAA")],
    ["a heading level 5", "gongwen", (r) => (r.body = [{ heading: "一、总体要求", level: 5 }, "正文。"])],
    ["a list of numbers", "gongwen", (r) => (r.issuer_mark = [1, 2])],
    ["a group with neither names nor entries", "commendation-list", (r) => (r.groups = [{ heading: "先进个人" }])],
  ];
  for (const [what, layout, breakIt] of broken) {
    assert.ok(byLayout[layout], "no sample of " + layout);
    const record = structuredClone(byLayout[layout]);
    breakIt(record);
    const validate = schemaOf(layout);
    assert.equal(validate(record), false, what + ": the schema takes it");
    const r = await post("/v1/render", record);
    const body = await r.text();
    assert.equal(r.status, 422, what + ": " + r.status + " " + body);
    assert.equal(JSON.parse(body).error.length > 0, true, what);
  }
});
