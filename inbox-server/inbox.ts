/**
 * The human half, wired together: the agents' actions, the durable inbox feed, automatic
 * assignment, the `/inbox` namespace, and the REST routes that use them.
 */
import type { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'socket.io';
import { pruneInboxEvents } from '../db/inbox-events';
import { getTenant } from '../db/tenants';
import type { IntakeEvent } from '../bots/events';
import type { IntakeService } from '../bots/intake-service';
import type { AdapterRegistry } from '../bots/registry';
import { agentActions } from './agent-actions';
import { createAssigner } from './assignment';
import type { AppDeps } from './deps';
import { createInboxFeed, type InboxFeed } from './inbox-feed';
import { setUpInboxSocket } from './inbox-socket';
import { conversationRoutes } from './routes/conversations';
import { resolutionRoutes } from './routes/resolutions';
import { teamRoutes } from './routes/team';

export const inboxEventRetentionMs = 7 * 24 * 60 * 60_000;

/** Events after which the queue may have someone to assign or someone free to take it. */
const queueMoves = new Set<IntakeEvent['type']>(['conversation_waiting', 'conversation_released', 'conversation_closed']);

export async function setUpInbox(app: FastifyInstance, deps: AppDeps, io: Server, events: EventEmitter, intake: IntakeService, registry: AdapterRegistry): Promise<{ feed: InboxFeed; stop(): void }> {
  const db = deps.db.db;
  const log = app.log.child({ component: 'inbox' });
  const publish = (event: IntakeEvent) => events.emit('intake', event);
  const assigner = createAssigner({
    db, now: deps.now, publish,
    enabled: async (tenantId) => (await getTenant(db, tenantId)).settings.autoAssign !== false,
  });
  const feed = createInboxFeed({
    db, namespace: io.of('/inbox'), now: deps.now, log,
    after: (e) => {
      if (queueMoves.has(e.type)) void assigner.assignWaiting(e.tenantId).catch((error: unknown) => log.warn({ err: error }, 'assignment failed'));
    },
  });
  events.on('intake', (e: IntakeEvent) => void feed.publish(e));
  const actions = agentActions({ db, intake, now: deps.now, publish });
  const socket = setUpInboxSocket({ db, namespace: io.of('/inbox'), now: deps.now, log, actions, assigner, registry });
  await app.register(conversationRoutes, { prefix: '/api/conversations', deps, actions });
  await app.register(resolutionRoutes, { prefix: '/api/complaints', deps, intake, publish });
  await app.register(teamRoutes, { prefix: '/api/team', deps });
  // The replay log only needs to cover an agent's absence; a week is plenty (clients reload after that).
  const prune = setInterval(() => {
    void pruneInboxEvents(db, new Date(deps.now().getTime() - inboxEventRetentionMs)).catch((error: unknown) => log.warn({ err: error }, 'pruning inbox events failed'));
  }, 60 * 60_000);
  prune.unref();
  return { feed, stop: () => { clearInterval(prune); socket.stop(); } };
}
