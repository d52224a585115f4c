// Type assertions over the generated roa-json packages (see rpc-query/types.ts).
import { attachNodes, type AcsClient } from "./attach-nodes/src/index.ts";
import { installAddons } from "./install-addons/src/index.ts";
import { listPools, type ListPoolsOutput } from "./list-pools/src/index.ts";
import { getPoolScript } from "./get-pool-script/src/index.ts";
import { pausePool, type PausePoolOutput } from "./pause-pool/src/index.ts";

declare const client: AcsClient;

// Path and header parameters are input properties; the body is one property of its own schema.
void attachNodes(client, { ClusterId: "c-1", "x-acs-trace-id": "t", body: { instances: ["i-1"] } });
// @ts-expect-error the path parameter is required
void attachNodes(client, { body: { instances: ["i-1"] } });
// @ts-expect-error a field the body does not have
void attachNodes(client, { ClusterId: "c-1", body: { instances: [], colour: "red" } });
// An array body.
void installAddons(client, { ClusterId: "c-1", addons: [{ name: "a", version: "1" }] });
// An optional path parameter stays optional, as the metadata says.
void getPoolScript(client, {});

// Outputs follow the response schema: an array, text, nothing.
async function outputs(): Promise<void> {
  const pools: ListPoolsOutput = await listPools(client, { ClusterId: "c-1" });
  const first: string | undefined = pools[0]?.pool_id;
  const script: string = await getPoolScript(client, { PoolId: "p" });
  const nothing: PausePoolOutput = await pausePool(client, { PoolId: "p" });
  // @ts-expect-error an operation answered with no body resolves to an empty object: it has no fields
  const fields: PausePoolOutput = { anything: 1 };
  void [first, script, nothing, fields];
}
void outputs;
