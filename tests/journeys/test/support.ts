import { AcsClient } from "@acs-modular/runtime";
import { TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, startFakeServer, type FakeHandler, type FakeServer } from "@acs-modular/testing";

/** A client for a fake NAS endpoint on 127.0.0.1 answering with `handler`; close the server when done. */
export async function localNas(handler: FakeHandler): Promise<{ client: AcsClient; server: FakeServer }> {
  const server = await startFakeServer(handler);
  const client = new AcsClient({
    region: "cn-hangzhou",
    endpoint: server.host,
    protocol: "http",
    credentials: { accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET },
    maxAttempts: 1,
  });
  return { client, server };
}

/** The value of a query parameter of a received request. */
export const queryValue = (query: readonly (readonly [string, string])[], name: string): string | undefined => query.find(([k]) => k === name)?.[1];
