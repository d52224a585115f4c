// Test-only: a fake ECS metadata service on 127.0.0.1. Not part of the runtime's public surface.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What a test wants the fake service to answer. Every field can be changed between requests. */
export interface FakeMetadataBehaviour {
  /** Token handed out by PUT /latest/api/token; `undefined` makes the PUT answer 403. */
  token: string | undefined;
  /** Role listed at the credentials directory; `undefined` makes the listing answer 404. */
  roleName: string | undefined;
  /** Raw body served for the role's credentials; a function to compute it per request. */
  credentialsBody: string | (() => string);
  /** Status for the role's credentials (e.g. 500). */
  credentialsStatus: number;
  /** Milliseconds to wait before answering anything (for timeout tests). */
  delayMs: number;
  /** Serve GETs that carry no token (IMDSv1). Default false: like an instance in IMDSv2-only mode. */
  imdsV1: boolean;
}

/** A request the fake saw, for assertions. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** A running fake; `close()` it in `afterEach`. */
export interface FakeMetadataServer {
  readonly baseUrl: string;
  readonly behaviour: FakeMetadataBehaviour;
  readonly requests: SeenRequest[];
  /** How many times the role's credentials were served. */
  credentialFetches(): number;
  /** Closes every open connection, so clients' keep-alive sockets cannot outlive a test's setup. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** JSON in the shape the real service returns. */
export function credentialsJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    AccessKeyId: "STS.AKID0000WXYZ",
    AccessKeySecret: "ecs-secret",
    SecurityToken: "ecs-token",
    Expiration: "2030-01-01T00:00:00Z",
    LastUpdated: "2029-12-31T18:00:00Z",
    Code: "Success",
    ...overrides,
  });
}

/**
 * Starts the fake on an ephemeral port. Like the real service in IMDSv2-only mode, it rejects GETs without a
 * valid token (401); with `imdsV1` it also serves token-less GETs, and with `token: undefined` it refuses the
 * token PUT (403), as an IMDSv1-only instance does.
 */
export async function startFakeMetadataServer(initial: Partial<FakeMetadataBehaviour> = {}): Promise<FakeMetadataServer> {
  const behaviour: FakeMetadataBehaviour = {
    token: "tok-123",
    roleName: "my-role",
    credentialsBody: credentialsJson(),
    credentialsStatus: 200,
    delayMs: 0,
    imdsV1: false,
    ...initial,
  };
  const requests: SeenRequest[] = [];
  let fetches = 0;
  const prefix = "/latest/meta-data/ram/security-credentials/";

  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const send = (status: number, body: string): void => {
      res.writeHead(status).end(body);
    };
    if (req.method === "PUT" && req.url === "/latest/api/token") {
      if (req.headers["x-aliyun-ecs-metadata-token-ttl-seconds"] === undefined) return send(400, "ttl header missing");
      return behaviour.token === undefined ? send(403, "") : send(200, behaviour.token);
    }
    if (req.method !== "GET" || !req.url?.startsWith(prefix)) return send(404, "");
    const sent = req.headers["x-aliyun-ecs-metadata-token"];
    const v1 = sent === undefined && behaviour.imdsV1;
    if (!v1 && (behaviour.token === undefined || sent !== behaviour.token)) return send(401, "token required");
    const rest = decodeURIComponent(req.url.slice(prefix.length));
    if (rest === "") return behaviour.roleName === undefined ? send(404, "") : send(200, behaviour.roleName);
    if (rest !== behaviour.roleName) return send(404, "");
    fetches++;
    const body = typeof behaviour.credentialsBody === "function" ? behaviour.credentialsBody() : behaviour.credentialsBody;
    return send(behaviour.credentialsStatus, body);
  };

  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    if (behaviour.delayMs > 0) setTimeout(() => answer(req, res), behaviour.delayMs);
    else answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    behaviour,
    requests,
    credentialFetches: () => fetches,
    dropConnections: () => server.closeAllConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        // fetch keeps connections alive; drop them so close() does not wait for their idle timeout.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A base URL on 127.0.0.1 where nothing listens (connection refused), for "not on ECS" cases. */
export async function unusedLocalUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
