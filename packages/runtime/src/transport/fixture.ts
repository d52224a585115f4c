/**
 * The recorded-exchange ("fixture") format shared by the recorder, the replayer and the generator.
 * Documented in fixtures/README.md and described by fixtures/fixture.schema.json at the repository root;
 * bump {@link FIXTURE_FORMAT} (and the schema) on any change that an old reader could misread.
 */

/** Version of the fixture format written by this runtime. */
export const FIXTURE_FORMAT = 1;

/** Stands in for the access key id wherever a request carried it. Replay re-signs with test credentials. */
export const ACCESS_KEY_ID_MARKER = "<ACCESS_KEY_ID>";

/** Where a fixture came from. */
export type FixtureSource = "live" | "official-client" | "spec-example";

/** The request as it went on the wire, redacted. Header names are lower case and sorted. */
export interface FixtureRequest {
  readonly method: string;
  readonly protocol: "https:" | "http:";
  /** `Host` header value, with `:port` when not default. */
  readonly host: string;
  /** Decoded path, without query string. */
  readonly pathname: string;
  /** Decoded query parameters, in the order sent. */
  readonly query: readonly (readonly [string, string])[];
  /** Sent headers without `authorization` and `x-acs-security-token`; the access key id is replaced by the marker. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `SignedHeaders` list of the Authorization header (the signature itself is dropped). */
  readonly signedHeaders: readonly string[];
  readonly body: string | null;
}

/** The response as received. Header names are lower case and sorted; `set-cookie` is dropped. */
export interface FixtureResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text, exactly as received (the access key id, if echoed, replaced by the marker). */
  readonly body: string;
}

/** The error a call must reject with when replayed. */
export interface FixtureExpectedError {
  /** The error class name: `ServiceError` or `MalformedResponseError`. */
  readonly name: string;
  readonly code: string;
  readonly httpStatus: number;
  readonly requestId: string | null;
}

/** What the call must produce when replayed: the decoded output, or an error. */
export type FixtureExpected =
  | { readonly output: Readonly<Record<string, unknown>> }
  | { readonly error: FixtureExpectedError };

/** One recorded exchange of one operation. */
export interface Fixture {
  readonly fixtureFormat: typeof FIXTURE_FORMAT;
  readonly source: FixtureSource;
  /** Free text for humans: what the fixture shows. */
  readonly description?: string;
  readonly operation: { readonly product: string; readonly apiVersion: string; readonly action: string };
  /** The input given to the operation function (with the idempotency token the runtime filled in, if any). */
  readonly input: Readonly<Record<string, unknown>>;
  readonly request: FixtureRequest;
  readonly response: FixtureResponse;
  readonly expected: FixtureExpected;
}

/**
 * A fixture as file text: two-space JSON with each `[name, value]` pair on one line, so that a query
 * reads (and diffs in review) one parameter per line.
 */
export function formatFixture(fixture: Fixture): string {
  return `${JSON.stringify(fixture, null, 2).replace(/\[\s*("(?:[^"\\]|\\.)*"),\s*("(?:[^"\\]|\\.)*")\s*\]/g, "[$1, $2]")}\n`;
}
