// Endpoint choice seen from the wire: which host a call goes to, and that a bad region sends nothing.
import { jsonReply, startFakeServer } from "@acs-modular/testing";
import { describe, expect, it } from "vitest";
import { AcsClient } from "../src/client.js";
import { ValidationError } from "../src/errors/ValidationError.js";
import { invokeOperation } from "../src/invokeOperation.js";
import type { HttpRequest } from "../src/transport/types.js";
import { memoryClient } from "./support/memoryClient.js";
import { describeThings } from "./support/operations.js";
import { rejectionOf, testClient } from "./support/testClient.js";

const CREDENTIALS = { accessKeyId: "LTAI-endpoint-test", accessKeySecret: "endpoint-test-secret" };

/** A client whose transport records requests instead of sending them. */
function recording(config: Partial<ConstructorParameters<typeof AcsClient>[0]>): { client: AcsClient; sent: HttpRequest[] } {
  const { client, requests } = memoryClient({ credentials: CREDENTIALS, ...config });
  return { client, sent: requests };
}

describe("endpoints on the wire", () => {
  it("sends to the region's host over HTTPS by default, and signs that host", async () => {
    const { client, sent } = recording({});
    await invokeOperation(client, describeThings, {});
    expect(sent[0]).toMatchObject({ protocol: "https:", host: "demo.cn-hangzhou.aliyuncs.com" });
    expect(sent[0]!.headers.host).toBe("demo.cn-hangzhou.aliyuncs.com");
    expect(sent[0]!.headers.authorization).toMatch(/SignedHeaders=host;/);
  });

  it("uses the per-region exception and the VPC endpoint", async () => {
    const finance = recording({ region: "cn-hangzhou-finance" });
    await invokeOperation(finance.client, describeThings, {});
    expect(finance.sent[0]!.host).toBe("demo.aliyuncs.com");
    const vpc = recording({ region: "cn-beijing", endpointType: "vpc" });
    await invokeOperation(vpc.client, describeThings, {});
    expect(vpc.sent[0]!.host).toBe("demo-vpc.cn-beijing.aliyuncs.com");
  });

  it("reaches a custom endpoint given as host:port or as a URL", async () => {
    const server = await startFakeServer(() => jsonReply(200, { RequestId: "r-local" }));
    try {
      await expect(invokeOperation(testClient(server.host), describeThings, {})).resolves.toEqual({ RequestId: "r-local" });
      await expect(invokeOperation(testClient(`http://${server.host}`, { protocol: "https" }), describeThings, {})).resolves.toEqual({ RequestId: "r-local" });
      expect(server.requests).toHaveLength(2);
      expect(server.requests.every((r) => r.headers.host === server.host)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it.each(["cn-hangzhou.evil.com/", "a@b", "CN-HANGZHOU", "", "cn-hangzhou:8080", "../x"])("rejects region %j before any I/O", async (region) => {
    const { client, sent } = recording({ region });
    let credentialLookups = 0;
    const counting = new AcsClient({
      region,
      credentials: { getCredentials: async () => (credentialLookups++, CREDENTIALS) },
      transport: client.config.transport,
    });
    for (const c of [client, counting]) {
      const error = await rejectionOf(invokeOperation(c, describeThings, {}));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: "region" });
    }
    expect(sent).toHaveLength(0);
    expect(credentialLookups).toBe(0);
  });
});
