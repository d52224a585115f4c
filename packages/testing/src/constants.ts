/** Test-only credentials. Never real; tests assert they do not leak into errors, logs or fixtures. */
export const TEST_ACCESS_KEY_ID = "LTAI5tTESTACCESSKEYID0000";
export const TEST_ACCESS_KEY_SECRET = "TestSecret-DoNotLeak-8f3a1c9e";
export const TEST_SECURITY_TOKEN = "TestSecurityToken-DoNotLeak-77ab";

/** Pinned signing inputs, so that a request's signature is reproducible. */
export const PINNED_DATE = new Date("2024-06-24T08:00:00Z");
export const PINNED_NONCE = "3b9f6a1e-pinned-nonce-0001";
