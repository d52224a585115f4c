import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { onHttpRequests, rawResponseHead, startRawServer, type RawServer } from "@acs-modular/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastJson, run } from "./runtimes.js";

// The dual-package hazard: an ESM app whose CommonJS dependency also uses the runtime loads both builds
// (dist/index.js and dist/index.cjs) in one process. fixtures/dualLoad.mjs does exactly that in a child Node
// process (the real module loaders, not the test runner's) and reports what the two copies share.
const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));

let server: RawServer;
beforeAll(async () => {
  // Keep-alive answers, so that one pool of connections shows as one connection for every request.
  server = await startRawServer((socket) =>
    onHttpRequests(socket, (_head, _body, index) => {
      const body = JSON.stringify({ RequestId: `dual-${index}` });
      socket.write(rawResponseHead(200, { "content-type": "application/json", "content-length": String(body.length), connection: "keep-alive" }) + body);
    }),
  );
});
afterAll(() => server?.close());

describe("both module formats of the runtime in one Node process", () => {
  it("are two copies that still share classes for instanceof, the keep-alive pool and the pattern cache", async () => {
    const report = lastJson<{
      twoCopies: boolean;
      instanceofAcrossCopies: Record<string, boolean>;
      requestIds: string[];
      transportStatuses: number[];
      sharedState: string[] | null;
      patternCache: { added: number; answers: number };
    }>(await run(process.execPath, [join(fixtures, "dualLoad.mjs"), server.host], { cwd: fixtures }));

    expect(report.twoCopies).toBe(true);
    // Every class a user tests with instanceof, a value of one copy against the class of the other, both ways.
    expect(report.instanceofAcrossCopies).toEqual({
      ServiceError: true,
      ValidationError: true,
      NetworkError: true,
      TimeoutError: true,
      AbortError: true,
      MalformedResponseError: true,
      CredentialsError: true,
      WaiterError: true,
      ForeignError: true,
      AcsClient: true,
      AcsErrorRoot: true,
      noCrossTalk: true,
    });
    // Calls through clients of either copy, direct requests through each copy's nodeHttpTransport, and one
    // call per copy's invokeOperation below: seven requests, one connection, because both copies took their
    // agents from one process-wide registry.
    expect(report.requestIds).toEqual(["dual-0", "dual-1", "dual-2"]);
    expect(report.transportStatuses).toEqual([200, 200]);
    expect(server.connections).toBe(1);
    expect(report.sharedState).toEqual(expect.arrayContaining(["node-http-clients/1", "validate-patterns/1"]));
    // The pattern compiled by the first copy is the one the second copy finds: the cache grew by one, not two.
    expect(report.patternCache).toEqual({ added: 1, answers: 2 });
  });
});
