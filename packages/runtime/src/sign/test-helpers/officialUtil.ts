// Alibaba's official signing helpers (@alicloud/openapi-util, reached through the installed
// @alicloud/openapi-client devDependency), used as an independent reference in unit tests.
import { createRequire } from "node:module";

/** The static methods of OpenApiUtil the unit tests compare against. */
export interface OfficialOpenApiUtil {
  /** The official RFC 3986 encoder (`encode` in openapi-util). */
  getEncodeParam(value: string): string;
  getEncodePath(path: string): string;
  getAuthorization(
    request: { pathname: string; method: string; query: Record<string, string>; headers: Record<string, string> },
    algorithm: string,
    payloadHash: string,
    accessKeyId: string,
    accessKeySecret: string,
  ): string;
}

const requireHere = createRequire(import.meta.url);
const requireFromClient = createRequire(requireHere.resolve("@alicloud/openapi-client"));

/** The OpenApiUtil class of the official client's own dependency tree. */
export const officialUtil = (requireFromClient("@alicloud/openapi-util") as { default: OfficialOpenApiUtil }).default;
