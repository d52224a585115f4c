// Differential test of our wire format and signature against Alibaba's official Node client
// (@alicloud/openapi-client 0.4.15). For a fixed sample of the generated operations (found on disk, so new
// operations are covered without edits; every one with recorded fixtures plus evenly spaced ones of each
// product, those the official RPC driver can send: sampleOperations.ts) and for synthetic operations
// covering the serializations no spec uses yet,
// fast-check generates inputs from the parameter schemas; each input is sent by our runtime and by the
// official client to one local server, with the same credentials, date and nonce, and the two recorded
// requests must be the same request: method, path, query, body, headers (but for the allow-listed
// ALLOWED_HEADER_DIFFERENCES) and, rebuilt independently by packages/testing, canonical request and
// signature.
//
// x-acs-credentials-provider: the official client adds this signed header when its credential reports a
// `providerName` (@alicloud/credentials does: "static_ak", "env", "default/ecs_ram_role", …). It is
// client telemetry, not part of the documented V3 signature (which lists no such header); the official
// client itself omits it whenever a credential has no `providerName` (custom credentials, older
// @alicloud/credentials), so gateways accept requests without it; and it would tell the server which
// source our users' credentials come from. Our runtime does not send it; the suite gives the official client a credential
// without `providerName` so the rest can be compared, and one test pins the difference.
import { createRequire } from "node:module";
import type * as CredentialsModule from "@alicloud/credentials";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  TEST_ACCESS_KEY_ID,
  TEST_ACCESS_KEY_SECRET,
  TEST_SECURITY_TOKEN,
  jsonReply,
  startFakeServer,
  type FakeServer,
  type ReceivedRequest,
} from "../../../testing/src/index.js";
import { AcsClient } from "../../src/client.js";
import { invokeOperation } from "../../src/invokeOperation.js";
import { serializeParameters } from "../../src/serialize/serializeParameters.js";
import { percentEncode } from "../../src/sign/percentEncode.js";
import type { OperationDescriptor } from "../../src/operation.js";
import { inputArbitrary } from "./arbitraries.js";
import { requestDifferences } from "./compareRequests.js";
import { generatedOperations, loadDescriptor } from "../support/generatedOperations.js";
import { NO_RETRY, TeaUtil, official, officialClient, officialParams, officialRequest, type OfficialClient } from "./officialClient.js";
import { drivable, sampleOperations } from "./sampleOperations.js";
import { syntheticBodyOperation, syntheticQueryOperation } from "./syntheticDescriptors.js";

/** Fixed so a failure reproduces; set DIFFERENTIAL_SEED to explore other inputs. */
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20240624);
/** Operations sampled per product (on top of every operation with recorded fixtures); see sampleOperations.ts. */
const SAMPLED_PER_PRODUCT = 6;
const RUNS_PER_GENERATED_OPERATION = 40;
const RUNS_PER_SYNTHETIC_OPERATION = 150;
const MIN_TOTAL_CASES = 1000;
/**
 * Each property test is a fixed amount of CPU and loopback work (its runs × two clients × one request): about
 * a second alone for the synthetic ones, several times that while the rest of the monorepo's tests share the
 * cores. The limit is there to catch a hang, not to time the work, so it is far above either.
 */
const PROPERTY_TEST_TIMEOUT_MS = 120_000;
/** @alicloud/credentials' client class (CommonJS `exports.default`), as official users construct it. */
const Credential = (createRequire(import.meta.url)("@alicloud/credentials") as { default: typeof CredentialsModule.default.default }).default;
/** Node's HTTP server rejects request heads over 16 KiB (431); inputs whose query would not fit are skipped. */
const MAX_QUERY_BYTES = 12 * 1024;

const sampled = await Promise.all(sampleOperations(generatedOperations(), SAMPLED_PER_PRODUCT).map(async (op) => ({ file: op.name, descriptor: await loadDescriptor(op) })));
const generated = sampled.filter(({ descriptor }) => drivable(descriptor));
const synthetic: readonly OperationDescriptor[] = [syntheticQueryOperation, syntheticBodyOperation];
const plannedCases = generated.length * RUNS_PER_GENERATED_OPERATION + synthetic.length * RUNS_PER_SYNTHETIC_OPERATION;

const akCredentials = { accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET };
const stsCredentials = { ...akCredentials, securityToken: TEST_SECURITY_TOKEN };

/** Signing inputs of the case in flight; both clients read them. */
const pinned = { date: new Date(0), nonce: "" };

let server: FakeServer;
let ours: { ak: AcsClient; sts: AcsClient };
let theirs: { ak: OfficialClient; sts: OfficialClient };
let casesRun = 0;

function ourClient(credentials: typeof akCredentials | typeof stsCredentials): AcsClient {
  return new AcsClient({
    region: "cn-hangzhou",
    endpoint: server.host,
    protocol: "http",
    credentials,
    maxAttempts: 1,
    signing: { now: () => pinned.date, nonce: () => pinned.nonce },
  });
}

beforeAll(async () => {
  server = await startFakeServer(() => jsonReply(200, { RequestId: "differential-request" }));
  ours = { ak: ourClient(akCredentials), sts: ourClient(stsCredentials) };
  theirs = { ak: officialClient(server.host, akCredentials), sts: officialClient(server.host, stsCredentials) };
  // Only Date is faked: timers stay real so sockets and keep-alive behave normally.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.spyOn(TeaUtil, "getNonce").mockImplementation(() => pinned.nonce);
});

afterAll(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await server?.close();
});

/** Sends `input` with our runtime, then with the official client; returns the two recorded requests. */
async function sendBoth(op: OperationDescriptor, input: Record<string, unknown>, date: Date, nonce: string, sts: boolean): Promise<[ReceivedRequest, ReceivedRequest]> {
  pinned.date = date;
  pinned.nonce = nonce;
  vi.setSystemTime(date);
  const first = server.requests.length;
  await invokeOperation(sts ? ours.sts : ours.ak, op, input);
  await (sts ? theirs.sts : theirs.ak).callApi(officialParams(op), officialRequest(op, input), NO_RETRY);
  expect(server.requests.length - first).toBe(2);
  return [server.requests[first]!, server.requests[first + 1]!];
}

const dateArbitrary = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true });
const nonceArbitrary = fc.stringMatching(/^[0-9A-Za-z-]{8,40}$/);

function queryBytes(op: OperationDescriptor, input: Record<string, unknown>): number {
  return serializeParameters(op, input).query.reduce((n, [k, v]) => n + percentEncode(k).length + percentEncode(v).length + 2, 0);
}

async function checkOperation(op: OperationDescriptor, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(inputArbitrary(op), dateArbitrary, nonceArbitrary, fc.boolean(), async (input, date, nonce, sts) => {
      fc.pre(queryBytes(op, input) <= MAX_QUERY_BYTES);
      casesRun++;
      const [mine, official] = await sendBoth(op, input, date, nonce, sts);
      expect(requestDifferences(mine, official, TEST_ACCESS_KEY_SECRET)).toEqual([]);
      if (sts) {
        for (const req of [mine, official]) {
          expect(req.headers["x-acs-security-token"] === TEST_SECURITY_TOKEN).toBe(true);
          expect(req.headers["x-acs-accesskey-id"]).toBe(TEST_ACCESS_KEY_ID);
        }
      }
    }),
    { numRuns, seed: SEED },
  );
}

describe(`differential signing vs @alicloud/openapi-client: ${plannedCases} cases (seed ${SEED})`, () => {
  it("finds the generated operations on disk", () => {
    expect(generated.length).toBeGreaterThan(0);
    expect(plannedCases).toBeGreaterThanOrEqual(MIN_TOTAL_CASES);
  });

  for (const { file, descriptor } of generated) {
    it(`${descriptor.action} (${file}): ${RUNS_PER_GENERATED_OPERATION} cases`, () => checkOperation(descriptor, RUNS_PER_GENERATED_OPERATION), PROPERTY_TEST_TIMEOUT_MS);
  }

  for (const descriptor of synthetic) {
    it(`synthetic ${descriptor.action}: ${RUNS_PER_SYNTHETIC_OPERATION} cases`, () => checkOperation(descriptor, RUNS_PER_SYNTHETIC_OPERATION), PROPERTY_TEST_TIMEOUT_MS);
  }

  it("sends and signs x-acs-security-token and x-acs-accesskey-id identically with STS credentials", async () => {
    const op = syntheticQueryOperation;
    const [mine, official] = await sendBoth(op, { Name: "sts case * ~" }, new Date("2024-06-24T08:00:00Z"), "sts-nonce-0001", true);
    expect(requestDifferences(mine, official, TEST_ACCESS_KEY_SECRET)).toEqual([]);
    for (const req of [mine, official]) {
      expect(req.headers["x-acs-security-token"] === TEST_SECURITY_TOKEN).toBe(true);
      expect(req.headers["x-acs-accesskey-id"]).toBe(TEST_ACCESS_KEY_ID);
      expect(req.headers.authorization).toMatch(/SignedHeaders=[^,]*x-acs-accesskey-id;[^,]*x-acs-security-token[;,]/);
    }
  });

  it("differs only by x-acs-credentials-provider when the official client uses @alicloud/credentials", async () => {
    const op = syntheticQueryOperation;
    const credential = new Credential({ type: "access_key", ...akCredentials } as ConstructorParameters<typeof Credential>[0]);
    pinned.date = new Date("2024-06-24T08:00:00Z");
    pinned.nonce = "provider-nonce-0001";
    vi.setSystemTime(pinned.date);
    const first = server.requests.length;
    await invokeOperation(ours.ak, op, { Name: "x" });
    const withProvider = new official.default(new official.Config({ credential, endpoint: server.host, protocol: "HTTP" }));
    await withProvider.callApi(officialParams(op), officialRequest(op, { Name: "x" }), NO_RETRY);
    const [mine, theirsWithProvider] = [server.requests[first]!, server.requests[first + 1]!];
    expect(mine.headers["x-acs-credentials-provider"]).toBeUndefined();
    expect(theirsWithProvider.headers["x-acs-credentials-provider"]).toBe("static_ak");
    const diffs = requestDifferences(mine, theirsWithProvider, TEST_ACCESS_KEY_SECRET);
    expect(diffs.filter((d) => d.startsWith("header x-acs-credentials-provider"))).toHaveLength(1);
    // The extra signed header changes SignedHeaders, hence the Authorization header and canonical request too.
    expect(diffs.every((d) => /^header (x-acs-credentials-provider|authorization):|^canonical request:/.test(d))).toBe(true);
  });

  it(`ran at least ${MIN_TOTAL_CASES} differential cases`, () => {
    console.info(`differential signing: ${casesRun} cases over ${generated.length} generated + ${synthetic.length} synthetic operations, 2 requests each`);
    expect(casesRun).toBeGreaterThanOrEqual(MIN_TOTAL_CASES);
  });
});
