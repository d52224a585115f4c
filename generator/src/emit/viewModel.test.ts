import { describe, expect, it } from "vitest";
import { modelFor } from "../../test/modelFor.js";
import { itemTypeExpression, operationViewModel } from "./viewModel.js";

describe("operationViewModel", () => {
  it("documents an imported operation (no prose of its own) with a link to its reference page", () => {
    const view = operationViewModel(modelFor({}), "0.1.0");
    expect(view.referenceUrl).toBe("https://api.aliyun.com/api/Demo/2024-01-01/DoThing");
    expect(view.summaryLine).toBe("see the [API reference](https://api.aliyun.com/api/Demo/2024-01-01/DoThing).");
    expect(view.functionDoc).toContain(" * @see https://api.aliyun.com/api/Demo/2024-01-01/DoThing");
    expect(view.summaryJson).toBe(JSON.stringify("Demo Service DoThing (Demo 2024-01-01)"));
  });

  it("links the runtime README and the package's spec with absolute URLs, which work on the npm website", () => {
    const view = operationViewModel(modelFor({}), "0.1.0");
    expect(view.runtimeReadme).toBe("https://github.com/acs-modular/acs-modular/tree/main/packages/runtime#readme");
    expect(view.specUrl).toBe("https://github.com/acs-modular/acs-modular/blob/main/specs/demo/2024-01-01/DoThing.yaml");
    expect(view.homepage).toBe("https://github.com/acs-modular/acs-modular/tree/main/packages/demo/do-thing#readme");
  });

  it("puts limits, location and enum values in the parameter table", () => {
    const view = operationViewModel(
      modelFor({
        parameters: [
          { name: "Size", in: "query", required: true, description: "How many.", schema: { type: "integer", minimum: 1, maximum: 100 } },
          { name: "x-mode", in: "header", schema: { type: "string", enum: ["a", "b"], maxLength: 8 } },
        ],
      }),
      "0.1.0",
    );
    expect(view.parameterRows).toEqual([
      { name: "Size", type: "integer", required: "Yes", location: "query", description: "How many. From 1 to 100." },
      { name: "x-mode", type: 'string: "a" \\| "b"', required: "No", location: "header", description: "At most 8 characters." },
    ]);
  });

  it("shows the result in the example by the kind of body the operation answers with", () => {
    const bytes = modelFor({ responses: { "200": { description: "b", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } } } });
    const none = modelFor({ responses: { "200": { description: "n", "x-acs-no-body": true } } });
    const rpc = modelFor({ responses: { "200": { description: "o", content: { "application/json": { schema: { type: "object", properties: { RequestId: { type: "string" } } } } } } } });
    expect(operationViewModel(bytes, "0.1.0").exampleOutputLine).toBe('console.log(output.byteLength, "bytes");');
    expect(operationViewModel(none, "0.1.0").exampleOutputLine).toMatch(/^\/\/ The service answers with no body/);
    expect(operationViewModel(rpc, "0.1.0").exampleOutputLine).toBe("console.log(output.RequestId);");
  });

  it("writes the error table one code per line, quoting codes that are not identifiers", () => {
    const view = operationViewModel(
      modelFor({ responses: { "200": { description: "OK" }, "404": { description: "e", "x-acs-error-codes": [{ code: "Invalid.NotFound", message: "" }, { code: "Gone", message: "" }] } } }),
      "0.1.0",
    );
    expect(view.errorTableLiteral).toBe('{\n  Gone: [404],\n  "Invalid.NotFound": [404],\n}');
    expect(operationViewModel(modelFor({}), "0.1.0").errorTableLiteral).toBe("{}");
  });
});

describe("paginators and waiters in the view", () => {
  it("types one item by its dotted path into the output", () => {
    expect(itemTypeExpression("ListOutput", "Things.Thing")).toBe('NonNullable<NonNullable<ListOutput["Things"]>["Thing"]>[number]');
  });

  it("turns a spec waiter into a runtime config in milliseconds, with one documentation line per rule", () => {
    const view = operationViewModel(
      modelFor({
        "x-acs-waiters": {
          ThingReady: {
            minDelay: 1,
            acceptors: [
              { state: "success", path: "Things[].Status", matcher: "all", expected: ["Ready"] },
              { state: "retry", errorCode: "Thing.NotFound" },
            ],
          },
        },
      }),
      "0.1.0",
    );
    const [waiter] = view.waiters;
    expect(waiter).toMatchObject({ name: "ThingReady", functionName: "waitUntilThingReady", configName: "doThingThingReadyWaiter", maxWaitSeconds: 600 });
    expect(waiter!.rules).toEqual(["- success: every `Things[].Status` is `Ready`", "- retry: the call fails with `Thing.NotFound`"]);
    expect(waiter!.configLiteral).toContain("minDelayMs: 1000,\n  maxDelayMs: 30000,\n  maxWaitMs: 600000");
    expect(view.runtimeImports).toBe("invokeOperation, isDocumentedError, isOperationError, waitUntil");
  });
});
