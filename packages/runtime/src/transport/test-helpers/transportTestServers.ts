import { startFakeServer, startRawServer } from "@acs-modular/testing";
import { afterEach } from "vitest";

/** The rejection of `promise`, or a failure when it resolves: transport tests assert on the error. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

/**
 * Fake and raw servers on 127.0.0.1 for a transport test file, each closed after the test that started it.
 * Call once at the top level of the file.
 */
export function transportTestServers(): { fake: typeof startFakeServer; raw: typeof startRawServer } {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  return {
    fake: async (...args) => {
      const server = await startFakeServer(...args);
      closers.push(() => server.close());
      return server;
    },
    raw: async (...args) => {
      const server = await startRawServer(...args);
      closers.push(() => server.close());
      return server;
    },
  };
}
