// Type assertions over the generated fc-binary packages (see rpc-query/types.ts).
import { invokeFunction, type AcsClient } from "./invoke-function/src/index.ts";
import { getFunction, isGetFunctionDocumentedError } from "./get-function/src/index.ts";

declare const client: AcsClient;
declare const caught: unknown;

async function calls(): Promise<void> {
  // A binary body takes bytes or text, and the answer is bytes.
  const out: Uint8Array = await invokeFunction(client, { functionName: "f", body: new Uint8Array([1, 2]), "x-fc-invocation-type": "Sync" });
  await invokeFunction(client, { functionName: "f", body: "text" });
  // @ts-expect-error the header's enum
  await invokeFunction(client, { functionName: "f", "x-fc-invocation-type": "Later" });
  const fn = await getFunction(client, { functionName: "f" });
  const memory: number | undefined = fn.memorySize;
  void [out, memory];
}
void calls;
if (isGetFunctionDocumentedError(caught) && caught.code === "FunctionNotFound") {
  const status: 404 = caught.httpStatus;
  void status;
}
