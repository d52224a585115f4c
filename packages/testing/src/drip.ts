import type { Socket } from "node:net";

/** A trickle of bytes started by {@link drip}. */
export interface Drip {
  /** Resolves once the first byte is written: the client is then waiting on a trickling answer. */
  readonly started: Promise<void>;
  /** Bytes written so far. */
  readonly written: () => number;
}

/**
 * Writes `text` to `socket` one byte every `everyMs` (from `setInterval`, which tests that fake only
 * `setTimeout` keep real), stopping when the text ends or the socket closes. A server that answers like this
 * never falls silent long enough for an idle timeout: only a bound on the whole exchange ends it.
 */
export function drip(socket: Socket, text: string, everyMs = 5): Drip {
  const bytes = Buffer.from(text, "latin1");
  let i = 0;
  let onStart!: () => void;
  const started = new Promise<void>((resolve) => (onStart = resolve));
  const timer = setInterval(() => {
    if (socket.destroyed || i >= bytes.length) {
      clearInterval(timer);
      return;
    }
    socket.write(bytes.subarray(i, i + 1));
    if (i++ === 0) onStart();
  }, everyMs);
  socket.on("close", () => clearInterval(timer));
  return { started, written: () => i };
}
