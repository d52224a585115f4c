/**
 * One hook that hands each event to every hook given, in order; `undefined` when none is. Each hook is
 * guarded on its own: one that throws neither fails the emitter nor keeps the event from the hooks after it.
 */
export function combineHooks<E>(...hooks: readonly (((event: E) => void) | undefined)[]): ((event: E) => void) | undefined {
  const present = hooks.filter((hook): hook is (event: E) => void => hook !== undefined);
  if (present.length <= 1) return present[0];
  return (event) => {
    for (const hook of present) {
      try {
        hook(event);
      } catch {
        // Logging must not change a call's outcome; see emitEvent.
      }
    }
  };
}
