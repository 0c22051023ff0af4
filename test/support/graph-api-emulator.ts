/**
 * A local stand-in for Meta's Graph API (WhatsApp Cloud) on 127.0.0.1, plus builders for the
 * webhook payloads Meta sends and their X-Hub-Signature-256. Shapes follow Meta's documented
 * examples so the adapter is tested against what production sends, not against itself.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentRequest {
  phoneNumberId: string;
  /** The bearer token the client used. */
  token: string | undefined;
  body: { messaging_product?: string; to?: string; type?: string; [key: string]: unknown };
}

export interface GraphApiEmulator {
  /** What WHATSAPP_GRAPH_API_ROOT would be, e.g. `http://127.0.0.1:PORT/v21.0`. */
  root: string;
  token: string;
  sent(): SentRequest[];
  waitForSent(count: number, timeoutMs?: number): Promise<SentRequest[]>;
  /** Stores a media file; returns its media id (what a webhook's `image.id` carries). */
  addMedia(data: Buffer, mimeType: string): string;
  /** Paths of media requests (metadata and download), with the bearer token used. */
  mediaRequests(): { path: string; token: string | undefined }[];
  /** The next request to `route` answers this status with a Graph error body. */
  failNext(route: 'messages' | 'media', status: number, message?: string): void;
  close(): Promise<void>;
}

const graphError = (message: string, code: number, type = 'OAuthException') =>
  ({ error: { message, type, code, fbtrace_id: randomBytes(8).toString('hex') } });

export async function startGraphApiEmulator(options: { token?: string; version?: string } = {}): Promise<GraphApiEmulator> {
  const token = options.token ?? 'EAAG-test-token';
  const version = options.version ?? 'v21.0';
  const sent: SentRequest[] = [];
  const media = new Map<string, { data: Buffer; mimeType: string }>();
  const mediaRequests: { path: string; token: string | undefined }[] = [];
  const failures = new Map<'messages' | 'media', { status: number; message: string }>();
  const waiters = new Set<() => void>();
  let origin = '';

  function reply(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  function failure(route: 'messages' | 'media', res: ServerResponse): boolean {
    const planned = failures.get(route);
    if (!planned) return false;
    failures.delete(route);
    reply(res, planned.status, graphError(planned.message, planned.status >= 500 ? 2 : 100, planned.status >= 500 ? 'OAuthException' : 'GraphMethodException'));
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', origin);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const parts = url.pathname.split('/').filter(Boolean);

    if (req.method === 'GET' && parts[0] === 'media-download' && parts[1]) {
      mediaRequests.push({ path: url.pathname, token: bearer });
      if (bearer !== token) return reply(res, 401, graphError('Invalid OAuth access token.', 190));
      const file = media.get(parts[1]);
      if (!file) return reply(res, 404, graphError('Media not found', 100));
      res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.data.length });
      return void res.end(file.data);
    }
    if (parts[0] !== version) return reply(res, 404, graphError(`Unknown path ${url.pathname}`, 100));
    if (bearer !== token) return reply(res, 401, graphError('Invalid OAuth access token - Cannot parse access token', 190));

    if (req.method === 'POST' && parts.length === 3 && parts[2] === 'messages') {
      if (failure('messages', res)) return;
      let body: SentRequest['body'];
      try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentRequest['body']; } catch { return reply(res, 400, graphError('Invalid JSON', 100)); }
      if (body.messaging_product !== 'whatsapp' || !body.to || !body.type) return reply(res, 400, graphError('(#100) The parameter messaging_product, to and type are required.', 100));
      sent.push({ phoneNumberId: parts[1]!, token: bearer, body });
      for (const wake of waiters) wake();
      return reply(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: newWamid() }] });
    }
    if (req.method === 'GET' && parts.length === 2) {
      mediaRequests.push({ path: url.pathname, token: bearer });
      if (failure('media', res)) return;
      const file = media.get(parts[1]!);
      if (!file) return reply(res, 404, graphError(`Unsupported get request. Object with ID '${parts[1]}' does not exist`, 100, 'GraphMethodException'));
      return reply(res, 200, {
        messaging_product: 'whatsapp', id: parts[1], url: `${origin}/media-download/${parts[1]}`, mime_type: file.mimeType,
        sha256: createHash('sha256').update(file.data).digest('hex'), file_size: file.data.length,
      });
    }
    reply(res, 404, graphError(`Unknown path ${req.method} ${url.pathname}`, 100));
  }

  const server = createServer((req, res) => { handle(req, res).catch((err: Error) => reply(res, 500, graphError(err.message, 1))); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    root: `${origin}/${version}`,
    token,
    sent: () => [...sent],
    async waitForSent(count, timeoutMs = 5_000) {
      if (sent.length >= count) return [...sent];
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`expected ${count} sent messages, got ${sent.length}`)); }, timeoutMs);
        const check = () => {
          if (sent.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...sent]);
        };
        waiters.add(check);
      });
    },
    addMedia(data, mimeType) {
      const mediaId = String(1_000_000_000_000 + media.size + Math.floor(Math.random() * 1e9));
      media.set(mediaId, { data, mimeType });
      return mediaId;
    },
    mediaRequests: () => [...mediaRequests],
    failNext(route, status, message = status >= 500 ? 'An unexpected error has occurred. Please retry your request later.' : 'Bad request') {
      failures.set(route, { status, message });
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export function newWamid(): string {
  return `wamid.HBgM${randomBytes(18).toString('base64url')}`;
}

/** The X-Hub-Signature-256 header Meta sends: `sha256=` + hex HMAC-SHA256 of the raw body. */
export function sign(appSecret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

export interface MessageOptions {
  name?: string;
  wamid?: string;
  /** Seconds since the epoch, as a string like Meta's. */
  timestamp?: string;
}

/** The envelope Meta posts for the `messages` field of a WhatsApp Business Account. */
export function webhookPayload(phoneId: string, value: { contacts?: unknown[]; messages?: unknown[]; statuses?: unknown[] }) {
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneId }, ...value } }],
    }],
  };
}

function messageOf(phoneId: string, waId: string, type: string, content: Record<string, unknown>, options: MessageOptions) {
  return webhookPayload(phoneId, {
    contacts: [{ profile: { name: options.name ?? 'Customer' }, wa_id: waId }],
    messages: [{ from: waId, id: options.wamid ?? newWamid(), timestamp: options.timestamp ?? String(Math.floor(Date.now() / 1000)), type, ...content }],
  });
}

export function textMessagePayload(phoneId: string, waId: string, text: string, name = 'Customer', options: MessageOptions = {}) {
  return messageOf(phoneId, waId, 'text', { text: { body: text } }, { ...options, name });
}

export function imageMessagePayload(phoneId: string, waId: string, mediaId: string, options: MessageOptions & { caption?: string; mimeType?: string } = {}) {
  const image = { mime_type: options.mimeType ?? 'image/jpeg', sha256: randomBytes(32).toString('base64'), id: mediaId, ...(options.caption === undefined ? {} : { caption: options.caption }) };
  return messageOf(phoneId, waId, 'image', { image }, options);
}

export function documentMessagePayload(phoneId: string, waId: string, mediaId: string, filename: string, options: MessageOptions & { mimeType?: string } = {}) {
  return messageOf(phoneId, waId, 'document', { document: { filename, mime_type: options.mimeType ?? 'application/pdf', sha256: 'x', id: mediaId } }, options);
}

/** A tap on a reply button or a list row of an interactive message we sent. */
export function interactiveReplyPayload(phoneId: string, waId: string, reply: { id: string; title: string }, options: MessageOptions & { kind?: 'button_reply' | 'list_reply' } = {}) {
  const kind = options.kind ?? 'button_reply';
  return messageOf(phoneId, waId, 'interactive', {
    context: { from: '15550783881', id: newWamid() },
    interactive: { type: kind, [kind]: reply },
  }, options);
}

/** A tap on a quick-reply button of a template message. */
export function buttonMessagePayload(phoneId: string, waId: string, text: string, options: MessageOptions = {}) {
  return messageOf(phoneId, waId, 'button', { context: { from: '15550783881', id: newWamid() }, button: { text, payload: text } }, options);
}

/** A delivery receipt for a message we sent. */
export function statusPayload(phoneId: string, waId: string, wamid: string, status: 'sent' | 'delivered' | 'read' = 'delivered') {
  return webhookPayload(phoneId, {
    statuses: [{ id: wamid, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: waId, conversation: { id: 'c1', origin: { type: 'service' } }, pricing: { billable: true, pricing_model: 'PMP', category: 'service' } }],
  });
}
