/**
 * The Telegram channel: telegraf against the Bot API (or a local emulator through `apiRoot`). Long
 * polling by default, a webhook route when `webhook` is given. The only file that imports telegraf.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Telegraf, TelegramError } from 'telegraf';
import { z } from 'zod';
import { renderForChannel } from '../types';
import type {
  ChannelAdapter, ChannelAddress, ChannelCapabilities, InboundAttachment, InboundHandler, InboundMessage, OutboundMessage,
  WebhookRequest, WebhookResponse, WebhookRoute,
} from '../types';

export interface TelegramLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface TelegramAdapterOptions {
  tenantId: string;
  /** `123456:ABC…` from BotFather; the digits before `:` are the bot id. */
  token: string;
  /** Bot API base URL (`TELEGRAM_API_ROOT`; a local emulator in tests). */
  apiRoot: string;
  /** Webhook mode instead of long polling; the server mounts `webhooks[0]` at `path`. */
  webhook?: { url: string; secret: string; path: string };
  log?: TelegramLog;
  /** Attachments above this size are skipped with a log line. Default 10 MB (the Bot API serves at most 20 MB). */
  maxFileBytes?: number;
  /** How often storing a message is tried, and the first pause between tries (it doubles). Default 5 tries from 500 ms. */
  retry?: { attempts?: number; baseDelayMs?: number };
}

type Update = Parameters<Telegraf['handleUpdate']>[0];
type ApiSignal = NonNullable<Parameters<Telegraf['telegram']['callApi']>[2]>['signal'];
/** telegraf types its signal with the `abort-controller` polyfill; node-fetch accepts Node's own. */
const apiSignal = (signal: AbortSignal) => signal as unknown as ApiSignal;
interface Run { onMessage: InboundHandler; controller: AbortController; loop?: Promise<void> }

const capabilities: ChannelCapabilities = { quickReplies: true, attachments: true, maxTextLength: 4096 };
const POLL_SECONDS = 50;
const MAX_UPDATE_BYTES = 1024 * 1024;
const silent: TelegramLog = { info() {}, warn() {}, error() {} };

// Only what the mapping reads is checked; unknown fields pass because the Bot API adds new ones.
const int = z.int();
const fileId = z.string().min(1).max(512);
const fileSize = z.int().nonnegative().optional();
const name = z.string().max(256);
const messageSchema = z.looseObject({
  message_id: z.int().positive(),
  date: z.int().nonnegative(),
  chat: z.looseObject({ id: int, type: z.string().max(32), first_name: name.optional(), last_name: name.optional() }),
  from: z.looseObject({ id: int, is_bot: z.boolean(), first_name: name, last_name: name.optional(), language_code: z.string().max(35).optional() }).optional(),
  text: z.string().max(4096).optional(),
  caption: z.string().max(4096).optional(),
  photo: z.array(z.looseObject({ file_id: fileId, file_unique_id: fileId, width: z.int().nonnegative(), height: z.int().nonnegative(), file_size: fileSize })).min(1).max(20).optional(),
  document: z.looseObject({ file_id: fileId, file_unique_id: fileId, file_name: z.string().max(255).optional(), mime_type: z.string().max(255).optional(), file_size: fileSize }).optional(),
  contact: z.looseObject({ phone_number: z.string().min(1).max(32), first_name: name, last_name: name.optional(), user_id: int.optional() }).optional(),
});
const updateSchema = z.looseObject({ update_id: z.int().nonnegative(), message: messageSchema.optional() });
type TgMessage = z.infer<typeof messageSchema>;

export function createTelegramAdapter(options: TelegramAdapterOptions): ChannelAdapter {
  const { tenantId, token, webhook } = options;
  const log = options.log ?? silent;
  const maxFileBytes = options.maxFileBytes ?? 10 * 1024 * 1024;
  const attempts = Math.max(1, options.retry?.attempts ?? 5);
  const baseDelayMs = options.retry?.baseDelayMs ?? 500;
  const botId = /^(\d+):/.exec(token)?.[1];
  if (!botId) throw new Error('Telegram token must look like 123456:ABC-DEF…');
  const apiRoot = options.apiRoot.replace(/\/+$/, '');
  // A trailing slash keeps a path prefix of apiRoot when telegraf resolves `./bot<token>/<method>` against it.
  const bot = new Telegraf(token, { telegram: { apiRoot: apiRoot + '/' } });
  /** Updates whose message was not stored: telegraf reports them only to `bot.catch`. */
  const failed = new WeakSet<object>();
  let run: Run | undefined;
  let stopping: Promise<void> = Promise.resolve();

  /** Error text for logs, never with the token (node-fetch puts the request URL in its messages). */
  const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split(token).join('[REDACTED]');

  async function withRetry<T>(what: string, context: object, signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (attempt >= attempts || signal.aborted) throw err;
        log.warn({ ...context, attempt, err: describe(err) }, `telegram ${what} failed; retrying`);
        await pause(baseDelayMs * 2 ** (attempt - 1), signal);
      }
    }
  }

  bot.on('message', async (ctx) => {
    const current = run;
    // Not running: fail, so the update stays unconfirmed (polling) or is refused (webhook) and comes again.
    if (!current) throw new Error('the Telegram channel is stopped');
    const parsed = updateSchema.safeParse(ctx.update);
    if (!parsed.success || !parsed.data.message) {
      log.warn({ updateId: ctx.update.update_id }, 'telegram update ignored: not a message we understand');
      return;
    }
    const context = { updateId: parsed.data.update_id, chatId: parsed.data.message.chat.id };
    const inbound = await toInbound(parsed.data.message, current.controller.signal);
    if (!inbound) {
      log.info(context, 'telegram message ignored: no text, photo, document or contact');
      return;
    }
    await withRetry('onMessage', context, current.controller.signal, () => current.onMessage(inbound));
  });
  // telegraf's default handler rethrows, which ends polling: record the failure and keep going.
  bot.catch((err, ctx) => {
    failed.add(ctx.update);
    log.error({ updateId: ctx.update.update_id, err: describe(err) }, 'telegram update not stored');
  });

  /** Resolves true once the update was stored or deliberately ignored; false when storing failed. */
  async function processUpdate(update: Update): Promise<boolean> {
    await bot.handleUpdate(update);
    return !failed.has(update);
  }

  async function toInbound(msg: TgMessage, signal: AbortSignal): Promise<InboundMessage | undefined> {
    const chatId = String(msg.chat.id);
    const person = msg.from ?? msg.chat;
    const fullName = [person.first_name, person.last_name].filter(Boolean).join(' ').trim();
    // Only the sender's own contact (the "share my phone" button) says something about the sender.
    const ownContact = msg.contact && msg.from && msg.contact.user_id === msg.from.id ? msg.contact : undefined;
    const phone = ownContact ? toE164(ownContact.phone_number) : undefined;
    const text = msg.text ?? msg.caption ?? '';
    if (!text && !msg.photo && !msg.document && !phone) return undefined;

    const attachments: InboundAttachment[] = [];
    const context = { chatId, messageId: msg.message_id };
    const largest = msg.photo?.reduce((a, b) => ((b.file_size ?? b.width * b.height) > (a.file_size ?? a.width * a.height) ? b : a));
    if (largest) {
      const photo = await fetchFile(largest, context, signal);
      if (photo) attachments.push({ kind: 'image', contentType: 'image/jpeg', fileName: baseName(photo.path), data: photo.data });
    }
    if (msg.document) {
      const declared = msg.document.mime_type ?? '';
      const mime = /^[\w.+-]+\/[\w.+-]+$/.test(declared) ? declared : 'application/octet-stream';
      const file = await fetchFile(msg.document, context, signal);
      if (file) attachments.push({ kind: kindOf(mime), contentType: mime, fileName: msg.document.file_name ?? baseName(file.path), data: file.data });
    }
    const from: InboundMessage['from'] = { externalId: chatId };
    if (fullName) from.name = fullName;
    if (phone) from.phone = phone;
    if (msg.from?.language_code) from.languageCode = msg.from.language_code;
    return {
      tenantId,
      channel: 'telegram',
      // message_id is unique within a chat forever; update_id restarts at random after a quiet week.
      channelMessageId: `tg:${botId}:${chatId}:${msg.message_id}`,
      from,
      address: { channel: 'telegram', tenantId, externalId: chatId },
      text,
      attachments,
      receivedAt: new Date(msg.date * 1000),
    };
  }

  /** getFile + download, retried; a file that stays unreachable or is too large is skipped so the text still arrives. */
  async function fetchFile(file: { file_id: string; file_size?: number }, context: object, signal: AbortSignal) {
    const tooLarge = (size: number | undefined) => {
      if (size === undefined || size <= maxFileBytes) return false;
      log.warn({ ...context, size, maxFileBytes }, 'telegram attachment skipped: too large');
      return true;
    };
    if (tooLarge(file.file_size)) return undefined;
    try {
      return await withRetry('file download', context, signal, async () => {
        const info = await bot.telegram.getFile(file.file_id);
        if (!info.file_path) throw new Error('getFile returned no file_path');
        if (tooLarge(info.file_size)) return undefined;
        const data = await download(info.file_path, signal);
        if (!data) log.warn({ ...context, maxFileBytes }, 'telegram attachment skipped: too large');
        return data ? { path: info.file_path, data } : undefined;
      });
    } catch (err) {
      log.warn({ ...context, err: describe(err) }, 'telegram attachment skipped: download failed');
      return undefined;
    }
  }

  /** The bytes, or undefined when they exceed maxFileBytes (counted while streaming: Content-Length may lie). */
  async function download(filePath: string, signal: AbortSignal): Promise<Buffer | undefined> {
    const path = filePath.split('/').map(encodeURIComponent).join('/');
    const res = await fetch(`${apiRoot}/file/bot${token}/${path}`, { signal: AbortSignal.any([signal, AbortSignal.timeout(60_000)]) });
    if (!res.ok || !res.body) throw new Error(`file download answered ${res.status}`);
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks);
      total += value.byteLength;
      if (total > maxFileBytes) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  }

  async function poll(signal: AbortSignal): Promise<void> {
    let offset = 0;
    let failures = 0;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await bot.telegram.callApi('getUpdates', { offset, timeout: POLL_SECONDS, allowed_updates: ['message'] }, { signal: apiSignal(signal) });
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        if (err instanceof TelegramError && err.code === 401) {
          log.error({ err: describe(err) }, 'telegram token rejected; polling stopped');
          return;
        }
        failures++;
        const retryAfter = err instanceof TelegramError ? err.parameters?.retry_after : undefined;
        const delay = retryAfter ? retryAfter * 1000 : Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        log.warn({ err: describe(err), delayMs: delay }, 'telegram getUpdates failed; polling again later');
        await pause(delay, signal);
        continue;
      }
      for (const update of updates) {
        // Stopped before or during this update: leave it unconfirmed so the next start receives it again.
        if (signal.aborted) break;
        const ok = await processUpdate(update);
        if (!ok && signal.aborted) break;
        offset = Math.max(offset, update.update_id + 1);
      }
    }
    // Confirm what was handled, as telegraf does on stop, so a restart does not receive it again.
    if (offset > 0) {
      await bot.telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }, { signal: apiSignal(AbortSignal.timeout(2000)) }).catch(() => undefined);
    }
  }

  async function handleWebhook(request: WebhookRequest): Promise<WebhookResponse> {
    const secret = header(request, 'x-telegram-bot-api-secret-token');
    if (secret === undefined || secret === '') return failure(401, 'unauthorized', 'missing X-Telegram-Bot-Api-Secret-Token');
    if (typeof secret !== 'string' || !sameSecret(secret, webhook?.secret ?? '')) return failure(403, 'forbidden', 'wrong X-Telegram-Bot-Api-Secret-Token');
    if (!run) return failure(503, 'unavailable', 'the Telegram channel is not running');
    if (request.rawBody.length > MAX_UPDATE_BYTES) return failure(413, 'payload_too_large', 'update too large');
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      return failure(400, 'validation_failed', 'body is not JSON');
    }
    const parsed = updateSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return failure(400, 'validation_failed', `${issue?.path.join('.') || 'update'}: ${issue?.message ?? 'invalid'}`);
    }
    // A non-2xx answer makes Telegram deliver the update again later.
    if (!(await processUpdate(body as Update))) return failure(503, 'unavailable', 'update not stored; deliver it again');
    return { status: 200, body: { ok: true } };
  }

  const webhooks: readonly WebhookRoute[] = webhook ? [{ method: 'POST', path: webhook.path, handle: handleWebhook }] : [];

  return {
    name: 'telegram',
    tenantId,
    capabilities,
    webhooks,
    async start(onMessage) {
      if (run) throw new Error('Telegram adapter already started');
      const current: Run = { onMessage, controller: new AbortController() };
      run = current;
      try {
        await stopping;
        // botInfo set once here, so handleUpdate never calls getMe per update.
        bot.botInfo ??= await bot.telegram.getMe();
        if (webhook) {
          await bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ['message'] });
        } else {
          // getUpdates is refused while a webhook is set (a previous webhook-mode run); pending updates are kept.
          await bot.telegram.deleteWebhook({ drop_pending_updates: false });
          current.loop = poll(current.controller.signal);
        }
      } catch (err) {
        if (run === current) run = undefined;
        throw new Error(`Telegram channel did not start: ${describe(err)}`);
      }
      log.info({ tenantId, botId, mode: webhook ? 'webhook' : 'polling' }, 'telegram channel started');
    },
    async send(to: ChannelAddress, message: OutboundMessage) {
      if (to.channel !== 'telegram') throw new Error(`telegram adapter cannot send to ${to.channel}`);
      const { texts, quickReplies } = renderForChannel(message, capabilities);
      let last: { message_id: number } | undefined;
      for (const [i, text] of texts.entries()) {
        // The keyboard belongs to the last part: it is what the customer answers.
        const markup = i < texts.length - 1 ? undefined : quickReplies?.length
          ? { keyboard: quickReplies.map((q) => [{ text: q }]), one_time_keyboard: true, resize_keyboard: true }
          : { remove_keyboard: true as const };
        last = await bot.telegram.sendMessage(to.externalId, text, markup ? { reply_markup: markup } : {});
      }
      return { externalMessageId: String(last!.message_id) };
    },
    stop() {
      const current = run;
      if (current) {
        run = undefined;
        current.controller.abort();
        stopping = current.loop ?? Promise.resolve();
      }
      return stopping;
    },
  };
}

function failure(status: number, code: string, message: string): WebhookResponse {
  return { status, body: { error: { code, message } } };
}

function header(request: WebhookRequest, name: string): string | string[] | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : request.headers[key];
}

/** Compares digests so neither the length nor the content of the secret leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Telegram sends contact numbers with or without `+`, sometimes with spaces. */
function toE164(raw: string): string | undefined {
  const digits = raw.replace(/[\s().-]/g, '').replace(/^\+/, '');
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : undefined;
}

function kindOf(mime: string): InboundAttachment['kind'] {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  return 'document';
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A wait that ends early when the adapter stops, leaving no timer behind. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
