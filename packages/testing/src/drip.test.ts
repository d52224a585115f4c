import { connect } from "node:net";
import { expect, it } from "vitest";
import { drip } from "./drip.js";
import { startRawServer } from "./rawServer.js";

it("drip writes the whole text, in order, and reports when it started", async () => {
  let started: Promise<void> | undefined;
  const server = await startRawServer((socket) => {
    started = drip(socket, "abcd", 1).started;
  });
  try {
    const [host, port] = server.host.split(":") as [string, string];
    const client = connect(Number(port), host);
    const text = await new Promise<string>((resolve) => {
      let received = "";
      client.on("data", (chunk: Buffer) => {
        received += chunk.toString("latin1");
        if (received.length === 4) resolve(received);
      });
    });
    await started;
    client.destroy();
    expect(text).toBe("abcd");
  } finally {
    await server.close();
  }
});
