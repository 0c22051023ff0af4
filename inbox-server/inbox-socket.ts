/**
 * Socket.IO namespace `/inbox` for agents. Connect with `auth: {token, lastEventId?}` (or the
 * login cookie). The socket joins its tenant's room and its own; with `lastEventId` it first gets
 * every stored event after that id, then `ready {lastEventId, missed, online}`. Agents reply,
 * claim and type through it as through REST, and their presence drives automatic assignment.
 */
import fastifyCookie from '@fastify/cookie';
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import type { Database } from '../db/client';
import { markAbsent, markPresent, onlineAgents, presenceTtlMs } from '../db/agents';
import { getConversation } from '../db/conversations';
import { isAppError } from '../db/domain/errors';
import { inboxEventsAfter, lastInboxEventId } from '../db/inbox-events';
import { findSessionUser, type SessionUser } from '../db/users';
import type { Log } from '../bots/events';
import type { AdapterRegistry } from '../bots/registry';
import type { ChannelAddress } from '../bots/types';
import type { agentActions } from './agent-actions';
import type { Assigner } from './assignment';
import { sessionCookie } from './auth';
import { conversationRoom, tenantRoom, userRoom } from './inbox-feed';

/** The most events replayed on reconnection; beyond it the client reloads its lists over REST. */
export const maxReplay = 1000;

type Ack = (answer: unknown) => void;

const conversationRef = z.object({ conversationId: z.string().uuid() });
const replySchema = conversationRef.extend({ text: z.string().trim().min(1).max(4000), internal: z.boolean().default(false) });

export interface InboxSocketDeps {
  db: Database;
  namespace: Namespace;
  now: () => Date;
  log: Log;
  actions: ReturnType<typeof agentActions>;
  assigner: Assigner;
  registry: AdapterRegistry;
}

export function setUpInboxSocket(deps: InboxSocketDeps): { stop(): void } {
  const { db, namespace, log } = deps;
  /** Sockets per user in this process: presence ends with the last one. */
  const connected = new Map<string, number>();

  namespace.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown };
    const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? '');
    const token = typeof auth.token === 'string' ? auth.token : cookies[sessionCookie];
    if (!token || token.length > 200) return next(new Error('unauthorized: sign in and connect with auth {token}'));
    findSessionUser(db, token, deps.now()).then((user) => {
      if (!user) return next(new Error('unauthorized: the session has expired or is not valid'));
      socket.data.user = user;
      next();
    }, (error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
  });

  namespace.on('connection', (socket) => {
    onConnection(socket).catch((error: unknown) => {
      log.error({ err: error }, 'inbox connection failed');
      socket.disconnect(true);
    });
  });

  async function onConnection(socket: Socket): Promise<void> {
    const user = socket.data.user as SessionUser;
    await socket.join([tenantRoom(user.tenantId), userRoom(user.id)]);
    const first = !connected.get(user.id);
    connected.set(user.id, (connected.get(user.id) ?? 0) + 1);
    socket.on('disconnect', () => void leave(user));
    registerHandlers(socket, user);

    const after = Number((socket.handshake.auth as { lastEventId?: unknown }).lastEventId);
    let missed = 0;
    let last = await lastInboxEventId(db, user.tenantId);
    if (Number.isSafeInteger(after) && after >= 0) {
      const rows = await inboxEventsAfter(db, user.tenantId, user.id, after, maxReplay);
      for (const row of rows) socket.emit(row.type, { eventId: row.id, at: row.at.toISOString(), ...row.payload });
      missed = rows.length;
      if (rows.length) last = Math.max(last, rows[rows.length - 1]!.id);
    }
    if (user.role !== 'viewer') {
      await markPresent(db, [user.id], new Date(deps.now().getTime() + presenceTtlMs));
      if (first) namespace.to(tenantRoom(user.tenantId)).emit('presence', { userId: user.id, online: true });
    }
    const online = await onlineAgents(db, user.tenantId, deps.now());
    socket.emit('ready', { lastEventId: last, missed, truncated: missed === maxReplay, user: { id: user.id, role: user.role }, online });
    if (user.role !== 'viewer') void deps.assigner.assignWaiting(user.tenantId).catch((error: unknown) => log.warn({ err: error }, 'assignment failed'));
  }

  async function leave(user: SessionUser): Promise<void> {
    const left = (connected.get(user.id) ?? 1) - 1;
    if (left > 0) { connected.set(user.id, left); return; }
    connected.delete(user.id);
    if (user.role === 'viewer') return;
    await markAbsent(db, user.id, deps.now()).catch(() => undefined);
    namespace.to(tenantRoom(user.tenantId)).emit('presence', { userId: user.id, online: false });
  }

  function registerHandlers(socket: Socket, user: SessionUser): void {
    /** Runs a handler with validated input; the acknowledgement gets the result or `{error}`. */
    const on = <T>(event: string, schema: z.ZodType<T>, run: (input: T) => Promise<unknown>, writes = true) => {
      socket.on(event, (payload: unknown, ack?: Ack) => {
        const answer: Ack = typeof ack === 'function' ? ack : () => undefined;
        const parsed = schema.safeParse(payload);
        if (!parsed.success) return answer({ error: { code: 'validation_failed', message: parsed.error.issues.map((i) => `${i.path.join('.') || event}: ${i.message}`).join('; ') } });
        if (writes && user.role === 'viewer') return answer({ error: { code: 'forbidden', message: 'Your role does not allow this.' } });
        run(parsed.data).then((result) => answer(result ?? { ok: true }), (error: unknown) => {
          if (!isAppError(error)) log.error({ err: error, event }, 'inbox socket handler failed');
          answer({ error: isAppError(error) ? { code: error.code, message: error.message } : { code: 'unavailable', message: 'Something went wrong; try again.' } });
        });
      });
    };
    on('join', conversationRef, async ({ conversationId }) => {
      await getConversation(db, user.tenantId, conversationId);
      await socket.join(conversationRoom(conversationId));
    }, false);
    on('leave', conversationRef, async ({ conversationId }) => { await socket.leave(conversationRoom(conversationId)); }, false);
    on('claim', conversationRef, async ({ conversationId }) => {
      const c = await deps.actions.claim(user, conversationId);
      return { conversationId: c.id, state: c.state, assignedAgentId: c.assignedAgentId };
    });
    on('message', replySchema, async ({ conversationId, text, internal }) => {
      const m = await deps.actions.reply(user, conversationId, text, internal);
      return { id: m.id };
    });
    on('typing', conversationRef, async ({ conversationId }) => {
      const c = await getConversation(db, user.tenantId, conversationId);
      socket.to(conversationRoom(c.id)).emit('typing', { conversationId: c.id, from: 'agent', userId: user.id });
      const adapter = deps.registry.get(c.channel, c.tenantId);
      await adapter?.typing?.(c.address as unknown as ChannelAddress);
    });
  }

  // Presence lives in the database (every process sees it); connected agents renew it here.
  const heartbeat = setInterval(() => {
    const ids = [...connected.keys()];
    void markPresent(db, ids, new Date(deps.now().getTime() + presenceTtlMs)).catch((error: unknown) => log.warn({ err: error }, 'presence heartbeat failed'));
  }, presenceTtlMs / 3);
  heartbeat.unref();

  return {
    stop() {
      clearInterval(heartbeat);
      namespace.disconnectSockets(true);
    },
  };
}
