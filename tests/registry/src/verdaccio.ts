// A throw-away npm registry: Verdaccio on 127.0.0.1 (a free port), storage in a temporary folder, no uplinks
// (it never asks another registry for anything), one user whose token the child processes get through a
// temporary .npmrc. Started and stopped by the test; nothing outside `dir` is read or written.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface Registry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** A user config with the registry and the token (mode 0600), for NPM_CONFIG_USERCONFIG. */
  readonly npmrc: string;
  /** To redact from output; never printed. */
  readonly secrets: readonly string[];
  /** Every version the registry holds of `name` (empty when it has none). */
  versions(name: string): Promise<string[]>;
  /** What Verdaccio printed (warnings and errors only), for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

const VERDACCIO_BIN = join(dirname(createRequire(import.meta.url).resolve("verdaccio/package.json")), "bin", "verdaccio");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** JSON is YAML: no quoting rules to get wrong for paths. */
function config(dir: string): string {
  return JSON.stringify({
    storage: join(dir, "storage"),
    auth: { htpasswd: { file: join(dir, "htpasswd"), max_users: 1 } },
    uplinks: {},
    // No `proxy` anywhere: a package that is not here is a 404, never a request to another registry.
    packages: { "@acs-modular/*": { access: "$all", publish: "$authenticated" }, "**": { access: "$all" } },
    web: { enable: false },
    max_body_size: "50mb",
    log: { type: "stdout", format: "json", level: "warn" },
  });
}

async function waitUntilUp(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`verdaccio exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      if ((await fetch(new URL("-/ping", url))).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`verdaccio did not answer ${url} within ${deadlineMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function start(dir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, NODE_ENV: "production" };
  const child = spawn(process.execPath, [VERDACCIO_BIN, "--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const keep = (c: Buffer) => (text = (text + c.toString("utf8")).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // If the test process ends without reaching afterAll, the registry must not outlive it.
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  child.once("exit", () => process.removeListener("exit", reap));
  try {
    await waitUntilUp(url, child, 120_000);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${text}`);
  }
  return { child, url, output: () => text };
}

/** Starts Verdaccio with storage under `dir` (created), adds one user and writes its .npmrc. */
export async function startVerdaccio(dir: string): Promise<Registry> {
  mkdirSync(join(dir, "storage"), { recursive: true });
  writeFileSync(join(dir, "config.yaml"), config(dir));
  // The port was free a moment ago; another process may take it before Verdaccio binds it, so try again.
  let started: Awaited<ReturnType<typeof start>> | undefined;
  for (let attempt = 1; started === undefined; attempt++) {
    try {
      started = await start(dir);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const { child, url, output } = started;
  try {
    const password = randomBytes(18).toString("base64url");
    const answer = await fetch(new URL("-/user/org.couchdb.user:release", url), {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "release", password }),
    });
    const body = (await answer.json()) as { token?: string; error?: string };
    if (!answer.ok || typeof body.token !== "string") throw new Error(`verdaccio refused the release user: ${answer.status} ${body.error ?? ""}`);
    const token = body.token;
    const npmrc = join(dir, "npmrc");
    const host = url.replace(/^http:/, "");
    writeFileSync(npmrc, `registry=${url}\n${host}:_authToken=${token}\n`, { mode: 0o600 });
    return {
      url,
      npmrc,
      secrets: [token, password],
      async versions(name) {
        const r = await fetch(new URL(name.replace("/", "%2f"), url));
        if (r.status === 404) return [];
        if (!r.ok) throw new Error(`GET ${name}: ${r.status}`);
        return Object.keys(((await r.json()) as { versions?: Record<string, unknown> }).versions ?? {});
      },
      log: output,
      stop: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
