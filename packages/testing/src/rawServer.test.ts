import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { onHttpRequests, rawResponseHead, startRawServer, type RawRequestHead } from "./rawServer.js";

describe("startRawServer / onHttpRequests", () => {
  it("parses pipelined requests split across packets, counts connections, and answers raw bytes", async () => {
    const seen: [RawRequestHead, string, number][] = [];
    const server = await startRawServer((socket) =>
      onHttpRequests(socket, (head, body, index) => {
        seen.push([head, body, index]);
        if (index === 1) socket.end(rawResponseHead(200, { "content-length": "2" }) + "ok");
      }),
    );
    try {
      const [host, port] = server.host.split(":") as [string, string];
      const client = connect(Number(port), host);
      const reply = new Promise<string>((resolve) => {
        let text = "";
        client.on("data", (c: Buffer) => (text += c.toString()));
        client.on("end", () => resolve(text));
      });
      const wire = "POST /a?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\nX-Test: Yes\r\n\r\n";
      client.write(wire.slice(0, 20));
      await new Promise((r) => setTimeout(r, 20));
      client.write(wire.slice(20));
      expect(await reply).toBe("HTTP/1.1 200 X\r\ncontent-length: 2\r\n\r\nok");
      expect(seen).toEqual([
        [{ method: "POST", target: "/a?x=1", headers: { host: "h", "content-length": "3" } }, "abc", 0],
        [{ method: "GET", target: "/b", headers: { "x-test": "Yes" } }, "", 1],
      ]);
      expect(server.connections).toBe(1);
    } finally {
      await server.close();
    }
  });
});
