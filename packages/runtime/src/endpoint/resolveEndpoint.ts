import { ValidationError } from "../errors/ValidationError.js";
import type { EndpointRules } from "../operation.js";

/** Region ids are plain tokens; anything else could steer a request to a host the user did not mean. */
const REGION_ID = /^[a-z0-9-]+$/;

export interface ResolvedEndpoint {
  readonly protocol: "https:" | "http:";
  /** Host name, with `:port` when one was given. */
  readonly host: string;
}

export interface EndpointOptions {
  readonly region: string;
  /** Overrides the resolved host: `host`, `host:port`, or a URL such as `http://127.0.0.1:8080`. */
  readonly endpoint?: string | undefined;
  readonly endpointType?: "public" | "vpc" | undefined;
  readonly protocol?: "https" | "http" | undefined;
}

const parsedEndpoints = new Map<string, ResolvedEndpoint | string>();

/** The endpoint option as protocol and host, or why it is refused. */
function parseEndpoint(endpoint: string, protocol: ResolvedEndpoint["protocol"]): ResolvedEndpoint | string {
  const hasScheme = /^[a-z]+:\/\//i.test(endpoint);
  let url: URL;
  try {
    url = new URL(hasScheme ? endpoint : `${protocol}//${endpoint}`);
  } catch {
    return "is not a valid host or URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must use http or https";
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.username || url.password) {
    return "must be a host, without path, query or user info";
  }
  return { protocol: url.protocol, host: url.host };
}

/**
 * Region → endpoint: a custom endpoint wins, then the product's per-region exception, then its pattern.
 * HTTPS unless asked otherwise.
 */
export function resolveEndpoint(action: string, rules: EndpointRules, options: EndpointOptions): ResolvedEndpoint {
  let protocol: ResolvedEndpoint["protocol"] = options.protocol === "http" ? "http:" : "https:";
  if (options.endpoint) {
    // A client sends every call to its one endpoint: parse it once (the cache is bounded).
    const key = `${protocol} ${options.endpoint}`;
    let parsed = parsedEndpoints.get(key);
    if (parsed === undefined) {
      parsed = parseEndpoint(options.endpoint, protocol);
      if (parsedEndpoints.size < 64) parsedEndpoints.set(key, parsed);
    }
    if (typeof parsed === "string") throw new ValidationError(action, "endpoint", parsed);
    return parsed;
  }
  if (!REGION_ID.test(options.region)) {
    throw new ValidationError(action, "region", `must match ${REGION_ID.source}`);
  }
  if (options.endpointType === "vpc") {
    if (!rules.vpcPattern) throw new ValidationError(action, "endpointType", "vpc is not offered by this product");
    return { protocol, host: rules.vpcPattern.replace("{regionId}", options.region) };
  }
  // Own keys only: a region id such as `constructor` must not pick up Object.prototype members.
  const exception = rules.regions && Object.hasOwn(rules.regions, options.region) ? rules.regions[options.region] : undefined;
  const host = exception ?? rules.pattern.replace("{regionId}", options.region);
  return { protocol, host };
}
