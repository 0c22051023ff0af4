/**
 * Outgoing e-mail. With SMTP_URL, nodemailer sends through that server; without it the "log
 * driver" writes the mail to the app log at info level, and the outbox records it as `logged`.
 * nodemailer is imported here and nowhere else.
 */
import { createTransport } from 'nodemailer';
import type { Log } from '../../bots/events';

export interface OutgoingMail {
  to: string;
  subject: string;
  /** The body as the recipient gets it (secrets in clear). */
  text: string;
  /** The body with secrets masked: the only form a log may show. */
  loggableText: string;
}

export interface Mailer {
  readonly driver: 'smtp' | 'log';
  /** Resolves with what happened to the mail; rejects when the server refused it or is unreachable. */
  send(mail: OutgoingMail): Promise<'sent' | 'logged'>;
  close(): void;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; query parameters are nodemailer options (`?ignoreTLS=true`). */
  smtpUrl?: string;
  /** The From header, e.g. `Ombuds <no-reply@example.org>` (MAIL_FROM). */
  from: string;
  log: Log;
  /**
   * Bound on connecting, the greeting and each wait on the socket. Keep it well under the outbox's
   * lease (retryAfterMs), or a slow send could be started again by another dispatcher.
   */
  timeoutMs?: number;
}

/** The mailer SMTP_URL asks for. */
export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? smtpMailer({ ...options, smtpUrl: options.smtpUrl }) : logMailer(options);
}

function smtpMailer(o: MailerOptions & { smtpUrl: string }): Mailer {
  const timeout = o.timeoutMs ?? 15_000;
  // Keys in the URL win over these defaults (nodemailer merges the URL last).
  const transport = createTransport({ url: o.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout }, { from: o.from });
  return {
    driver: 'smtp',
    async send(mail) {
      const info = await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
      if (info.rejected.length > 0) throw new Error(`The SMTP server refused ${info.rejected.length} recipient(s).`);
      return 'sent';
    },
    close: () => transport.close(),
  };
}

function logMailer(o: MailerOptions): Mailer {
  return {
    driver: 'log',
    async send(mail) {
      o.log.info({ mail: { from: o.from, to: mail.to, subject: mail.subject, text: mail.loggableText } }, 'e-mail logged, not sent (SMTP_URL is not set)');
      return 'logged';
    },
    close: () => undefined,
  };
}
