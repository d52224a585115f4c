import { describe, expect, it } from "vitest";
import { cachedProvider, DEFAULT_REFRESH_MARGIN_MS } from "./cachedProvider.js";
import type { CredentialsEvent } from "./events.js";
import { eventWaiter, manualClock } from "./test-helpers/manualClock.js";
import type { CredentialProvider, Credentials } from "./types.js";

const MINUTE = 60_000;

/**
 * An upstream that counts calls and hands out credentials expiring `lifetimeMs` after the fake clock. Each
 * call stays in flight for `delayMs` (so concurrency is real), or only for a few microtasks when 0.
 */
function upstream(clock: { now: () => number }, lifetimeMs: number | undefined, delayMs = 5) {
  let calls = 0;
  let failNext = false;
  const provider: CredentialProvider = {
    async getCredentials(): Promise<Credentials> {
      calls++;
      await (delayMs > 0 ? new Promise((r) => setTimeout(r, delayMs)) : Promise.resolve());
      if (failNext) {
        failNext = false;
        throw new Error("upstream down");
      }
      const base = { accessKeyId: `AK${calls}`, accessKeySecret: "S" };
      return lifetimeMs === undefined ? base : { ...base, expiration: new Date(clock.now() + lifetimeMs) };
    },
  };
  return { provider, calls: () => calls, failOnce: () => (failNext = true) };
}

function setup(lifetimeMs: number | undefined, refreshMarginMs?: number, delayMs?: number) {
  const clock = manualClock(0);
  const u = upstream(clock, lifetimeMs, delayMs);
  const events = eventWaiter<CredentialsEvent>();
  const cached = cachedProvider(u.provider, {
    now: clock.now,
    onEvent: events.hook,
    source: "test source",
    ...(refreshMarginMs === undefined ? {} : { refreshMarginMs }),
  });
  const burst = (n: number) => Promise.all(Array.from({ length: n }, () => cached.getCredentials()));
  return { clock, u, events, cached, burst };
}

describe("cachedProvider", () => {
  it("10 concurrent first calls share one upstream call", async () => {
    const { u, burst } = setup(60 * MINUTE);
    const results = await burst(10);
    expect(u.calls()).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]?.accessKeyId).toBe("AK1");
  });

  it("serves from cache while outside the refresh margin", async () => {
    const { clock, u, cached } = setup(60 * MINUTE);
    await cached.getCredentials();
    clock.set(56 * MINUTE); // 4 minutes left, margin is 3
    expect((await cached.getCredentials()).accessKeyId).toBe("AK1");
    expect(u.calls()).toBe(1);
  });

  it("inside the margin, serves the cached credentials at once and refreshes once in the background", async () => {
    const { clock, u, events, cached, burst } = setup(60 * MINUTE);
    await cached.getCredentials();
    clock.set(58 * MINUTE); // 2 minutes left: due, but still valid
    const refreshed = events.next("credentials-refreshed");
    const during = await burst(10);
    expect(during.every((c) => c.accessKeyId === "AK1")).toBe(true);
    expect(await refreshed).toMatchObject({ source: "test source", background: true });
    expect(u.calls()).toBe(2);
    expect((await cached.getCredentials()).accessKeyId).toBe("AK2");
    expect(u.calls()).toBe(2);
  });

  it("blocks only when expired, and concurrent callers share that one refresh", async () => {
    const { clock, u, cached, burst } = setup(10 * MINUTE);
    await cached.getCredentials();
    clock.set(11 * MINUTE);
    const after = await burst(10);
    expect(after.every((c) => c.accessKeyId === "AK2")).toBe(true);
    expect(u.calls()).toBe(2);
  });

  it("honours a custom margin", async () => {
    const { clock, u, events, cached } = setup(60 * MINUTE, 30 * MINUTE);
    await cached.getCredentials();
    clock.set(29 * MINUTE);
    await cached.getCredentials();
    expect(u.calls()).toBe(1);
    clock.set(31 * MINUTE);
    const refreshed = events.next("credentials-refreshed");
    await cached.getCredentials();
    await refreshed;
    expect(u.calls()).toBe(2);
  });

  it("defaults the margin to 3 minutes", () => {
    expect(DEFAULT_REFRESH_MARGIN_MS).toBe(3 * MINUTE);
  });

  it("keeps credentials without expiration forever", async () => {
    const { clock, u, cached } = setup(undefined);
    await cached.getCredentials();
    clock.set(1e12);
    await cached.getCredentials();
    expect(u.calls()).toBe(1);
  });

  it("refreshes credentials shorter-lived than the margin at half-life, not on every call", async () => {
    // 60 s credentials, 3-minute margin; an upstream that answers within a few microtasks, so each
    // background refresh has settled (setTimeout 0 below) before the next call.
    const { clock, u, cached } = setup(60_000, undefined, 0);
    for (let i = 0; i < 200; i++) {
      await cached.getCredentials();
      clock.advance(1_000);
      // Let a background refresh started by this call settle before the next one, as real calls would.
      await new Promise((r) => setTimeout(r, 0));
    }
    // 200 s of calls, a refresh due every 30 s: the first fetch plus one per half-life (t = 30, 60, ... 180), not 200.
    expect(u.calls()).toBe(7);
  });

  it("does not cache a failed first fetch: the next call tries again", async () => {
    const { u, cached } = setup(60 * MINUTE);
    u.failOnce();
    const concurrent = await Promise.allSettled([cached.getCredentials(), cached.getCredentials()]);
    expect(concurrent.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(u.calls()).toBe(1);
    expect((await cached.getCredentials()).accessKeyId).toBe("AK2");
    expect(u.calls()).toBe(2);
  });

  it("rejects when refreshing expired credentials fails, then recovers", async () => {
    const { clock, u, cached } = setup(10 * MINUTE);
    await cached.getCredentials();
    clock.set(11 * MINUTE);
    u.failOnce();
    await expect(cached.getCredentials()).rejects.toThrow("upstream down");
    expect((await cached.getCredentials()).accessKeyId).toBe("AK3");
  });

  it("a failed background refresh keeps serving the valid credentials, says so in an event, and waits before retrying", async () => {
    const { clock, u, events, cached, burst } = setup(60 * MINUTE);
    await cached.getCredentials();
    clock.set(58 * MINUTE);
    u.failOnce();
    const failed = events.next("credentials-refresh-failed");
    expect((await cached.getCredentials()).accessKeyId).toBe("AK1");
    expect(await failed).toEqual({
      type: "credentials-refresh-failed",
      source: "test source",
      reason: "upstream failed (Error)", // a foreign error's message is never quoted
      expiration: new Date(60 * MINUTE).toISOString(),
      retryInMs: MINUTE, // half of the 2 minutes left
    });
    // No storm while waiting: a burst during the wait costs nothing upstream.
    clock.set(58.5 * MINUTE);
    expect((await burst(100)).every((c) => c.accessKeyId === "AK1")).toBe(true);
    expect(u.calls()).toBe(2);
    clock.set(59 * MINUTE + 1);
    const refreshed = events.next("credentials-refreshed");
    expect((await cached.getCredentials()).accessKeyId).toBe("AK1");
    await refreshed;
    expect((await cached.getCredentials()).accessKeyId).toBe("AK3");
  });

  it("an expiry during a background refresh waits for that same refresh", async () => {
    const { clock, u, cached } = setup(60 * MINUTE);
    await cached.getCredentials();
    clock.set(58 * MINUTE);
    const first = cached.getCredentials(); // starts the background refresh
    clock.set(61 * MINUTE); // now expired while it is in flight
    const waited = await cached.getCredentials();
    expect((await first).accessKeyId).toBe("AK1");
    expect(waited.accessKeyId).toBe("AK2");
    expect(u.calls()).toBe(2);
  });

  it("ignores a hook that throws", async () => {
    const cached = cachedProvider(
      { getCredentials: async () => ({ accessKeyId: "AK", accessKeySecret: "S", expiration: new Date(Date.now() + 3_600_000) }) },
      {
        onEvent: () => {
          throw new Error("logger down");
        },
      },
    );
    await expect(cached.getCredentials()).resolves.toMatchObject({ accessKeyId: "AK" });
  });

  it("clears the in-flight refresh even when the upstream throws synchronously", async () => {
    let calls = 0;
    const cached = cachedProvider({
      getCredentials() {
        calls++;
        if (calls === 1) throw new Error("sync boom");
        return Promise.resolve({ accessKeyId: "AK", accessKeySecret: "S" });
      },
    });
    await expect(cached.getCredentials()).rejects.toThrow("sync boom");
    await expect(cached.getCredentials()).resolves.toEqual({ accessKeyId: "AK", accessKeySecret: "S" });
  });
});
