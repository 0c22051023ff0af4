import type { FastifyServerOptions } from 'fastify';

/** Query parameters and fields whose values never reach a log line. */
const secretParams = /([?&](?:pin|token|password|secret|hub\.verify_token)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(secretParams, '$1[REDACTED]');
}

/** pino options: structured JSON, with credentials, tokens and PINs redacted everywhere. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-telegram-bot-api-secret-token"]',
        'res.headers["set-cookie"]', '*.password', '*.pin', '*.token', '*.passwordHash', '*.pinHash',
      ],
      censor: '[REDACTED]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id, method: req.method, url: redactUrl(req.url), ip: req.ip,
      }),
    },
  };
}
