// Node build: node:http/node:https (loaded on the first request). The portable build uses defaultTransport.web.ts.
import { nodeHttpTransport } from "../transport/nodeHttpTransport.js";
import type { Transport } from "../transport/types.js";

/** The transport a client or credential source uses when given none. @internal */
export const defaultTransport: Transport = nodeHttpTransport;
