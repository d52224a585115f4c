// The endpoint of the per-call benchmark, run in its own process so that its CPU is not counted as the
// client's. Answers every request like NAS answers a successful CancelDataFlowSubTask; `GET /__connections`
// returns how many TCP connections it has accepted, so the client can check that keep-alive works.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const BODY = JSON.stringify({ RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E" });
let connections = 0;

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url === "/__connections") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ connections }));
      return;
    }
    res.writeHead(200, {
      "content-type": "application/json;charset=utf-8",
      "content-length": String(Buffer.byteLength(BODY)),
      "x-acs-request-id": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
    });
    res.end(BODY);
  });
});
server.on("connection", () => connections++);
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
// The parent closes our stdin when it is done (or dies): stop then.
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
