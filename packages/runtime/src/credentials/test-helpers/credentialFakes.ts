// Test-only: every fake a credential chain can reach, started together on 127.0.0.1 with one manual clock,
// plus the chain options that point each source at its fake. Nothing here reaches a real endpoint.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { credentialsJson, type FakeMetadataServer, startFakeMetadataServer } from "./fakeEcsMetadataServer.js";
import { type FakeCredentialsService, startFakeCredentialsService } from "./fakeCredentialsService.js";
import { type FakeStsServer, startFakeStsServer } from "./fakeStsServer.js";
import { type ManualClock, manualClock } from "./manualClock.js";
import { makeTempHome, type TempHome } from "./tempDir.js";

/** Long-term key every fake STS accepts in these tests. */
export const BASE_KEY = { accessKeyId: "AK_BASE", accessKeySecret: "base-secret" } as const;

/** The running fakes; `close()` them all in `afterEach`/`afterAll`. */
export interface CredentialFakes {
  readonly clock: ManualClock;
  readonly sts: FakeStsServer;
  readonly metadata: FakeMetadataServer;
  readonly uri: FakeCredentialsService;
  readonly sso: FakeCredentialsService;
  /** Chain options pointing STS and ECS at the fakes, with the fake clock. */
  readonly chainOptions: {
    readonly sts: { readonly endpoint: string; readonly connectTimeoutMs: number; readonly readTimeoutMs: number };
    readonly ecs: { readonly baseUrl: string; readonly timeoutMs: number };
    readonly now: () => number;
  };
  close(): Promise<void>;
}

/** Starts all fakes. The metadata service serves role `my-role` with ECS credentials following the clock. */
export async function startCredentialFakes(): Promise<CredentialFakes> {
  const clock = manualClock();
  const sts = await startFakeStsServer({ now: clock.now });
  sts.addAccessKey(BASE_KEY.accessKeyId, BASE_KEY.accessKeySecret);
  const metadata = await startFakeMetadataServer();
  metadata.behaviour.credentialsBody = () =>
    credentialsJson({ AccessKeyId: "STS.ECS", AccessKeySecret: "ecs-secret", SecurityToken: "ecs-token", Expiration: new Date(clock.now() + 3_600_000).toISOString() });
  sts.addAccessKey("STS.ECS", "ecs-secret", "ecs-token");
  const uri = await startFakeCredentialsService({ prefix: "URI", now: clock.now, extra: { Code: "Success" } });
  const sso = await startFakeCredentialsService({ prefix: "SSO", now: clock.now, wrap: "CloudCredential" });
  return {
    clock,
    sts,
    metadata,
    uri,
    sso,
    // Timeouts far above anything a loaded machine needs: tests assert on what happened, never on time.
    chainOptions: { sts: { endpoint: sts.url, connectTimeoutMs: 60_000, readTimeoutMs: 60_000 }, ecs: { baseUrl: metadata.baseUrl, timeoutMs: 60_000 }, now: clock.now },
    close: async () => {
      await Promise.all([sts.close(), metadata.close(), uri.close(), sso.close()]);
    },
  };
}

/**
 * Starts the fakes and a temporary HOME before the suite and removes both after it; call at the top of a
 * `describe`. STS calls are forgotten before each test, so every test counts its own.
 */
export function useCredentialFakes(): { readonly fakes: CredentialFakes; readonly home: TempHome } {
  const state = {} as { fakes: CredentialFakes; home: TempHome };
  beforeAll(async () => {
    state.fakes = await startCredentialFakes();
    state.home = await makeTempHome();
  });
  afterAll(async () => {
    await Promise.all([state.fakes.close(), state.home.remove()]);
  });
  beforeEach(() => {
    state.fakes.sts.calls.length = 0;
  });
  return state;
}
