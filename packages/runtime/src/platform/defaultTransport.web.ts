// Portable build: the standard fetch, which every runtime without node:http has.
import { fetchTransport } from "../transport/fetchTransport.js";
import type { Transport } from "../transport/types.js";

/** The transport a client or credential source uses when given none. @internal */
export const defaultTransport: Transport = fetchTransport;
