// Test-only: a clock that moves only when the test says so, passed as `now` to providers and fakes alike,
// so expiry and refresh are tested without waiting for (or racing) the wall clock.

/** A clock in epoch ms. */
export interface ManualClock {
  readonly now: () => number;
  advance(ms: number): void;
  set(epochMs: number): void;
}

/** Starts at `start` (default 2030-01-01T00:00:00Z, far from any real date a fake might compare against). */
export function manualClock(start = Date.UTC(2030, 0, 1)): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (epochMs) => {
      t = epochMs;
    },
  };
}

/**
 * Collects events and waits for them: pass `hook` as `onEvent`; `next(type)` resolves after the next event of
 * that type (or of any of several types), one macrotask later, so the refresh that emitted it has fully settled
 * (its in-flight slot freed). Wait for every outcome a step can have, so a failure shows as an assertion.
 */
export function eventWaiter<E extends { readonly type: string }>(): {
  hook: (event: E) => void;
  events: E[];
  next(type: E["type"] | readonly E["type"][]): Promise<E>;
} {
  const events: E[] = [];
  const waiting: { types: readonly string[]; resolve: (event: E) => void }[] = [];
  return {
    events,
    hook: (event) => {
      events.push(event);
      for (const w of waiting.splice(0)) {
        if (w.types.includes(event.type)) setTimeout(() => w.resolve(event), 0);
        else waiting.push(w);
      }
    },
    next: (type) => new Promise<E>((resolve) => waiting.push({ types: typeof type === "string" ? [type] : type, resolve })),
  };
}
