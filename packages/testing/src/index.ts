export { errorReply, jsonReply, startFakeServer } from "./fakeServer.js";
export type { FakeHandler, FakeReply, FakeServer, ReceivedRequest } from "./fakeServer.js";
export { verifySignatureV3 } from "./verifySignatureV3.js";
export type { SignatureCheck } from "./verifySignatureV3.js";
export { PINNED_DATE, PINNED_NONCE, TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN } from "./constants.js";
