// The generated operations these tests use, with the `descriptor` property the generator does not attach
// yet (see README, "Generated packages"). Object.assign mutates the function object itself, so the code
// under test, which imports the plain function from its package, calls this very function.
import { createDataFlow as createDataFlowFunction, createDataFlowDescriptor } from "@acs-modular/nas-create-data-flow";
import { describeDataFlows as describeDataFlowsFunction, describeDataFlowsDescriptor } from "@acs-modular/nas-describe-data-flows";

/** `describeDataFlows` with its descriptor attached. */
export const describeDataFlows = Object.assign(describeDataFlowsFunction, { descriptor: describeDataFlowsDescriptor });

/** `createDataFlow` with its descriptor attached. */
export const createDataFlow = Object.assign(createDataFlowFunction, { descriptor: createDataFlowDescriptor });
