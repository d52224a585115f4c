import { readFileSync } from "node:fs";

/** A TLS key and certificate, PEM. */
export interface TlsMaterial {
  readonly key: string;
  readonly cert: string;
}

/**
 * The test-only certificate of `tls/` (127.0.0.1, localhost, *.cn-hangzhou.aliyuncs.com) and its key, for a fake
 * server started with TLS. Trust it per request (`ca: TEST_TLS.cert`), never process-wide; see tls/README.md.
 */
export const TEST_TLS: TlsMaterial = {
  key: readFileSync(new URL("./tls/test-server.key.pem", import.meta.url), "utf8"),
  cert: readFileSync(new URL("./tls/test-server.cert.pem", import.meta.url), "utf8"),
};
