// Drives an official SDK the way a user does: one client per credential kind, pointed at the capture server
// over HTTP, and `<camelAction>WithOptions(...)` called with the mapped arguments, the date and nonce pinned for
// that call only, one attempt (openapi-core retries only with `retryOptions`, which the config never sets; the
// runtime options say `autoretry: false, maxAttempts: 1` as well).
//
// The credential is a plain object with `getCredential()`, without `providerName`: openapi-core then sends no
// `x-acs-credentials-provider` header, which our runtime never sends (see DELIBERATE_DIFFERENCES). A user of
// @alicloud/credentials gets that header; `officialClientWithCredentialsPackage` builds such a client for the
// test that pins the difference.
import { createRequire } from "node:module";
import type { MetaOperation } from "../metadata/loadMetadata.js";
import type { Product } from "../products.js";
import { loadSdk, type LoadedSdk } from "./loadSdk.js";
import { planOfficialCall, type PlanResult } from "./mapInput.js";
import { pinOfficialClock, withPinnedSigning, type PinnedSigning } from "./pinClock.js";

export interface WireCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

type Client = Record<string, (...args: unknown[]) => Promise<unknown>>;

export interface OfficialOutcome {
  /** The SDK's error, when the call failed (after or before sending); never contains credentials. */
  readonly error?: string;
}

export interface OfficialDriver {
  readonly sdk: LoadedSdk;
  plan(op: MetaOperation, input: Readonly<Record<string, unknown>>): PlanResult;
  /** Sends one planned call; resolves when the SDK is done with it, whatever the outcome. */
  call(plan: Extract<PlanResult, { ok: true }>["plan"], credentials: "ak" | "sts", pinned: PinnedSigning): Promise<OfficialOutcome>;
}

function credentialObject(c: WireCredentials): unknown {
  return {
    getCredential: () => Promise.resolve({ ...c, type: c.securityToken ? "sts" : "access_key" }),
  };
}

/** A short, secret-free description of an error the SDK threw. */
function describeError(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return `${e.name}${typeof code === "string" ? ` ${code}` : ""}: ${e.message.split("\n")[0]!.slice(0, 200)}`;
  }
  return String(e);
}

export function createOfficialDriver(product: Product, host: string, credentials: { ak: WireCredentials; sts: WireCredentials }): OfficialDriver {
  const sdk = loadSdk(product);
  pinOfficialClock(sdk.utils);
  const make = (c: WireCredentials): Client =>
    new sdk.Client(new sdk.Config({ credential: credentialObject(c), endpoint: host, protocol: "HTTP", regionId: "cn-hangzhou" })) as unknown as Client;
  const clients = { ak: make(credentials.ak), sts: make(credentials.sts) };
  return {
    sdk,
    plan: (op, input) => planOfficialCall(sdk, op, input),
    call: async (plan, kind, pinned) => {
      const client = clients[kind];
      try {
        await withPinnedSigning(pinned, () => client[plan.method]!.apply(client, plan.buildArgs()));
        return {};
      } catch (e) {
        return { error: describeError(e) };
      }
    },
  };
}

/** An official client whose credential comes from @alicloud/credentials, as most users configure it. */
export function officialClientWithCredentialsPackage(product: Product, host: string, c: WireCredentials): Client {
  const sdk = loadSdk(product);
  pinOfficialClock(sdk.utils);
  const requireFromSdk = createRequire(createRequire(import.meta.url).resolve(product.sdk));
  const requireFromCore = createRequire(requireFromSdk.resolve("@alicloud/openapi-core"));
  const Credential = (requireFromCore("@alicloud/credentials") as { default: new (config: unknown) => unknown }).default;
  const credential = new Credential({ type: "access_key", accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret });
  return new sdk.Client(new sdk.Config({ credential, endpoint: host, protocol: "HTTP", regionId: "cn-hangzhou" })) as unknown as Client;
}
