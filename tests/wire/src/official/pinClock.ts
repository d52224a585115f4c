// Pins the date and nonce the official client signs with, per call. openapi-core reads both from static
// methods of its `Utils` class on every attempt (`Utils.getTimestamp()` formats `new Date()`,
// `Utils.getNonce()` draws a random string). Both are replaced, once per module instance, by versions that
// read the pinned values of the current asynchronous context (AsyncLocalStorage), so concurrent calls each
// sign with their own values and nothing global — not even `Date` for the rest of the process — is faked.
// The date is still formatted by openapi-core's own code: the original `getTimestamp` runs with `Date`
// resolving to the pinned instant for the duration of that synchronous call only.
import { AsyncLocalStorage } from "node:async_hooks";
import type { OpenApiUtils } from "./loadSdk.js";

export interface PinnedSigning {
  readonly date: Date;
  readonly nonce: string;
}

const storage = new AsyncLocalStorage<PinnedSigning>();
const patched = new WeakSet<object>();

const RealDate = Date;

/** Runs `fn` (synchronous) with the global `Date` answering `instant` for `new Date()` and `Date.now()`. */
function withDate<T>(instant: Date, fn: () => T): T {
  const ms = instant.getTime();
  class PinnedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(ms);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return ms;
    }
  }
  globalThis.Date = PinnedDate as DateConstructor;
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

/** Replaces the clock and nonce of one openapi-core `Utils` class (idempotent). */
export function pinOfficialClock(utils: OpenApiUtils): void {
  if (patched.has(utils)) return;
  patched.add(utils);
  const getTimestamp = utils.getTimestamp.bind(utils);
  const getDateUTCString = utils.getDateUTCString.bind(utils);
  const getNonce = utils.getNonce.bind(utils);
  utils.getTimestamp = () => {
    const pinned = storage.getStore();
    return pinned ? withDate(pinned.date, getTimestamp) : getTimestamp();
  };
  utils.getDateUTCString = () => {
    const pinned = storage.getStore();
    return pinned ? withDate(pinned.date, getDateUTCString) : getDateUTCString();
  };
  utils.getNonce = () => storage.getStore()?.nonce ?? getNonce();
}

/** Runs `fn` with the official clients' date and nonce pinned to `pinned`. */
export function withPinnedSigning<T>(pinned: PinnedSigning, fn: () => Promise<T>): Promise<T> {
  return storage.run(pinned, fn);
}
