// A client pointed at a local fake endpoint, with STS test credentials and fast retries.
import { TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN } from "@acs-modular/testing";
import { AcsClient, type ClientConfig } from "../../src/client.js";

/** A client for `host` (`127.0.0.1:<port>`, plain HTTP) whose backoff is capped at a few ms so tests stay fast. */
export function testClient(host: string, overrides: Partial<ClientConfig> = {}): AcsClient {
  return new AcsClient({
    region: "cn-hangzhou",
    endpoint: host,
    protocol: "http",
    credentials: { accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET, securityToken: TEST_SECURITY_TOKEN },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  });
}

/** Settles `promise` and returns its rejection, failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
