/**
 * WhatsApp through whatsapp-web.js: a headless Chromium logged in to WhatsApp Web by QR code.
 * This is the only file that touches whatsapp-web.js. The library never learns about our
 * failures: every listener catches, `initialize()` failures become status 'failed' plus a retry
 * with backoff, and the inbox watches `status()` / `onStatus()` to show the QR code.
 */
import { join } from 'node:path';
// CommonJS: a default import (named ESM imports of CommonJS packages fail at run time).
import qrcodeTerminal from 'qrcode-terminal';
import type WAWebJS from 'whatsapp-web.js';
import {
  renderForChannel, type ChannelAdapter, type ChannelAddress, type ChannelCapabilities, type InboundAttachment,
  type InboundHandler, type InboundMessage, type OutboundMessage,
} from '../types';

export const maxMediaBytes = 10 * 1024 * 1024;
/** Chromium flags measured to launch in containers (STACK-NOTES.md, "Channels"). */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

/** The QR code as terminal art (qrcode-terminal, small mode: two modules per character). */
export function renderQr(payload: string): string {
  let art = '';
  qrcodeTerminal.generate(payload, { small: true }, (out: string) => { art = out; });
  return art;
}

export type WhatsAppWebState = 'starting' | 'qr' | 'ready' | 'disconnected' | 'failed';
export interface WhatsAppWebStatus {
  state: WhatsAppWebState;
  /** The raw QR string while `state` is 'qr'; the inbox renders it as an image. */
  qr?: string;
  /** A terminal rendering of the QR code, when a renderer is available (none is installed today). */
  qrAsciiArt?: string;
  /** Why the client is 'failed' or 'disconnected'. */
  reason?: string;
}

/** pino-compatible: `log.info({ context }, 'message')`. */
export interface ChannelLog {
  info(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

/** The part of whatsapp-web.js's `Message` this adapter reads. */
export interface WebMessageLike {
  id: { _serialized: string; fromMe?: boolean; remote?: string };
  from: string;
  body: string;
  type?: string;
  /** Seconds since the epoch. */
  timestamp?: number;
  fromMe?: boolean;
  isStatus?: boolean;
  broadcast?: boolean;
  hasMedia: boolean;
  downloadMedia(): Promise<{ mimetype: string; data: string; filename?: string | null } | null | undefined>;
  getContact(): Promise<{ pushname?: string; number?: string }>;
}

/** The part of whatsapp-web.js's `Client` this adapter uses; tests pass a fake with this shape. */
export interface WebClientLike {
  on(event: 'qr', listener: (qr: string) => void): unknown;
  on(event: 'authenticated' | 'ready', listener: () => void): unknown;
  on(event: 'auth_failure' | 'disconnected', listener: (reason: string) => void): unknown;
  on(event: 'message', listener: (message: WebMessageLike) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<{ id: { _serialized: string } }>;
}

export interface WebClientFactoryOptions {
  clientId: string;
  /** LocalAuth keeps the logged-in browser profile here: DATA_DIR/whatsapp/<tenantId>. */
  dataPath: string;
  /** Where whatsapp-web.js caches WhatsApp Web's HTML (it defaults to the working directory). */
  webCachePath: string;
  chromiumPath: string;
}

export interface WhatsAppWebOptions {
  tenantId: string;
  dataDir: string;
  chromiumPath: string;
  log?: ChannelLog;
  clientFactory?: (options: WebClientFactoryOptions) => WebClientLike;
  /** Delay before re-initialising after a failure or disconnection, doubled each time up to maxMs. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Handing a message to `onMessage`: attempts and the base delay between them. */
  delivery?: { attempts?: number; retryMs?: number };
}

export interface WhatsAppWebAdapter extends ChannelAdapter {
  status(): WhatsAppWebStatus;
  /** Calls `listener` on every status change; returns the function that unsubscribes it. */
  onStatus(listener: (status: WhatsAppWebStatus) => void): () => void;
}

/** WhatsApp Web has no quick-reply buttons any more: they degrade to a numbered list. */
const capabilities: ChannelCapabilities = { quickReplies: false, attachments: true, maxTextLength: 4096 };

export function createWhatsAppWebAdapter(options: WhatsAppWebOptions): WhatsAppWebAdapter {
  const { tenantId } = options;
  const log = options.log ?? consoleLog;
  const factory = options.clientFactory ?? createRealClient;
  const initialMs = options.backoff?.initialMs ?? 5_000;
  const maxMs = options.backoff?.maxMs ?? 5 * 60_000;
  const attempts = options.delivery?.attempts ?? 4;
  const retryMs = options.delivery?.retryMs ?? 1_000;
  // LocalAuth accepts only [-_\w] in a client id; the same keeps the folder inside DATA_DIR.
  const safeId = tenantId.replace(/[^-\w]/g, '_');
  const clientOptions: WebClientFactoryOptions = {
    clientId: safeId,
    dataPath: join(options.dataDir, 'whatsapp', safeId),
    webCachePath: join(options.dataDir, 'whatsapp', '.web-cache'),
    chromiumPath: options.chromiumPath,
  };

  let status: WhatsAppWebStatus = { state: 'disconnected' };
  const listeners = new Set<(s: WhatsAppWebStatus) => void>();
  let running = false;
  let handler: InboundHandler | undefined;
  let client: WebClientLike | undefined;
  let connecting: Promise<void> | undefined;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  /** Pending waits (delivery retries), resolved early by stop() so nothing outlives the adapter. */
  const waits = new Map<NodeJS.Timeout, () => void>();

  function setStatus(next: WhatsAppWebStatus): void {
    status = next;
    for (const listener of listeners) {
      try { listener({ ...next }); } catch (err) { log.warn({ tenantId, err: messageOf(err) }, 'WhatsApp Web status listener failed'); }
    }
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => { waits.delete(timer); resolve(); }, ms);
      waits.set(timer, resolve);
    });
  }

  function launch(): void {
    retryTimer = undefined;
    const attempt = connect();
    connecting = attempt;
    void attempt.then(() => { if (connecting === attempt) connecting = undefined; });
  }

  /** One attempt to bring a client up; never rejects. */
  async function connect(): Promise<void> {
    if (!running) return;
    setStatus({ state: 'starting' });
    let next: WebClientLike;
    try {
      next = factory(clientOptions);
      client = next;
      wire(next);
    } catch (err) {
      return restart(undefined, 'failed', 'the WhatsApp Web client could not be created', err);
    }
    try {
      await next.initialize();
      if (!running) await destroyQuietly(next);
    } catch (err) {
      if (!running || client !== next) return destroyQuietly(next);
      return restart(next, 'failed', 'WhatsApp Web could not start', err);
    }
  }

  /** Drops a broken client (closing its browser) and tries again later. Never rejects. */
  async function restart(broken: WebClientLike | undefined, state: 'failed' | 'disconnected', what: string, err: unknown): Promise<void> {
    if (broken && client !== broken) return;
    client = undefined;
    const delay = Math.min(initialMs * 2 ** failures, maxMs);
    failures += 1;
    log.error({ tenantId, err: messageOf(err), retryInMs: delay }, `${what}; retrying in ${Math.round(delay / 1000)} s`);
    setStatus({ state, reason: messageOf(err) });
    if (broken) await destroyQuietly(broken);
    if (running && !retryTimer) retryTimer = setTimeout(launch, delay);
  }

  async function destroyQuietly(target: WebClientLike): Promise<void> {
    try { await target.destroy(); } catch (err) { log.warn({ tenantId, err: messageOf(err) }, 'WhatsApp Web client did not close cleanly'); }
  }

  function wire(c: WebClientLike): void {
    const current = (): boolean => running && client === c;
    c.on('qr', (qr: string) => {
      if (!current()) return;
      const qrAsciiArt = renderQr(qr);
      log.info({ tenantId }, 'WhatsApp Web: link this device (WhatsApp → Linked devices) by scanning the QR code printed below');
      // The QR code goes to the terminal as a picture an operator can scan, not into the JSON log.
      process.stdout.write(`\nWhatsApp Web (tenant ${tenantId}): scan with WhatsApp → Linked devices\n${qrAsciiArt}\n`);
      setStatus({ state: 'qr', qr, qrAsciiArt });
    });
    c.on('authenticated', () => {
      if (!current()) return;
      log.info({ tenantId }, 'WhatsApp Web: authenticated');
      setStatus({ state: 'starting' });
    });
    c.on('auth_failure', (message: string) => { if (current()) void restart(c, 'failed', 'WhatsApp Web authentication failed', message); });
    c.on('ready', () => {
      if (!current()) return;
      failures = 0;
      log.info({ tenantId }, 'WhatsApp Web: ready');
      setStatus({ state: 'ready' });
    });
    c.on('disconnected', (reason: string) => { if (current()) void restart(c, 'disconnected', 'WhatsApp Web disconnected', reason); });
    c.on('error', (err: unknown) => log.error({ tenantId, err: messageOf(err) }, 'WhatsApp Web client error'));
    // Messages of a client being replaced are still real messages: deliver them while running.
    c.on('message', (msg: WebMessageLike) => { void deliver(msg); });
  }

  /** Maps and hands one message to the engine, retrying; any exception stops here. */
  async function deliver(msg: WebMessageLike): Promise<void> {
    try {
      if (!running || !handler) return;
      const inbound = await toInboundMessage(tenantId, msg, log);
      if (!inbound) return;
      for (let attempt = 1; ; attempt++) {
        try {
          await handler(inbound);
          return;
        } catch (err) {
          const context = { tenantId, channelMessageId: inbound.channelMessageId, attempt, err: messageOf(err) };
          // WhatsApp Web never redelivers: after the last attempt the message is lost, so say so loudly.
          if (attempt >= attempts || !running) return log.error(context, 'WhatsApp Web message could not be stored and is dropped');
          log.warn(context, 'WhatsApp Web message could not be stored; retrying');
          await wait(retryMs * attempt);
        }
      }
    } catch (err) {
      log.error({ tenantId, err: messageOf(err) }, 'WhatsApp Web message could not be read');
    }
  }

  return {
    name: 'whatsapp',
    tenantId,
    capabilities,
    status: () => ({ ...status }),
    onStatus(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    /** Resolves at once: logging in may wait for a QR scan, and a failure is retried, never thrown. */
    async start(onMessage) {
      handler = onMessage;
      if (running) return;
      running = true;
      failures = 0;
      launch();
    },
    async send(to: ChannelAddress, message: OutboundMessage) {
      if (to.tenantId !== tenantId) throw new Error(`WhatsApp Web adapter of tenant ${tenantId} cannot send for tenant ${to.tenantId}`);
      const c = client;
      if (!c || status.state !== 'ready') throw new Error(`WhatsApp Web is not connected (state: ${status.state})`);
      const chatId = to.externalId.includes('@') ? to.externalId : `${to.externalId.replace(/\D/g, '')}@c.us`;
      let last = '';
      for (const text of renderForChannel(message, capabilities).texts) {
        const sent = await c.sendMessage(chatId, text);
        last = sent.id._serialized;
      }
      return { externalMessageId: last };
    },
    async stop() {
      running = false;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      for (const [timer, resolve] of waits) { clearTimeout(timer); resolve(); }
      waits.clear();
      const c = client;
      client = undefined;
      // Closing the browser first makes a pending initialize() fail fast; connect() then closes
      // whatever that initialize() still opened.
      if (c) await destroyQuietly(c);
      if (connecting) await connecting;
      setStatus({ state: 'disconnected' });
    },
  };
}

/** Private chats only: `@c.us` (phone) or `@lid` (hidden number); groups, broadcasts, channels are not customers. */
function isPrivateChat(id: string): boolean {
  return id.endsWith('@c.us') || id.endsWith('@lid');
}

/** Maps a whatsapp-web.js message; `null` for what is not a customer writing to us. */
export async function toInboundMessage(tenantId: string, msg: WebMessageLike, log: ChannelLog = consoleLog): Promise<InboundMessage | null> {
  if (msg.fromMe || msg.id.fromMe || msg.isStatus || msg.broadcast || !isPrivateChat(msg.from)) return null;
  const contact = await msg.getContact().catch(() => undefined);
  const user = msg.from.split('@')[0] ?? '';
  // A `@lid` id is not a phone number; the contact may still know the number.
  const digits = msg.from.endsWith('@c.us') ? user.replace(/\D/g, '') : (contact?.number ?? '').replace(/\D/g, '');
  const attachments: InboundAttachment[] = [];
  if (msg.hasMedia) {
    const attachment = await downloadAttachment(msg, log, tenantId);
    if (attachment) attachments.push(attachment);
  }
  return {
    tenantId,
    channel: 'whatsapp',
    channelMessageId: `wa:${tenantId}:${msg.id._serialized}`,
    from: { externalId: msg.from, name: contact?.pushname || undefined, phone: digits ? `+${digits}` : undefined },
    address: { channel: 'whatsapp', tenantId, externalId: msg.from },
    text: msg.body ?? '',
    attachments,
    receivedAt: msg.timestamp ? new Date(msg.timestamp * 1000) : new Date(),
  };
}

/** The text still reaches the engine when the media cannot be had (expired, too large). */
async function downloadAttachment(msg: WebMessageLike, log: ChannelLog, tenantId: string): Promise<InboundAttachment | null> {
  const context = { tenantId, messageId: msg.id._serialized };
  try {
    const media = await msg.downloadMedia();
    if (!media?.data) {
      log.warn(context, 'WhatsApp Web media is no longer available');
      return null;
    }
    // base64: 4 characters per 3 bytes; checked before decoding a huge string.
    if (Math.floor((media.data.length * 3) / 4) > maxMediaBytes + 2) {
      log.warn({ ...context, mimetype: media.mimetype }, 'WhatsApp Web media over 10 MB skipped');
      return null;
    }
    const data = Buffer.from(media.data, 'base64');
    if (data.length > maxMediaBytes) return null;
    const contentType = media.mimetype.split(';')[0]!.trim().toLowerCase();
    return { kind: kindOf(contentType), contentType, fileName: media.filename || undefined, data };
  } catch (err) {
    log.warn({ ...context, err: messageOf(err) }, 'WhatsApp Web media could not be downloaded');
    return null;
  }
}

export function kindOf(contentType: string): InboundAttachment['kind'] {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.startsWith('video/')) return 'video';
  return 'document';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const consoleLog: ChannelLog = {
  info: (context, message) => console.log(`[whatsapp] ${message}`, context),
  warn: (context, message) => console.warn(`[whatsapp] ${message}`, context),
  error: (context, message) => console.error(`[whatsapp] ${message}`, context),
};

function createRealClient(options: WebClientFactoryOptions): WebClientLike {
  // whatsapp-web.js is CommonJS (named ESM imports fail at run time) and loads puppeteer, so it
  // is required here, on first use: a server without WHATSAPP_WEB=1 never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client, LocalAuth } = require('whatsapp-web.js') as typeof WAWebJS;
  return new Client({
    authStrategy: new LocalAuth({ clientId: options.clientId, dataPath: options.dataPath }),
    webVersionCache: { type: 'local', path: options.webCachePath },
    puppeteer: { executablePath: options.chromiumPath, headless: true, args: chromiumArgs },
  });
}
