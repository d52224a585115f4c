export { errorReply, jsonReply, startFakeServer } from "./fakeServer.js";
export type { FakeHandler, FakeReply, FakeServer, FakeServerOptions, ReceivedRequest } from "./fakeServer.js";
export { startProxyServer } from "./proxyServer.js";
export type { ProxiedConnect, ProxiedRequest, ProxyServer, ProxyServerOptions } from "./proxyServer.js";
export { TEST_TLS } from "./testTls.js";
export type { TlsMaterial } from "./testTls.js";
export { verifySignatureV3 } from "./verifySignatureV3.js";
export type { SignatureCheck } from "./verifySignatureV3.js";
export { PINNED_DATE, PINNED_NONCE, TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN } from "./constants.js";
export { onHttpRequests, rawResponseHead, startRawServer } from "./rawServer.js";
export { drip } from "./drip.js";
export type { Drip } from "./drip.js";
export type { RawConnectionHandler, RawRequestHead, RawServer } from "./rawServer.js";
export {
  ACCESS_KEY_ID_MARKER,
  CLIENT_IDENTITY_HEADERS,
  OFFICIAL_CLIENT_ONLY_HEADERS,
  SUPPORTED_FIXTURE_FORMATS,
  VOLATILE_HEADERS,
  assertFixtureReplays,
  compareRequest,
  diffLines,
  diffValues,
  ignoredHeaders,
  listFixtureFiles,
  normalizeSentRequest,
  readFixture,
  replayFixture,
} from "./fixtures/index.js";
export type {
  FixtureData,
  FixtureExpectedErrorData,
  FixtureRequestData,
  FixtureSource,
  ReplayClientConfig,
  ReplayReport,
  ReplayTarget,
  SentRequest,
} from "./fixtures/index.js";
