/**
 * A local Telegram Bot API for tests, speaking the real wire format: `POST|GET /bot<token>/<method>`
 * with JSON, form or query parameters, answering `{ok:true,result}` / `{ok:false,error_code,description}`.
 * One emulator serves any number of bots (any well-formed token). Updates are queued for getUpdates
 * (long polling with offset/limit/timeout) or, once setWebhook was called, POSTed to the webhook with
 * the secret header and retried while the answer is not 2xx.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TgUser { id: number; is_bot: boolean; first_name: string; last_name?: string; username?: string; language_code?: string }
export interface TgFile { file_id: string; file_unique_id: string; file_size: number; file_path: string }
export interface TgMessage {
  message_id: number;
  date: number;
  chat: { id: number; type: string; first_name?: string; last_name?: string };
  from?: TgUser;
  text?: string;
  entities?: { type: string; offset: number; length: number }[];
  caption?: string;
  photo?: { file_id: string; file_unique_id: string; width: number; height: number; file_size?: number }[];
  document?: { file_id: string; file_unique_id: string; file_name?: string; mime_type?: string; file_size?: number };
  contact?: { phone_number: string; first_name: string; last_name?: string; user_id?: number };
}
/** An update as pushed: `update_id` is assigned by the emulator unless given. */
export interface TgUpdate { update_id: number; message?: TgMessage; [kind: string]: unknown }
export type UpdateInput = Omit<TgUpdate, 'update_id'> & { update_id?: number };
export interface SentMessage { chatId: string; text: string; replyMarkup?: unknown; messageId: number }
export interface ApiCall { method: string; params: Record<string, unknown> }
export interface WebhookDelivery { updateId: number; status: number | 'network-error'; secret?: string }

interface Sender { firstName?: string; lastName?: string; languageCode?: string }
let nextMessageId = 1;

function message(chatId: number, fields: Partial<TgMessage>, sender: Sender = {}): UpdateInput {
  const from: TgUser = { id: chatId, is_bot: false, first_name: sender.firstName ?? 'Ada' };
  if (sender.lastName) from.last_name = sender.lastName;
  if (sender.languageCode) from.language_code = sender.languageCode;
  const chat = { id: chatId, type: 'private', first_name: from.first_name, ...(from.last_name ? { last_name: from.last_name } : {}) };
  return { message: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from, ...fields } };
}

export const textUpdate = (chatId: number, text: string, sender?: Sender) => message(chatId, { text }, sender);
/** Commands carry a bot_command entity, as Telegram sends them (telegraf's command matching needs it). */
export const commandUpdate = (chatId: number, command = '/start', sender?: Sender) =>
  message(chatId, { text: command, entities: [{ type: 'bot_command', offset: 0, length: command.split(' ')[0]!.length }] }, sender);
/** `sizes` from smallest to largest, as Telegram orders them; register each with `emulator.addFile`. */
export const photoUpdate = (chatId: number, sizes: TgFile[], opts: Sender & { caption?: string } = {}) =>
  message(chatId, {
    photo: sizes.map((f, i) => ({ file_id: f.file_id, file_unique_id: f.file_unique_id, width: 90 * (i + 1), height: 60 * (i + 1), file_size: f.file_size })),
    ...(opts.caption ? { caption: opts.caption } : {}),
  }, opts);
export const documentUpdate = (chatId: number, file: TgFile, opts: Sender & { fileName?: string; mimeType?: string; caption?: string; fileSize?: number } = {}) =>
  message(chatId, {
    document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: opts.fileName ?? 'file.pdf', mime_type: opts.mimeType ?? 'application/pdf', file_size: opts.fileSize ?? file.file_size },
    ...(opts.caption ? { caption: opts.caption } : {}),
  }, opts);
/** A contact shared with the "share my phone" button: `user_id` is the sender's own id unless told. */
export const contactUpdate = (chatId: number, phone: string, opts: Sender & { userId?: number } = {}) =>
  message(chatId, { contact: { phone_number: phone, first_name: opts.firstName ?? 'Ada', user_id: opts.userId ?? chatId } }, opts);

interface Bot {
  user: TgUser;
  nextUpdateId: number;
  /** Not yet confirmed (polling) or not yet accepted (webhook); `replay` entries are served once regardless of offset. */
  queue: { update: TgUpdate; replay: boolean }[];
  history: Map<number, TgUpdate>;
  pollers: Set<() => void>;
  sent: SentMessage[];
  calls: ApiCall[];
  deliveries: WebhookDelivery[];
  webhook?: { url: string; secret?: string };
  delivering: boolean;
}

class Failure extends Error {
  constructor(readonly code: number, description: string) { super(description); }
}

export class TelegramEmulator {
  url = '';
  private readonly server = createServer((req, res) => void this.route(req, res));
  private readonly bots = new Map<string, Bot>();
  private readonly files = new Map<string, { file: TgFile; data: Buffer }>();
  private readonly sentListeners = new Set<() => void>();
  private readonly closing = new AbortController();

  constructor(private readonly options: { webhookRetryMs?: number; webhookMaxAttempts?: number } = {}) {}

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stores bytes Telegram would serve through getFile + `/file/bot<token>/<path>`. */
  addFile(data: Buffer, filePath = `documents/file_${this.files.size + 1}.bin`): TgFile {
    const n = this.files.size + 1;
    const file = { file_id: `FILE${n}-${filePath}`, file_unique_id: `U${n}`, file_size: data.length, file_path: filePath };
    this.files.set(file.file_id, { file, data });
    return file;
  }

  pushUpdate(token: string, input: UpdateInput): TgUpdate {
    const bot = this.bot(token);
    const update = { ...input, update_id: input.update_id ?? bot.nextUpdateId++ } as TgUpdate;
    bot.history.set(update.update_id, update);
    this.enqueue(bot, update, false);
    return update;
  }

  /** Serves an update again, as Telegram does after a lost confirmation or a failed webhook answer. */
  redeliver(token: string, updateId: number): void {
    const bot = this.bot(token);
    const update = bot.history.get(updateId);
    if (!update) throw new Error(`no update ${updateId} for this bot`);
    this.enqueue(bot, update, true);
  }

  sent = (token: string): SentMessage[] => [...this.bot(token).sent];
  calls = (token: string): ApiCall[] => [...this.bot(token).calls];
  deliveries = (token: string): WebhookDelivery[] => [...this.bot(token).deliveries];
  /** How many getUpdates requests are being held open right now. */
  pollers = (token: string): number => this.bot(token).pollers.size;

  waitForSent(token: string, predicate: (m: SentMessage) => boolean, timeoutMs = 5000): Promise<SentMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.bot(token).sent.find(predicate);
        if (found) done(() => resolve(found));
      };
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.sentListeners.delete(check);
        settle();
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no matching sendMessage within ${timeoutMs} ms; sent: ${JSON.stringify(this.bot(token).sent.map((m) => m.text.slice(0, 80)))}`))), timeoutMs);
      this.sentListeners.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    this.closing.abort();
    for (const bot of this.bots.values()) for (const wake of bot.pollers) wake();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private bot(token: string): Bot {
    const id = /^(\d+):[\w-]+$/.exec(token)?.[1];
    if (!id) throw new Failure(401, 'Unauthorized');
    let bot = this.bots.get(token);
    if (!bot) {
      const user = { id: Number(id), is_bot: true, first_name: `Bot ${id}`, username: `bot${id}_bot` };
      bot = { user, nextUpdateId: 100_000, queue: [], history: new Map(), pollers: new Set(), sent: [], calls: [], deliveries: [], delivering: false };
      this.bots.set(token, bot);
    }
    return bot;
  }

  private enqueue(bot: Bot, update: TgUpdate, replay: boolean): void {
    if (replay) bot.queue.unshift({ update, replay });
    else bot.queue.push({ update, replay });
    for (const wake of bot.pollers) wake();
    void this.deliver(bot);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // 'close' before we answered means the client hung up (an aborted long poll).
    const hangUp = new AbortController();
    res.on('close', () => hangUp.abort());
    const answer = (status: number, payload: object) => {
      if (!hangUp.signal.aborted) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    try {
      const url = new URL(req.url ?? '/', this.url);
      const body = await readBody(req);
      const file = /^\/file\/bot(\d+:[\w-]+)\/(.+)$/.exec(url.pathname);
      if (file && req.method === 'GET') {
        const stored = [...this.files.values()].find((f) => f.file.file_path === decodeURIComponent(file[2]!));
        if (!stored) throw new Failure(404, 'Not Found');
        return void res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': stored.data.length }).end(stored.data);
      }
      const api = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
      if (!api) throw new Failure(404, 'Not Found');
      const params = { ...Object.fromEntries(url.searchParams), ...parseParams(req.headers['content-type'], body) };
      const bot = this.bot(api[1]!);
      bot.calls.push({ method: api[2]!, params });
      answer(200, { ok: true, result: await this.call(bot, api[2]!.toLowerCase(), params, hangUp.signal) });
    } catch (err) {
      const failure = err instanceof Failure ? err : new Failure(500, 'Internal Server Error');
      answer(failure.code, { ok: false, error_code: failure.code, description: failure.message });
    }
  }

  private async call(bot: Bot, method: string, params: Record<string, unknown>, hangUp: AbortSignal): Promise<unknown> {
    switch (method) {
      case 'getme': return bot.user;
      case 'getupdates': return this.getUpdates(bot, params, hangUp);
      case 'sendmessage': return this.sendMessage(bot, params);
      case 'getfile': {
        const stored = this.files.get(String(params.file_id ?? ''));
        if (!stored) throw new Failure(400, 'Bad Request: invalid file_id');
        return stored.file;
      }
      case 'setwebhook': {
        const url = String(params.url ?? '');
        if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') bot.queue = [];
        bot.webhook = url ? { url, ...(params.secret_token ? { secret: String(params.secret_token) } : {}) } : undefined;
        void this.deliver(bot);
        return true;
      }
      case 'deletewebhook':
        if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') bot.queue = [];
        bot.webhook = undefined;
        return true;
      case 'getwebhookinfo':
        return { url: bot.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: bot.queue.length };
      default: throw new Failure(404, 'Not Found');
    }
  }

  private async getUpdates(bot: Bot, params: Record<string, unknown>, hangUp: AbortSignal): Promise<TgUpdate[]> {
    if (bot.webhook) throw new Failure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(params.limit ?? 100)));
    const deadline = Date.now() + Math.max(0, Number(params.timeout ?? 0)) * 1000;
    for (;;) {
      // Every update below the offset is confirmed and forgotten.
      if (offset > 0) bot.queue = bot.queue.filter((e) => e.replay || e.update.update_id >= offset);
      const ready = bot.queue.slice(0, limit);
      if (hangUp.aborted) return [];
      if (ready.length) {
        bot.queue = bot.queue.filter((e) => !(e.replay && ready.includes(e)));
        return ready.map((e) => e.update);
      }
      if (Date.now() >= deadline || this.closing.signal.aborted) return [];
      // Held until an update arrives, the timeout passes, the client hangs up or the emulator closes.
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          bot.pollers.delete(wake);
          hangUp.removeEventListener('abort', wake);
          resolve();
        };
        const timer = setTimeout(wake, deadline - Date.now());
        bot.pollers.add(wake);
        hangUp.addEventListener('abort', wake);
      });
    }
  }

  private sendMessage(bot: Bot, params: Record<string, unknown>): TgMessage {
    const chatId = params.chat_id;
    const text = params.text;
    if (chatId === undefined || chatId === '') throw new Failure(400, 'Bad Request: chat_id is empty');
    if (typeof text !== 'string' || text.trim() === '') throw new Failure(400, 'Bad Request: message text is empty');
    if (text.length > 4096) throw new Failure(400, 'Bad Request: message is too long');
    const replyMarkup = typeof params.reply_markup === 'string' ? JSON.parse(params.reply_markup) : params.reply_markup;
    const sent: SentMessage = { chatId: String(chatId), text, messageId: nextMessageId++, ...(replyMarkup ? { replyMarkup } : {}) };
    bot.sent.push(sent);
    for (const listener of this.sentListeners) listener();
    return { message_id: sent.messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: 'private' }, from: bot.user, text };
  }

  /** Webhook mode: POSTs queued updates in order; a non-2xx answer is retried, then the update is dropped, as Telegram does. */
  private async deliver(bot: Bot): Promise<void> {
    if (bot.delivering) return;
    bot.delivering = true;
    const retryMs = this.options.webhookRetryMs ?? 50;
    const maxAttempts = this.options.webhookMaxAttempts ?? 5;
    let attempts = 0;
    try {
      while (bot.webhook && bot.queue.length && !this.closing.signal.aborted) {
        const entry = bot.queue[0]!;
        const { url, secret } = bot.webhook;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (secret) headers['x-telegram-bot-api-secret-token'] = secret;
        let status: WebhookDelivery['status'];
        try {
          const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(entry.update), signal: this.closing.signal });
          await res.arrayBuffer();
          status = res.status;
        } catch {
          status = 'network-error';
        }
        bot.deliveries.push({ updateId: entry.update.update_id, status, ...(secret ? { secret } : {}) });
        const accepted = typeof status === 'number' && status >= 200 && status < 300;
        if (accepted || ++attempts >= maxAttempts) {
          bot.queue = bot.queue.filter((e) => e !== entry);
          attempts = 0;
        } else {
          await pause(retryMs, this.closing.signal);
        }
      }
    } finally {
      bot.delivering = false;
    }
  }
}

export async function startTelegramEmulator(options?: { webhookRetryMs?: number; webhookMaxAttempts?: number }): Promise<TelegramEmulator> {
  return new TelegramEmulator(options).listen();
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON bodies keep their types; form values arrive as strings, like on the real Bot API. */
function parseParams(contentType: string | undefined, body: Buffer): Record<string, unknown> {
  if (!body.length) return {};
  if (contentType?.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch { /* answered below */ }
    throw new Failure(400, "Bad Request: can't parse JSON object");
  }
  if (contentType?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  return {};
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
