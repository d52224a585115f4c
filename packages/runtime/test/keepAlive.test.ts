// Sequential calls from one client share one TCP connection: no handshake per call.
import { onHttpRequests, rawResponseHead, startRawServer } from "@acs-modular/testing";
import { expect, it } from "vitest";
import { invokeOperation } from "../src/invokeOperation.js";
import { createThing, describeThings } from "./support/operations.js";
import { testClient } from "./support/testClient.js";

it("two sequential calls (and a third from another client) reuse one keep-alive connection", async () => {
  const server = await startRawServer((socket) =>
    onHttpRequests(socket, (_head, _body, index) => {
      const body = JSON.stringify({ RequestId: `rid-${index}` });
      socket.write(rawResponseHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }) + body);
    }),
  );
  try {
    const client = testClient(server.host);
    await expect(invokeOperation(client, describeThings, {})).resolves.toEqual({ RequestId: "rid-0" });
    await expect(invokeOperation(client, createThing, { Name: "a" })).resolves.toEqual({ RequestId: "rid-1" });
    // The pool belongs to the transport, not the client: clients for the same host share it.
    await expect(invokeOperation(testClient(server.host), describeThings, {})).resolves.toEqual({ RequestId: "rid-2" });
    expect(server.connections).toBe(1);
  } finally {
    await server.close();
  }
});
