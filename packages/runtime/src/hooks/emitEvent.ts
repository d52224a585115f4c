import type { ClientEvent, ClientEventHook } from "./events.js";

/**
 * Hands `event` to the hook (callers check for one first, so no event is built without a hook).
 * A hook that throws is ignored: logging must not change the outcome
 * of a call (a failing logger after a successful create would make the caller retry and create twice).
 */
export function emitEvent(hook: ClientEventHook, event: ClientEvent): void {
  try {
    hook(event);
  } catch {
    // Deliberately swallowed; see above.
  }
}
