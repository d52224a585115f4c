import { describe, expect, it } from "vitest";
import { cachedProvider, DEFAULT_REFRESH_MARGIN_MS } from "./cachedProvider.js";
import type { CredentialProvider, Credentials } from "./types.js";

const MINUTE = 60_000;

/** An upstream that counts calls and hands out credentials expiring `lifetimeMs` after the fake clock. */
function upstream(clock: { now: number }, lifetimeMs: number | undefined) {
  let calls = 0;
  let failNext = false;
  const provider: CredentialProvider = {
    async getCredentials(): Promise<Credentials> {
      calls++;
      await new Promise((r) => setTimeout(r, 5)); // keep the call in flight so concurrency is real
      if (failNext) {
        failNext = false;
        throw new Error("upstream down");
      }
      const base = { accessKeyId: `AK${calls}`, accessKeySecret: "S" };
      return lifetimeMs === undefined ? base : { ...base, expiration: new Date(clock.now + lifetimeMs) };
    },
  };
  return { provider, calls: () => calls, failOnce: () => (failNext = true) };
}

describe("cachedProvider", () => {
  it("10 concurrent calls share one upstream call", async () => {
    const clock = { now: 0 };
    const u = upstream(clock, 60 * MINUTE);
    const cached = cachedProvider(u.provider, { now: () => clock.now });
    const results = await Promise.all(Array.from({ length: 10 }, () => cached.getCredentials()));
    expect(u.calls()).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]?.accessKeyId).toBe("AK1");
  });

  it("serves from cache while outside the refresh margin", async () => {
    const clock = { now: 0 };
    const u = upstream(clock, 60 * MINUTE);
    const cached = cachedProvider(u.provider, { now: () => clock.now });
    await cached.getCredentials();
    clock.now = 56 * MINUTE; // 4 minutes left, margin is 3
    expect((await cached.getCredentials()).accessKeyId).toBe("AK1");
    expect(u.calls()).toBe(1);
  });

  it("refreshes once within the margin of expiry", async () => {
    const clock = { now: 0 };
    const u = upstream(clock, 60 * MINUTE);
    const cached = cachedProvider(u.provider, { now: () => clock.now });
    await cached.getCredentials();
    clock.now = 58 * MINUTE; // 2 minutes left
    const again = await Promise.all(Array.from({ length: 10 }, () => cached.getCredentials()));
    expect(again.every((c) => c.accessKeyId === "AK2")).toBe(true);
    expect(u.calls()).toBe(2);
  });

  it("refreshes expired credentials", async () => {
    const clock = { now: 0 };
    const u = upstream(clock, 10 * MINUTE);
    const cached = cachedProvider(u.provider, { now: () => clock.now });
    await cached.getCredentials();
    clock.now = 11 * MINUTE;
    expect((await cached.getCredentials()).accessKeyId).toBe("AK2");
  });

  it("honours a custom margin", async () => {
    const clock = { now: 0 };
    const u = upstream(clock, 60 * MINUTE);
    const cached = cachedProvider(u.provider, { now: () => clock.now, refreshMarginMs: 30 * MINUTE });
    await cached.getCredentials();
    clock.now = 31 * MINUTE;
    expect((await cached.getCredentials()).accessKeyId).toBe("AK2");
  });

  it("defaults the margin to 3 minutes", () => {
    expect(DEFAULT_REFRESH_MARGIN_MS).toBe(3 * MINUTE);
  });

  it("keeps credentials without expiration forever", async () => {
    const clock = { now: 0 };
    const u = upstream(clock, undefined);
    const cached = cachedProvider(u.provider, { now: () => clock.now });
    await cached.getCredentials();
    clock.now = 1e12;
    await cached.getCredentials();
    expect(u.calls()).toBe(1);
  });

  it("does not cache a failed first fetch: the next call tries again", async () => {
    const clock = { now: 0 };
    const u = upstream(clock, 60 * MINUTE);
    const cached = cachedProvider(u.provider, { now: () => clock.now });
    u.failOnce();
    const concurrent = await Promise.allSettled([cached.getCredentials(), cached.getCredentials()]);
    expect(concurrent.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(u.calls()).toBe(1);
    expect((await cached.getCredentials()).accessKeyId).toBe("AK2");
    expect(u.calls()).toBe(2);
  });

  it("rejects when refreshing expired credentials fails, then recovers", async () => {
    const clock = { now: 0 };
    const u = upstream(clock, 10 * MINUTE);
    const cached = cachedProvider(u.provider, { now: () => clock.now });
    await cached.getCredentials();
    clock.now = 11 * MINUTE;
    u.failOnce();
    await expect(cached.getCredentials()).rejects.toThrow("upstream down");
    expect((await cached.getCredentials()).accessKeyId).toBe("AK3");
  });

  it("falls back to still-valid credentials when a refresh inside the margin fails, and retries next call", async () => {
    const clock = { now: 0 };
    const u = upstream(clock, 60 * MINUTE);
    const cached = cachedProvider(u.provider, { now: () => clock.now });
    await cached.getCredentials();
    clock.now = 58 * MINUTE;
    u.failOnce();
    expect((await cached.getCredentials()).accessKeyId).toBe("AK1");
    expect((await cached.getCredentials()).accessKeyId).toBe("AK3");
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
