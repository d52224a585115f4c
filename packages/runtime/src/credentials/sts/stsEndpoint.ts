import { type Env, isEnvTrue, readEnv } from "../envVar.js";

/** Where STS is reached, as the official `@alicloud/credentials` configures it (`stsEndpoint`, `stsRegionId`, `enableVpc`). */
export interface StsOptions {
  /**
   * Host (`sts.cn-hangzhou.aliyuncs.com`), `host:port`, or a URL (`https://host`, `http://127.0.0.1:8080` for a
   * local proxy). Overrides `region` and `vpc`. HTTPS unless the URL says `http://`.
   */
  readonly endpoint?: string;
  /** STS region: `sts.<region>.aliyuncs.com`. Defaults to `ALIBABA_CLOUD_STS_REGION`; none → `sts.aliyuncs.com`. */
  readonly region?: string;
  /** Use the VPC endpoint `sts-vpc.<region>.aliyuncs.com` (needs a region). Defaults to `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`. */
  readonly vpc?: boolean;
  /** Default 5 000 ms, as the official client. */
  readonly connectTimeoutMs?: number;
  /** Default 10 000 ms, as the official client. */
  readonly readTimeoutMs?: number;
}

/** A resolved STS endpoint. */
export interface StsEndpoint {
  readonly protocol: "https:" | "http:";
  readonly host: string;
}

const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * Resolves the STS endpoint: explicit `endpoint`, else `sts[-vpc].<region>.aliyuncs.com` from `region`/`vpc`
 * (falling back to `ALIBABA_CLOUD_STS_REGION` / `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`), else the global
 * `sts.aliyuncs.com` — the official client's rules. Returns a reason string when `endpoint` is not a host.
 */
export function resolveStsEndpoint(options: StsOptions, env: Env): StsEndpoint | { readonly invalid: string } {
  if (options.endpoint !== undefined) {
    const raw = options.endpoint.trim();
    const protocol = /^http:\/\//i.test(raw) ? "http:" : "https:";
    const host = raw.replace(/^https?:\/\//i, "").replace(/\/+$/, "");
    return HOST.test(host) ? { protocol, host } : { invalid: "STS endpoint is not a host name, host:port or http(s) URL" };
  }
  const region = options.region ?? readEnv(env, "ALIBABA_CLOUD_STS_REGION");
  if (region === undefined) return { protocol: "https:", host: "sts.aliyuncs.com" };
  if (!/^[a-z0-9-]{1,64}$/.test(region)) return { invalid: "STS region is not a region id" };
  const vpc = options.vpc ?? isEnvTrue(env, "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED");
  return { protocol: "https:", host: vpc ? `sts-vpc.${region}.aliyuncs.com` : `sts.${region}.aliyuncs.com` };
}
