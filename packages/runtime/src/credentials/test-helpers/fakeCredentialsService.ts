// Test-only: a fake credentials URI / CloudSSO portal on 127.0.0.1, on top of the shared fake server. It
// serves temporary credentials whose Expiration follows an injected clock and counts what it served.
import { type FakeServer, jsonReply, startFakeServer } from "@acs-modular/testing";

/** A running fake with its knobs; `close()` it when done. */
export interface FakeCredentialsService {
  readonly server: FakeServer;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Credentials served so far. */
  served(): number;
  /** Reply with this status (and an error body) instead, while set. */
  failWith: number | undefined;
  close(): Promise<void>;
}

/**
 * Starts the fake. Every successful answer carries `AccessKeyId` `<prefix>-<n>` (n counts from 1), a secret,
 * a token and `Expiration` = `now() + lifetimeMs`; `wrap` nests them (CloudSSO: `CloudCredential`).
 */
export async function startFakeCredentialsService(options: {
  readonly prefix: string;
  readonly now: () => number;
  readonly lifetimeMs?: number;
  readonly wrap?: string;
  readonly extra?: Record<string, unknown>;
}): Promise<FakeCredentialsService> {
  let served = 0;
  const service: { failWith: number | undefined } = { failWith: undefined };
  const server = await startFakeServer(() => {
    if (service.failWith !== undefined) return jsonReply(service.failWith, { Code: "Failed", Message: "fake refused" });
    served++;
    const credentials = {
      AccessKeyId: `${options.prefix}-${served}`,
      AccessKeySecret: `${options.prefix}-secret-${served}`,
      SecurityToken: `${options.prefix}-token-${served}`,
      Expiration: new Date(options.now() + (options.lifetimeMs ?? 3_600_000)).toISOString().replace(/\.\d{3}Z$/, "Z"),
      ...options.extra,
    };
    return jsonReply(200, options.wrap ? { [options.wrap]: credentials } : credentials);
  });
  return Object.assign(service, {
    server,
    url: `http://${server.host}`,
    served: () => served,
    close: () => server.close(),
  });
}
