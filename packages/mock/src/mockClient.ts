import type { ClientConfig, Credentials } from "@acs-modular/runtime";
import { ClientMock, type AcsClientMock } from "./AcsClientMock.js";

/**
 * The credentials of a mock's client: fixed, obviously fake, and never sent anywhere. Give them to a client
 * you build on `mock.transport`, so that it does not look for real credentials (the default chain may read
 * files or ask the ECS metadata service).
 * @public
 */
export const MOCK_CREDENTIALS: Credentials = Object.freeze({
  accessKeyId: "LTAI5tMOCKACCESSKEYID0000",
  accessKeySecret: "mock-access-key-secret-not-a-real-one",
});

/**
 * Options of {@link mockClient}: any `ClientConfig` option but `transport` (the mock's own), all optional.
 * @public
 */
export type MockClientConfig = Partial<Omit<ClientConfig, "transport">>;

/**
 * Creates a mock of Alibaba Cloud and the `AcsClient` it answers for (`mock.client`). Defaults: region
 * `cn-hangzhou`, {@link MOCK_CREDENTIALS}, and `maxAttempts: 1`, so a mocked error reaches the caller at
 * once; pass `maxAttempts` (and fake timers for the backoff) to exercise the runtime's real retries.
 * @example
 * ```ts
 * const mock = mockClient();
 * mock.on(describeDataFlows, { FileSystemId: "cpfs-1" }).resolves({ DataFlowInfo: { DataFlow: [] } });
 * await describeDataFlows(mock.client, { FileSystemId: "cpfs-1" });
 * ```
 * @public
 */
export function mockClient(config: MockClientConfig = {}): AcsClientMock {
  // `??`, not spread defaults: a plain-JS `credentials: undefined` must not fall back to the default chain,
  // which may read files or ask the ECS metadata service.
  return new ClientMock({
    ...config,
    region: config.region ?? "cn-hangzhou",
    credentials: config.credentials ?? MOCK_CREDENTIALS,
    maxAttempts: config.maxAttempts ?? 1,
  });
}
