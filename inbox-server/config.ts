/**
 * Configuration from the environment (INTERFACES.md), validated once at start-up. This and
 * main.ts are the only places that read `process.env`.
 */
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const url = z.string().url();
const nonEmpty = z.string().min(1);

export const configSchema = z.object({
  PORT: z.string().regex(/^\d+$/, 'must be a port number (0–65535)').transform(Number)
    .pipe(z.number().int().min(0, 'must be a port number (0–65535)').max(65535, 'must be a port number (0–65535)')).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().refine((v) => v === 'memory://' || /^postgres(ql)?:\/\/.+/.test(v), 'must be memory:// or a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: url.optional(),
  DEMO_AGENT_EMAIL: z.string().email('must be an e-mail address').default('agent@demo.local'),
  DEMO_AGENT_PASSWORD: z.string().min(8, 'must have at least 8 characters').optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'must look like 123456:ABC-DEF…').optional(),
  TELEGRAM_API_ROOT: url.default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: url.optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 of A-Z a-z 0-9 _ -').optional(),
  WHATSAPP_WEB: flag.default(false),
  CHROMIUM_PATH: nonEmpty.default('/usr/bin/chromium'),
  WHATSAPP_CLOUD_TOKEN: nonEmpty.optional(),
  WHATSAPP_CLOUD_PHONE_ID: nonEmpty.optional(),
  WHATSAPP_CLOUD_APP_SECRET: nonEmpty.optional(),
  WHATSAPP_CLOUD_VERIFY_TOKEN: nonEmpty.optional(),
  WHATSAPP_GRAPH_API_ROOT: url.default('https://graph.facebook.com/v21.0'),
  MICROSOFT_APP_ID: nonEmpty.optional(),
  MICROSOFT_APP_PASSWORD: nonEmpty.optional(),
  MICROSOFT_APP_TENANT_ID: nonEmpty.optional(),
  BOTFRAMEWORK_ANONYMOUS: flag.default(false),
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Ombuds <no-reply@ombuds.local>'),
  SMS_GATEWAY_URL: url.optional(),
  SMS_GATEWAY_TOKEN: nonEmpty.optional(),
  /** How often the deadline sweeper looks for warnings and breaches, in milliseconds. */
  SWEEP_INTERVAL_MS: z.string().regex(/^\d+$/, 'must be a whole number of milliseconds (100–86400000)').transform(Number)
    .pipe(z.number().int().min(100, 'must be a whole number of milliseconds (100–86400000)').max(86_400_000, 'must be a whole number of milliseconds (100–86400000)')).default(30_000),
  /** Cookies get the Secure flag; on by default when PUBLIC_URL is https. */
  COOKIE_SECURE: flag.optional(),
  /** Share of proxies in front of the server whose X-Forwarded-For is trusted (rate limits by client). */
  TRUST_PROXY: flag.default(false),
});

export type Config = z.output<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parses the environment. Empty strings count as unset, as they do in most shells' `.env` files. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const known = Object.keys(configSchema.shape);
  const input = Object.fromEntries(known.map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = configSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'environment');
  const shown = env[variable] === undefined ? '' : ` (got "${String(env[variable]).slice(0, 40)}")`;
  return { ok: false, message: `Invalid configuration: ${variable} ${issue.message}${shown}` };
}
