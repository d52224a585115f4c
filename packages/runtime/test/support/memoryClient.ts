// A client whose transport answers from memory and records what it was given: for tests about what a call
// sends (or that it sends nothing), without sockets.
import { AcsClient, type ClientConfig } from "../../src/client.js";
import type { HttpRequest, HttpResponse, TransportOptions } from "../../src/transport/types.js";

/** One request the memory transport received, with the options it was sent under. */
export interface Sent {
  readonly request: HttpRequest;
  readonly options: TransportOptions;
}

const CREDENTIALS = { accessKeyId: "LTAI-memory-test", accessKeySecret: "memory-test-secret" };

/**
 * A client (region cn-hangzhou, static test credentials) whose transport answers `answer` (default 200
 * `{"RequestId":"r"}`); `sent` and `requests` fill as it is called.
 */
export function memoryClient(
  config: Partial<ClientConfig> = {},
  answer: (sent: Sent) => HttpResponse = () => ({ status: 200, headers: {}, body: '{"RequestId":"r"}' }),
): { client: AcsClient; sent: Sent[]; requests: HttpRequest[] } {
  const sent: Sent[] = [];
  const requests: HttpRequest[] = [];
  const client = new AcsClient({
    region: "cn-hangzhou",
    credentials: CREDENTIALS,
    transport: async (request, options) => {
      const entry = { request, options };
      sent.push(entry);
      requests.push(request);
      return answer(entry);
    },
    ...config,
  });
  return { client, sent, requests };
}
