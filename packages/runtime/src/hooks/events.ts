import type { CredentialsEvent } from "../credentials/events.js";

/**
 * What the runtime reports to a hook: the calls (`request-start`, `attempt-start`, `attempt-end`,
 * `request-end`) and, when the client uses the default credential chain, the chain's
 * {@link CredentialsEvent}s (`credentials-source-selected`, `credentials-refreshed`,
 * `credentials-refresh-failed`). Every field is on an allow-list: no header, query string, body,
 * credential or signature is ever part of an event, so a hook can log events as they are.
 * @public
 */
export type ClientEvent =
  | CredentialsEvent
  | { readonly type: "request-start"; readonly product: string; readonly action: string; readonly host: string }
  | { readonly type: "attempt-start"; readonly product: string; readonly action: string; readonly attempt: number; readonly host: string }
  | {
      readonly type: "attempt-end";
      readonly product: string;
      readonly action: string;
      readonly attempt: number;
      readonly host: string;
      readonly durationMs: number;
      readonly httpStatus?: number | undefined;
      readonly requestId?: string | undefined;
      readonly errorCode?: string | undefined;
      /** Set when another attempt will follow, after this delay. */
      readonly retryInMs?: number | undefined;
    }
  | {
      readonly type: "request-end";
      readonly product: string;
      readonly action: string;
      readonly attempts: number;
      readonly durationMs: number;
      readonly ok: boolean;
      readonly requestId?: string | undefined;
      readonly errorCode?: string | undefined;
    };

/** Receives {@link ClientEvent}s; see `ClientConfig.onEvent`. @public */
export type ClientEventHook = (event: ClientEvent) => void;
