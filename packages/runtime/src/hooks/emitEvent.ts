import type { ClientEvent, ClientEventHook } from "./events.js";

/**
 * Hands `event` to the hook, if any. A hook that throws is ignored: logging must not change the outcome
 * of a call (a failing logger after a successful create would make the caller retry and create twice).
 */
export function emitEvent(hook: ClientEventHook | undefined, event: ClientEvent): void {
  if (!hook) return;
  try {
    hook(event);
  } catch {
    // Deliberately swallowed; see above.
  }
}
