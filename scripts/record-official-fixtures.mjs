// Records one `official-client` fixture per operation: drives Alibaba's official @alicloud/openapi-client
// (a devDependency of packages/runtime) against a local 127.0.0.1 server, with the same input and the same
// answer as the operation's spec-example success fixture, the way the official generated product SDKs call
// it. The request the official client sent, redacted by the runtime's own fixture writer, becomes
// packages/<product>/<op>/fixtures/official-client.success.json, and the generated contract suite then checks
// our request against it. Existing fixtures are never rewritten: delete one to re-record it.
//
// Usage (after `pnpm generate` and `pnpm --filter @acs-modular/runtime build`):
//   node scripts/record-official-fixtures.mjs [--root <repo>]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const rootArg = process.argv.indexOf("--root");
const root = resolve(rootArg > 0 ? process.argv[rootArg + 1] : process.cwd());
const load = (rel) => import(pathToFileURL(join(root, rel)).href);

const { loadSpecs } = await load("generator/dist/spec/loadSpecs.js");
const { buildOperationModel, buildProductModel } = await load("generator/dist/model/buildModel.js");
const { fixtureFromExchange, formatFixture } = await load("packages/runtime/dist/index.js");

// The official client and the two helper modules it calls, loaded through its own require so that pinning
// their clock and nonce patches the very instances it uses.
const requireFromRuntime = createRequire(join(root, "packages/runtime/package.json"));
const clientPath = requireFromRuntime.resolve("@alicloud/openapi-client");
const requireFromClient = createRequire(clientPath);
const official = requireFromRuntime("@alicloud/openapi-client");
const OpenApiUtil = requireFromClient("@alicloud/openapi-util").default;
const TeaUtil = requireFromClient("@alicloud/tea-util").default;
const clientVersion = JSON.parse(readFileSync(join(clientPath, "../../package.json"), "utf8")).version;

// Test credentials only (the same as packages/testing); the fixture writer masks the id and drops the signature.
const TEST_ACCESS_KEY_ID = "LTAI5tTESTACCESSKEYID0000";
const TEST_ACCESS_KEY_SECRET = "TestSecret-DoNotLeak-8f3a1c9e";
// Pinned like packages/testing's PINNED_DATE / PINNED_NONCE, so re-recording gives the same bytes.
OpenApiUtil.getTimestamp = () => "2024-06-24T08:00:00Z";
TeaUtil.getNonce = () => "3b9f6a1e-pinned-nonce-0001";

/** The request map an official generated SDK builds: json/simple values shrunk to one string, the rest flattened. */
function officialQuery(model, input) {
  const query = {};
  for (const p of model.parameters) {
    const raw = input[p.name];
    if (raw === undefined) continue;
    if (p.in !== "query") throw new Error(`${model.action}.${p.name}: "${p.in}" parameters are not driven through the official client`);
    const style = p.serialization;
    query[p.name] = typeof raw === "object" && (style === "json" || style === "simple") ? OpenApiUtil.arrayToStringWithSpecifiedStyle(raw, p.name, style) : raw;
  }
  return OpenApiUtil.query(query);
}

async function recordOne(model, successFixture) {
  let received;
  const reply = successFixture.response;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const headers = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(",") : v;
      received = { method: req.method, protocol: "http:", host: headers.host, path: req.url, headers, body: Buffer.concat(chunks).toString("utf8") };
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const host = `127.0.0.1:${server.address().port}`;
  try {
    const client = new official.default(
      new official.Config({ accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET, endpoint: host, protocol: "HTTP", regionId: "cn-hangzhou" }),
    );
    const params = new official.Params({
      action: model.action,
      version: model.product.version,
      protocol: "HTTPS",
      pathname: model.pathname,
      method: model.method,
      authType: "AK",
      style: model.style,
      reqBodyType: "formData",
      bodyType: "json",
    });
    const result = await client.callApi(params, new official.OpenApiRequest({ query: officialQuery(model, successFixture.input) }), { autoretry: false, maxAttempts: 1 });
    const fixture = fixtureFromExchange({
      source: "official-client",
      description: `${model.action} as sent by @alicloud/openapi-client ${clientVersion} with the spec-example input, answered with the spec's 200 example.`,
      operation: successFixture.operation,
      input: successFixture.input,
      request: received,
      response: { status: reply.status, headers: reply.headers, body: reply.body },
    });
    // The official client's own decoding of the answer is what our output must equal.
    return { ...fixture, expected: { output: result.body } };
  } finally {
    await new Promise((ok) => server.close(ok));
  }
}

const specs = loadSpecs(join(root, "specs"), root);
const products = new Map(specs.products.map((p) => [`${p.doc.code}/${p.doc.version}`, buildProductModel(p)]));
let written = 0;
let skipped = 0;
for (const spec of specs.operations) {
  const model = buildOperationModel(spec, products.get(spec.file.split("/").slice(-3, -1).join("/")));
  const dir = join(root, model.names.packageDir, "fixtures");
  const target = join(dir, "official-client.success.json");
  if (existsSync(target)) {
    skipped++;
    continue;
  }
  const successFile = join(dir, "spec-example.success.json");
  if (!existsSync(successFile)) throw new Error(`${successFile} is missing: run \`pnpm generate\` first`);
  const fixture = await recordOne(model, JSON.parse(readFileSync(successFile, "utf8")));
  const text = formatFixture(fixture);
  for (const secret of [TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET]) if (text.includes(secret)) throw new Error(`refusing to write ${target}: it contains a credential`);
  writeFileSync(target, text, { flag: "wx" });
  written++;
  console.log(`recorded ${target.slice(root.length + 1)}`);
}
console.log(`official-client fixtures: ${written} recorded, ${skipped} already present.`);
