// Test-only: the `process_command` of External-mode tests. Prints credentials JSON the way a credential
// helper does, or misbehaves on request:
//   node printCredentials.mjs <AK|StsToken> <accessKeyId> [expiration]   → credentials
//   node printCredentials.mjs fail | garbage | hang                      → exit 3 / non-JSON / never exit
// Each run appends a line to $RUN_LOG when set, so tests can count runs.
import { appendFileSync } from "node:fs";

const [mode, accessKeyId, expiration] = process.argv.slice(2);
if (process.env.RUN_LOG) appendFileSync(process.env.RUN_LOG, `${mode}\n`);
if (mode === "fail") {
  process.stderr.write("helper failed; secret=ext-SeCrEt-in-stderr\n");
  process.exit(3);
} else if (mode === "garbage") {
  process.stdout.write("not json, but access_key_secret=ext-SeCrEt-in-stdout\n");
} else if (mode === "hang") {
  setInterval(() => {}, 1_000);
} else {
  const out = { mode, access_key_id: accessKeyId, access_key_secret: "ext-secret", ...(mode === "StsToken" ? { sts_token: "ext-token" } : {}) };
  process.stdout.write(JSON.stringify(expiration ? { ...out, expiration } : out));
}
