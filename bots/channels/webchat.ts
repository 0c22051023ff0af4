/**
 * The website chat widget's channel: Socket.IO namespace `/webchat` (INTERFACES.md). Connect with
 * `auth: { tenant, sessionId?, lang? }`; the server answers `session {sessionId}` and the history;
 * `message {text, clientMessageId, attachmentIds?}` is acknowledged with `{id}` once stored, and the
 * same clientMessageId twice is stored once. Shared by all tenants.
 */
import { randomUUID } from 'node:crypto';
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import type { ChannelAdapter, ChannelAddress, InboundHandler, OutboundMessage } from '../types';

export interface WebchatHistoryItem {
  id: string;
  text: string;
  from: 'customer' | 'bot' | 'agent';
  quickReplies?: string[];
  at: string;
}

export interface WebchatOptions {
  namespace: Namespace;
  /** Tenant slug → tenant id, or null when there is no such tenant. */
  tenantBySlug(slug: string): Promise<string | null>;
  /** Whether a session id already belongs to a conversation of the tenant (resume after reload). */
  sessionExists(tenantId: string, sessionId: string): Promise<boolean>;
  history(tenantId: string, sessionId: string): Promise<WebchatHistoryItem[]>;
  log: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  /** Messages a socket may send per 10 seconds. */
  maxMessagesPer10s?: number;
  /** The customer is typing: the inbox shows it to the agent. */
  onCustomerTyping?(tenantId: string, sessionId: string): void;
}

const authSchema = z.object({
  tenant: z.string().min(1).max(60),
  sessionId: z.string().uuid().optional(),
  lang: z.enum(['en', 'it', 'ro', 'fa', 'ru', 'pt']).optional(),
});

const messageSchema = z.object({
  text: z.string().max(20_000).default(''),
  clientMessageId: z.string().min(1).max(100),
  attachmentIds: z.array(z.string().uuid()).max(10).default([]),
});

type Ack = (answer: { id: string } | { error: { code: string; message: string } }) => void;

const room = (sessionId: string) => `webchat:${sessionId}`;

export function createWebchatAdapter(options: WebchatOptions): ChannelAdapter {
  const { namespace, log } = options;
  const limit = options.maxMessagesPer10s ?? 20;
  let handler: InboundHandler | null = null;

  async function onConnection(socket: Socket): Promise<void> {
    const auth = authSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) {
      socket.emit('error_message', { error: { code: 'validation_failed', message: 'Connect with auth {tenant, sessionId?, lang?}.' } });
      socket.disconnect(true);
      return;
    }
    const tenantId = await options.tenantBySlug(auth.data.tenant);
    if (!tenantId) {
      socket.emit('error_message', { error: { code: 'not_found', message: 'Unknown tenant.' } });
      socket.disconnect(true);
      return;
    }
    const resumed = auth.data.sessionId ? await options.sessionExists(tenantId, auth.data.sessionId) : false;
    const sessionId = resumed ? auth.data.sessionId! : randomUUID();
    const hintLang = auth.data.lang;
    await socket.join(room(sessionId));
    // History first: a client that has its `session` also has what came before it.
    if (resumed) socket.emit('history', { messages: await options.history(tenantId, sessionId) });
    socket.emit('session', { sessionId });

    let windowStart = Date.now();
    let count = 0;
    socket.on('message', async (payload: unknown, ack?: Ack) => {
      const reply: Ack = typeof ack === 'function' ? ack : () => undefined;
      const now = Date.now();
      if (now - windowStart > 10_000) { windowStart = now; count = 0; }
      if (++count > limit) return reply({ error: { code: 'rate_limited', message: 'Too many messages; wait a few seconds.' } });
      const parsed = messageSchema.safeParse(payload);
      if (!parsed.success) {
        return reply({ error: { code: 'validation_failed', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') } });
      }
      if (!parsed.data.text.trim() && parsed.data.attachmentIds.length === 0) {
        return reply({ error: { code: 'validation_failed', message: 'A message needs text or an attachment.' } });
      }
      if (!handler) return reply({ error: { code: 'unavailable', message: 'Not ready yet.' } });
      const address: ChannelAddress = { channel: 'webchat', tenantId, externalId: sessionId };
      try {
        const stored = await handler({
          tenantId, channel: 'webchat', channelMessageId: `wc:${sessionId}:${parsed.data.clientMessageId}`,
          from: { externalId: sessionId, languageCode: hintLang }, address, text: parsed.data.text,
          attachments: parsed.data.attachmentIds.map((attachmentId) => ({ kind: 'image' as const, contentType: 'application/octet-stream', attachmentId })),
          receivedAt: new Date(),
        });
        reply({ id: stored ? stored.id : parsed.data.clientMessageId });
      } catch (error) {
        log.error({ err: error }, 'web-chat message could not be stored');
        reply({ error: { code: 'unavailable', message: 'Your message could not be saved; please send it again.' } });
      }
    });
    let lastTyping = 0;
    socket.on('typing', () => {
      socket.to(room(sessionId)).emit('typing', { from: 'customer' });
      // At most one relay a second: typing events come with every key press.
      if (Date.now() - lastTyping < 1_000) return;
      lastTyping = Date.now();
      options.onCustomerTyping?.(tenantId, sessionId);
    });
  }

  return {
    name: 'webchat',
    tenantId: '*',
    capabilities: { quickReplies: true, attachments: true, maxTextLength: 20_000 },
    async start(onMessage) {
      handler = onMessage;
      namespace.on('connection', (socket) => {
        onConnection(socket).catch((error: unknown) => {
          log.error({ err: error }, 'web-chat connection failed');
          socket.disconnect(true);
        });
      });
    },
    async send(to: ChannelAddress, message: OutboundMessage) {
      const id = message.id ?? randomUUID();
      namespace.to(room(to.externalId)).emit('message', {
        id, text: message.text, from: message.from ?? 'bot',
        ...(message.quickReplies?.length ? { quickReplies: message.quickReplies } : {}),
        ...(message.lang ? { lang: message.lang } : {}),
        at: new Date().toISOString(),
      });
      return { externalMessageId: id };
    },
    async typing(to: ChannelAddress) {
      namespace.to(room(to.externalId)).emit('typing', { from: 'agent' });
    },
    async stop() {
      handler = null;
      namespace.removeAllListeners('connection');
      namespace.disconnectSockets(true);
    },
  };
}
