// Test-only: a network sandbox for the differential test. While installed, every connection that Node's HTTP
// and HTTPS agents open — ours (nodeHttpTransport) and the official client's (httpx) alike — is redirected:
//
//   127.0.0.1, localhost        → unchanged (the test's own fakes)
//   100.100.100.200 (ECS IMDS)  → the fake metadata service, or a closed port ("not on ECS")
//   *.aliyuncs.com over HTTPS   → the fake STS, trusting only its pinned test certificate
//   anything else               → a closed port, and recorded as blocked
//
// Why: @alicloud/credentials hard-codes `https://` for STS and `http://100.100.100.200` for metadata, and has no
// option to change the ECS address nor, for ChainableRamRoleArn, ini ram_role_arn and OIDC, the STS host. So
// instead of pointing each client somewhere, the sandbox gives both clients their defaults and answers them
// locally — which also guarantees that nothing leaves this machine, whatever either client decides.
// The certificate is trusted only on the connections the sandbox redirects (a `ca` and a pinned SHA-256
// fingerprint on those sockets); the process's CA store and NODE_TLS_REJECT_UNAUTHORIZED are left alone.
import { readFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import type { PeerCertificate } from "node:tls";
import { X509Certificate } from "node:crypto";

/** The test-only certificate and key of the fake STS (src/credentials/test-helpers/tls/README.md). */
export const FAKE_STS_TLS = {
  cert: readFileSync(new URL("../../../src/credentials/test-helpers/tls/fake-sts.cert.pem", import.meta.url), "utf8"),
  key: readFileSync(new URL("../../../src/credentials/test-helpers/tls/fake-sts.key.pem", import.meta.url), "utf8"),
};
const PINNED = new X509Certificate(FAKE_STS_TLS.cert).fingerprint256;

/** Where the sandbox sends what. `metadata` undefined: the metadata address refuses connections. */
export interface SandboxRoutes {
  /** `127.0.0.1:<port>` of the fake STS (HTTPS). */
  sts: string;
  /** `127.0.0.1:<port>` of the fake metadata service, or undefined for "not on ECS". */
  metadata: string | undefined;
  /** `127.0.0.1:<port>` where nothing listens. */
  closed: string;
}

/** A redirected connection, for assertions. */
export interface SandboxConnection {
  readonly protocol: "http" | "https";
  /** What the client asked for. */
  readonly host: string;
  /** Where it went: `sts`, `metadata`, `local` or `blocked`. */
  readonly route: "sts" | "metadata" | "local" | "blocked";
}

type CreateConnection = (options: Record<string, unknown>, callback?: unknown) => unknown;

/** Installs the sandbox; call the returned function to restore the agents. */
export function installNetworkSandbox(routes: SandboxRoutes, seen: SandboxConnection[]): () => void {
  const httpProto = http.Agent.prototype as unknown as { createConnection: CreateConnection };
  const httpsProto = https.Agent.prototype as unknown as { createConnection: CreateConnection };
  const originalHttp = httpProto.createConnection;
  const originalHttps = httpsProto.createConnection;

  const target = (protocol: "http" | "https", host: string): { route: SandboxConnection["route"]; address: string } => {
    if (host === "127.0.0.1" || host === "localhost") return { route: "local", address: "" };
    if (protocol === "http" && host === "100.100.100.200") {
      return routes.metadata ? { route: "metadata", address: routes.metadata } : { route: "metadata", address: routes.closed };
    }
    if (protocol === "https" && /(^|\.)aliyuncs\.com$/.test(host)) return { route: "sts", address: routes.sts };
    return { route: "blocked", address: routes.closed };
  };
  const redirect = (protocol: "http" | "https", original: CreateConnection): CreateConnection =>
    function (this: unknown, options, callback) {
      const host = String(options["host"] ?? options["hostname"] ?? "");
      const { route, address } = target(protocol, host);
      seen.push({ protocol, host, route });
      if (route === "local") return original.call(this, options, callback);
      const [toHost, toPort] = address.split(":");
      const tlsTrust =
        route === "sts"
          ? {
              ca: [FAKE_STS_TLS.cert],
              checkServerIdentity: (_name: string, cert: PeerCertificate) =>
                cert.fingerprint256 === PINNED ? undefined : new Error("sandbox: not the fake STS certificate"),
            }
          : {};
      return original.call(this, { ...options, host: toHost, hostname: toHost, port: Number(toPort), ...tlsTrust }, callback);
    };
  httpProto.createConnection = redirect("http", originalHttp);
  httpsProto.createConnection = redirect("https", originalHttps);
  return () => {
    httpProto.createConnection = originalHttp;
    httpsProto.createConnection = originalHttps;
  };
}
