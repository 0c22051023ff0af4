/**
 * Outgoing SMS behind one small interface. The HTTP driver POSTs `{"to","text"}` as JSON to
 * SMS_GATEWAY_URL (with `Authorization: Bearer SMS_GATEWAY_TOKEN` when set) — most gateways, or a
 * few lines of glue in front of one, take that; the log driver writes the SMS, PIN masked, to the log.
 */
import type { Log } from '../../bots/events';

export interface OutgoingSms {
  /** E.164 where the number could be read (`+393331234567`), else as the caller gave it. */
  to: string;
  /** The text as the recipient gets it (secrets in clear). */
  text: string;
  /** The text with secrets masked: the only form a log may show. */
  loggableText: string;
}

export interface SmsGateway {
  readonly driver: 'http' | 'log';
  /** Resolves once the gateway accepted the SMS; rejects on a non-2xx answer or a network error (the outbox retries). */
  send(sms: OutgoingSms): Promise<'sent' | 'logged'>;
}

/** The gateway answered, but not with 2xx. The message names the status only: a body may echo the text. */
export class SmsGatewayError extends Error {
  constructor(readonly status: number) {
    super(`The SMS gateway answered HTTP ${status}.`);
    this.name = 'SmsGatewayError';
  }
}

export interface SmsGatewayOptions {
  /** SMS_GATEWAY_URL; unset → the log driver. */
  url?: string;
  /** SMS_GATEWAY_TOKEN, sent as a bearer token. */
  token?: string;
  log: Log;
  /** Bound on one request; keep it under the outbox's lease (retryAfterMs). */
  timeoutMs?: number;
}

/** The gateway SMS_GATEWAY_URL asks for. */
export function createSmsGateway(options: SmsGatewayOptions): SmsGateway {
  return options.url ? httpSmsGateway({ ...options, url: options.url }) : logSmsGateway(options.log);
}

export function httpSmsGateway(o: { url: string; token?: string; timeoutMs?: number }): SmsGateway {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  return {
    driver: 'http',
    async send(sms) {
      const response = await fetch(o.url, {
        method: 'POST', headers, body: JSON.stringify({ to: sms.to, text: sms.text }),
        signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
        redirect: 'error',
      });
      // The body is read and dropped, so the connection can be reused; it is never logged.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new SmsGatewayError(response.status);
      return 'sent';
    },
  };
}

export function logSmsGateway(log: Log): SmsGateway {
  return {
    driver: 'log',
    async send(sms) {
      log.info({ sms: { to: sms.to, text: sms.loggableText } }, 'SMS logged, not sent (SMS_GATEWAY_URL is not set)');
      return 'logged';
    },
  };
}
