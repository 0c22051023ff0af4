/**
 * WhatsApp through Meta's official Cloud API: a signed webhook in, Graph API calls out (plain
 * fetch, no SDK). Meta redelivers any webhook not answered 2xx, so a delivery is acknowledged
 * only after every message in it is stored — and a payload we will never accept gets a 4xx.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  renderForChannel, type ChannelAdapter, type ChannelAddress, type ChannelCapabilities, type InboundAttachment,
  type InboundHandler, type InboundMessage, type OutboundMessage, type WebhookRequest, type WebhookResponse,
} from '../types';

export const maxMediaBytes = 10 * 1024 * 1024;
/** Meta batches at most a few hundred kilobytes; anything far larger is not from Meta. */
const maxBodyBytes = 3 * 1024 * 1024;
const graphTimeoutMs = 30_000;
const capabilities: ChannelCapabilities = { quickReplies: true, attachments: true, maxTextLength: 4096 };

/** pino-compatible: `log.info({ context }, 'message')`. */
export interface ChannelLog {
  info(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

export interface WhatsAppCloudOptions {
  tenantId: string;
  token: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  /** WHATSAPP_GRAPH_API_ROOT; a local emulator in tests. */
  graphApiRoot?: string;
  path?: string;
  log?: ChannelLog;
}

// ---- the webhook payload (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks) ----
const id = z.string().min(1).max(512);
const media = z.object({ id, mime_type: z.string().max(255).optional(), caption: z.string().max(4096).optional(), filename: z.string().max(1024).optional() });
const reply = z.object({ id: z.string().max(512), title: z.string().max(1024) });
const mediaTypes = ['image', 'document', 'audio', 'video'] as const;
const messageSchema = z.object({
  from: z.string().regex(/^\d{4,20}$/, 'must be a WhatsApp id (digits)'),
  id,
  timestamp: z.string().regex(/^\d{1,12}$/, 'must be seconds since the epoch'),
  type: z.string().min(1).max(64),
  text: z.object({ body: z.string().max(65_536) }).optional(),
  image: media.optional(), document: media.optional(), audio: media.optional(), video: media.optional(),
  interactive: z.object({ type: z.string().max(64), button_reply: reply.optional(), list_reply: reply.optional() }).optional(),
  button: z.object({ text: z.string().max(1024), payload: z.string().max(1024).optional() }).optional(),
}).superRefine((m, ctx) => {
  // A known type without its content is malformed; unknown types (reaction, location…) pass and are skipped.
  if (['text', 'interactive', 'button', ...mediaTypes].includes(m.type) && m[m.type as 'text'] === undefined) {
    ctx.addIssue({ code: 'custom', path: [m.type], message: `is required for a ${m.type} message` });
  }
});
const valueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.string().max(64), phone_number_id: id }),
  contacts: z.array(z.object({ wa_id: z.string().max(32), profile: z.object({ name: z.string().max(1024) }).optional() })).max(1000).optional(),
  messages: z.array(messageSchema).max(1000).optional(),
  statuses: z.array(z.unknown()).max(10_000).optional(),
});
/** Other subscribed fields (account_update, templates…) have other shapes: acknowledged, not read. */
const changeSchema = z.object({ field: z.string().max(128), value: z.unknown() }).transform((change, ctx) => {
  if (change.field !== 'messages') return { field: change.field, value: undefined };
  const parsed = valueSchema.safeParse(change.value);
  if (parsed.success) return { field: change.field, value: parsed.data };
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path] });
  return z.NEVER;
});
const payloadSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.object({ id: z.string().max(64), changes: z.array(changeSchema).max(100) })).min(1).max(1000),
});
type CloudMessage = z.output<typeof messageSchema>;
type CloudValue = z.output<typeof valueSchema>;

/** A non-2xx answer of the Graph API; `status` tells a permanent refusal from a passing outage. */
export class GraphApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'GraphApiError';
  }
}

export function createWhatsAppCloudAdapter(options: WhatsAppCloudOptions): ChannelAdapter {
  const { tenantId, token, phoneNumberId, appSecret, verifyToken } = options;
  const root = (options.graphApiRoot ?? 'https://graph.facebook.com/v21.0').replace(/\/+$/, '');
  const path = options.path ?? '/webhooks/whatsapp';
  const log = options.log ?? consoleLog;
  let handler: InboundHandler | undefined;

  async function graph(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(graphTimeoutMs) });
    if (res.ok) return res;
    let detail = `HTTP ${res.status}`;
    try {
      const body = (await res.json()) as { error?: { message?: string; code?: number } };
      if (body.error?.message) detail = `${body.error.message}${body.error.code === undefined ? '' : ` (code ${body.error.code})`}`;
    } catch { /* not JSON: the status says enough */ }
    throw new GraphApiError(`WhatsApp Cloud API: ${detail}`, res.status);
  }

  /** Media id → URL → bytes. A permanent refusal (4xx) skips the file; an outage throws so Meta redelivers. */
  async function fetchMedia(ref: z.output<typeof media>, kind: InboundAttachment['kind'], wamid: string): Promise<InboundAttachment | null> {
    try {
      const meta = (await (await graph(`${root}/${encodeURIComponent(ref.id)}`)).json()) as { url?: string; mime_type?: string; file_size?: number };
      if (!meta.url) throw new GraphApiError('WhatsApp Cloud API: media answer without a url', 404);
      if ((meta.file_size ?? 0) > maxMediaBytes) return skipLarge(wamid);
      const data = await readCapped(await graph(meta.url));
      if (!data) return skipLarge(wamid);
      const contentType = (meta.mime_type ?? ref.mime_type ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
      return { kind, contentType, fileName: ref.filename, data };
    } catch (err) {
      if (!(err instanceof GraphApiError) || err.status < 400 || err.status >= 500 || err.status === 429) throw err;
      log.warn({ tenantId, wamid, err: err.message }, 'WhatsApp Cloud media not available; message kept without it');
      return null;
    }
  }

  function skipLarge(wamid: string): null {
    log.warn({ tenantId, wamid }, 'WhatsApp Cloud media over 10 MB skipped');
    return null;
  }

  async function toInbound(message: CloudMessage, value: CloudValue): Promise<InboundMessage | null> {
    let text: string;
    let attachment: InboundAttachment | null = null;
    const type = message.type;
    if (type === 'text') text = message.text!.body;
    else if (type === 'button') text = message.button!.text;
    else if (type === 'interactive') {
      const chosen = message.interactive!.button_reply ?? message.interactive!.list_reply;
      if (!chosen) return skip(message);
      text = chosen.title;
    } else if ((mediaTypes as readonly string[]).includes(type)) {
      const ref = message[type as (typeof mediaTypes)[number]]!;
      text = ref.caption ?? '';
      attachment = await fetchMedia(ref, type === 'image' || type === 'audio' || type === 'video' ? type : 'document', message.id);
    } else return skip(message);
    const contacts = value.contacts ?? [];
    const contact = contacts.find((c) => c.wa_id === message.from) ?? (contacts.length === 1 ? contacts[0] : undefined);
    return {
      tenantId,
      channel: 'whatsapp_cloud',
      channelMessageId: `wac:${phoneNumberId}:${message.id}`,
      from: { externalId: message.from, name: contact?.profile?.name || undefined, phone: `+${message.from}` },
      address: { channel: 'whatsapp_cloud', tenantId, externalId: message.from },
      text,
      attachments: attachment ? [attachment] : [],
      receivedAt: new Date(Number(message.timestamp) * 1000),
    };
  }

  function skip(message: CloudMessage): null {
    log.info({ tenantId, wamid: message.id, type: message.type }, 'WhatsApp Cloud message type not handled; acknowledged');
    return null;
  }

  async function receive(request: WebhookRequest): Promise<WebhookResponse> {
    const signature = header(request, 'x-hub-signature-256');
    if (!signature) return failure(401, 'unauthorized', 'The X-Hub-Signature-256 header is missing.');
    if (!signedBy(appSecret, request.rawBody, signature)) return failure(403, 'forbidden', 'The X-Hub-Signature-256 signature does not match.');
    if (request.rawBody.length > maxBodyBytes) return failure(413, 'payload_too_large', 'The webhook body is too large.');
    let json: unknown;
    try { json = JSON.parse(request.rawBody.toString('utf8')); } catch { return failure(400, 'validation_failed', 'The body is not valid JSON.'); }
    const parsed = payloadSchema.safeParse(json);
    if (!parsed.success) return failure(400, 'validation_failed', describe(parsed.error.issues[0]));
    const current = handler;
    if (!current) return failure(503, 'unavailable', 'The WhatsApp channel is not started; deliver again later.');
    let wamid: string | undefined;
    try {
      for (const entry of parsed.data.entry) {
        for (const change of entry.changes) {
          const value = change.value;
          if (!value) continue;
          // One app may serve several numbers; each adapter takes only its own.
          if (value.metadata.phone_number_id !== phoneNumberId) continue;
          for (const message of value.messages ?? []) {
            wamid = message.id;
            const inbound = await toInbound(message, value);
            if (inbound) await current(inbound);
          }
        }
      }
    } catch (err) {
      log.error({ tenantId, wamid, err: err instanceof Error ? err.message : String(err) }, 'WhatsApp Cloud message not stored; Meta will deliver it again');
      return failure(503, 'unavailable', 'The message could not be stored; deliver again later.');
    }
    return { status: 200, body: {} };
  }

  async function verify(request: WebhookRequest): Promise<WebhookResponse> {
    const challenge = request.query['hub.challenge'];
    if (request.query['hub.mode'] === 'subscribe' && sameSecret(request.query['hub.verify_token'] ?? '', verifyToken) && challenge && challenge.length <= 256) {
      return { status: 200, body: challenge, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    }
    return failure(403, 'forbidden', 'Webhook verification failed.');
  }

  async function post(to: string, content: Record<string, unknown>): Promise<string> {
    const res = await graph(`${root}/${encodeURIComponent(phoneNumberId)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to, ...content }),
    });
    const answer = (await res.json()) as { messages?: { id?: string }[] };
    const sent = answer.messages?.[0]?.id;
    if (!sent) throw new GraphApiError('WhatsApp Cloud API: the answer carries no message id', res.status);
    return sent;
  }

  return {
    name: 'whatsapp_cloud',
    tenantId,
    capabilities,
    webhooks: [
      { method: 'GET', path, handle: verify },
      { method: 'POST', path, handle: receive },
    ],
    async start(onMessage) {
      handler = onMessage;
    },
    async send(to: ChannelAddress, message: OutboundMessage) {
      if (to.tenantId !== tenantId) throw new Error(`WhatsApp Cloud adapter of tenant ${tenantId} cannot send for tenant ${to.tenantId}`);
      const recipient = to.externalId.replace(/\D/g, '');
      const rendered = renderForChannel(message, capabilities);
      const last = rendered.texts.at(-1)!;
      const interactive = rendered.quickReplies?.length ? interactiveFor(last, rendered.quickReplies, message.lang) : undefined;
      // Choices that fit no interactive form become a numbered list, as on channels without buttons.
      const texts = rendered.quickReplies?.length && !interactive
        ? renderForChannel(message, { ...capabilities, quickReplies: false }).texts
        : rendered.texts;
      let sent = '';
      for (const [i, text] of texts.entries()) {
        sent = i === texts.length - 1 && interactive
          ? await post(recipient, { type: 'interactive', interactive })
          : await post(recipient, { type: 'text', text: { body: text, preview_url: false } });
      }
      return { externalMessageId: sent };
    },
    async stop() {
      handler = undefined;
    },
  };
}

/** Label of the button that opens a list, in the customer's language (Meta: at most 20 characters). */
const listButton: Record<string, string> = { en: 'Choose', it: 'Scegli', ro: 'Alege', fa: 'انتخاب کنید', ru: 'Выбрать', pt: 'Escolher' };

/**
 * Meta's limits: reply buttons ≤ 3 with titles ≤ 20 characters, a list ≤ 10 rows with titles
 * ≤ 24, an interactive body ≤ 1024 characters, titles unique. Anything else is not sendable.
 */
export function interactiveFor(body: string, replies: string[], lang?: string): Record<string, unknown> | undefined {
  const lengths = replies.map((r) => Array.from(r).length);
  if (Array.from(body).length > 1024 || new Set(replies).size !== replies.length || lengths.some((n) => n === 0)) return undefined;
  if (replies.length <= 3 && lengths.every((n) => n <= 20)) {
    return { type: 'button', body: { text: body }, action: { buttons: replies.map((title, i) => ({ type: 'reply', reply: { id: `qr:${i + 1}`, title } })) } };
  }
  if (replies.length <= 10 && lengths.every((n) => n <= 24)) {
    const rows = replies.map((title, i) => ({ id: `qr:${i + 1}`, title }));
    return { type: 'list', body: { text: body }, action: { button: listButton[lang ?? 'en'] ?? listButton.en, sections: [{ rows }] } };
  }
  return undefined;
}

function header(request: WebhookRequest, name: string): string | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : request.headers[key];
  return Array.isArray(value) ? value[0] : value;
}

/** `sha256=<hex HMAC-SHA256(appSecret, rawBody)>`, compared in constant time. */
function signedBy(secret: string, body: Buffer, signature: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(Buffer.from(match[1]!, 'hex'), expected);
}

/** Hashing first makes the comparison constant-time whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}

async function readCapped(res: Response): Promise<Buffer | null> {
  if (Number(res.headers.get('content-length') ?? 0) > maxMediaBytes) {
    await res.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxMediaBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** One readable line from the first zod issue, naming the field. */
function describe(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'The webhook payload is invalid.';
  return `Invalid webhook payload: ${issue.path.map(String).join('.') || 'body'} ${issue.message}`;
}

function failure(status: number, code: string, message: string): WebhookResponse {
  return { status, body: { error: { code, message } } };
}

const consoleLog: ChannelLog = {
  info: (context, message) => console.log(`[whatsapp_cloud] ${message}`, context),
  warn: (context, message) => console.warn(`[whatsapp_cloud] ${message}`, context),
  error: (context, message) => console.error(`[whatsapp_cloud] ${message}`, context),
};
