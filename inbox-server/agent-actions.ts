/**
 * What agents do to a conversation: claim it, reply on the customer's own channel (or add an
 * internal note), hand it back to the bot. Each change happens under the conversation's row lock,
 * so two agents claiming at once get one winner.
 */
import type { Database } from '../db/client';
import { getConversation, lockConversation, storeOutbound, updateConversation, type Conversation, type Message } from '../db/conversations';
import { AppError } from '../db/domain/errors';
import type { SessionUser } from '../db/users';
import type { IntakeEvent } from '../bots/events';
import type { IntakeService } from '../bots/intake-service';
import { assignConversation, complaintIdOf } from './assignment';

export interface AgentActionsDeps {
  db: Database;
  intake: IntakeService;
  publish: (event: IntakeEvent) => void;
  now: () => Date;
}

const canOverride = (user: SessionUser) => user.role === 'admin' || user.role === 'supervisor';

export function agentActions(deps: AgentActionsDeps) {
  const { db } = deps;

  async function claim(user: SessionUser, conversationId: string): Promise<Conversation> {
    await getConversation(db, user.tenantId, conversationId); // 404 across tenants
    const { conversation, event } = await db.transaction(async (tx) => {
      const c = await lockConversation(tx, conversationId);
      if (c.state === 'closed') throw new AppError('conflict', 'The conversation is closed.');
      if (c.state === 'assigned' && c.assignedAgentId && c.assignedAgentId !== user.id && !canOverride(user)) {
        throw new AppError('conflict', 'Another agent has already taken this conversation.');
      }
      if (c.state === 'assigned' && c.assignedAgentId === user.id) return { conversation: c, event: null };
      const assigned = await assignConversation(tx as unknown as Database, c, user.id, 'claim', { type: 'agent', id: user.id }, deps.now());
      return { conversation: { ...c, state: 'assigned' as const, assignedAgentId: user.id }, event: assigned };
    });
    if (event) deps.publish(event);
    return conversation;
  }

  async function close(user: SessionUser, conversationId: string): Promise<Conversation> {
    await getConversation(db, user.tenantId, conversationId);
    const conversation = await db.transaction(async (tx) => {
      const c = await lockConversation(tx, conversationId);
      if (c.state === 'assigned' && c.assignedAgentId !== user.id && !canOverride(user)) {
        throw new AppError('forbidden', 'Only the agent who has the conversation, or a supervisor, can close it.');
      }
      const botState = { ...c.botState, phase: 'done' };
      const patch = { state: 'closed' as const, assignedAgentId: null, waitingReason: null, waitingSince: null, botState };
      await updateConversation(tx, c.id, patch);
      return { ...c, ...patch };
    });
    deps.publish({ type: 'conversation_closed', tenantId: user.tenantId, conversationId, complaintId: complaintIdOf(conversation), reason: 'closed_by_agent' });
    return conversation;
  }

  async function reply(user: SessionUser, conversationId: string, text: string, internal: boolean): Promise<Message> {
    await getConversation(db, user.tenantId, conversationId);
    let taken: IntakeEvent | null = null;
    const { conversation, message } = await db.transaction(async (tx) => {
      const c = await lockConversation(tx, conversationId);
      if (c.state === 'closed') throw new AppError('conflict', 'The conversation is closed.');
      if (c.state === 'assigned' && c.assignedAgentId !== user.id && !canOverride(user) && !internal) {
        throw new AppError('conflict', 'Another agent has this conversation; claim it first.');
      }
      // Replying to a waiting conversation takes it: the customer now talks to this agent.
      if (!internal && c.state !== 'assigned') taken = await assignConversation(tx as unknown as Database, c, user.id, 'reply', { type: 'agent', id: user.id }, deps.now());
      const stored = await storeOutbound(tx, {
        tenantId: c.tenantId, conversationId: c.id, channel: c.channel, text, sender: 'agent', authorUserId: user.id,
        internal, lang: c.language ?? undefined, at: deps.now(),
      });
      return { conversation: c, message: stored };
    });
    if (taken) deps.publish(taken);
    deps.publish({
      type: 'message', tenantId: message.tenantId, conversationId,
      message: { id: message.id, direction: 'out', sender: 'agent', text: message.text, attachments: [], at: message.createdAt.toISOString(), internal, authorUserId: user.id },
    });
    if (!internal) await deps.intake.deliver(conversation, [message]);
    return message;
  }

  async function release(user: SessionUser, conversationId: string): Promise<Conversation> {
    await getConversation(db, user.tenantId, conversationId);
    const released = await db.transaction(async (tx) => {
      const c = await lockConversation(tx, conversationId);
      if (c.state === 'assigned' && c.assignedAgentId !== user.id && !canOverride(user)) {
        throw new AppError('forbidden', 'Only the agent who has the conversation, or a supervisor, can release it.');
      }
      const botState = { ...c.botState };
      // Back with the bot: a finished intake starts afresh on the customer's next message.
      if (botState.phase === 'with_people') botState.phase = 'done';
      const patch = { state: 'bot' as const, assignedAgentId: null, waitingReason: null, waitingSince: null, botState };
      await updateConversation(tx, c.id, patch);
      return { ...c, ...patch };
    });
    deps.publish({ type: 'conversation_released', tenantId: user.tenantId, conversationId, by: user.id });
    return released;
  }

  return { claim, reply, release, close };
}
