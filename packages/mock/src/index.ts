// Public surface of @acs-modular/mock. Named exports only, so every change to the surface shows in a diff.
export { mockClient, MOCK_CREDENTIALS } from "./mockClient.js";
export type { MockClientConfig } from "./mockClient.js";
export type { AcsClientMock } from "./AcsClientMock.js";
export type { FakeHandler, FakeResult, OperationBehavior } from "./OperationBehavior.js";
export { errorAnswer } from "./errorAnswer.js";
export type { ErrorAnswer, MockErrorOptions } from "./errorAnswer.js";
export { UnmatchedCallError } from "./UnmatchedCallError.js";
export type { MockCall, MockCallContext } from "./MockCall.js";
export type {
  InputPattern,
  MockableOperation,
  MockedOperationDescriptor,
  MockOutput,
  OperationErrorCode,
  OperationInput,
  OperationOutput,
} from "./operation.js";
