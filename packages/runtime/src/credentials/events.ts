/**
 * What credential providers report to an `onEvent` hook. Every field is on an allow-list: source labels,
 * expiry times, delays and reasons built only from names, paths and statuses, so a hook can log events as
 * they are. No key, secret, token or response body is ever part of an event.
 */
export type CredentialsEvent =
  | {
      /** Temporary credentials were fetched (first time, or a refresh). */
      readonly type: "credentials-refreshed";
      /** Which source, e.g. `ecs ram role` or `cli profile`. */
      readonly source: string;
      /** ISO 8601 expiry of the new credentials; absent for long-lived ones. */
      readonly expiration?: string | undefined;
      /** True when the refresh ran while the previous credentials were still valid (no caller waited). */
      readonly background: boolean;
    }
  | {
      /** A refresh failed while the previous credentials were still valid: they are served until `expiration`. */
      readonly type: "credentials-refresh-failed";
      readonly source: string;
      /** Why, e.g. `ecs ram role: role "r": HTTP 500`. */
      readonly reason: string;
      /** ISO 8601 expiry of the credentials still being served. */
      readonly expiration: string;
      /** The next refresh is attempted no sooner than this. */
      readonly retryInMs: number;
    }
  | {
      /** The default chain picked its source; later calls go straight to it. */
      readonly type: "credentials-source-selected";
      readonly source: string;
      /** The sources skipped before it, each with why (the lines a CredentialsError would list). */
      readonly skipped: readonly string[];
    };

/** Receives {@link CredentialsEvent}s. */
export type CredentialsEventHook = (event: CredentialsEvent) => void;

/**
 * Hands `event` to `hook` when there is one. A hook that throws is ignored: logging must never change whether
 * credentials are served.
 */
export function emitCredentialsEvent(hook: CredentialsEventHook | undefined, event: CredentialsEvent): void {
  if (!hook) return;
  try {
    hook(event);
  } catch {
    // Deliberately swallowed; see above.
  }
}
