import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { channelIdentities, conversations } from '../db/schema';
import type { IntakeService } from '../bots/intake-service';
import type { WebchatHistoryItem } from '../bots/channels/webchat';

/** Web-chat session ids are the customer's identity on the `webchat` channel. */
export function webchatSessions(db: Database) {
  async function conversation(sessionId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
    const [row] = await db.select({ id: conversations.id, tenantId: conversations.tenantId }).from(channelIdentities)
      .innerJoin(conversations, and(eq(conversations.customerId, channelIdentities.customerId), eq(conversations.channel, 'webchat')))
      .where(and(eq(channelIdentities.channel, 'webchat'), eq(channelIdentities.externalId, sessionId)))
      .orderBy(desc(conversations.createdAt)).limit(1);
    return row ?? null;
  }
  return {
    conversation,
    async exists(tenantId: string, sessionId: string): Promise<boolean> {
      const row = await conversation(sessionId);
      return Boolean(row && row.tenantId === tenantId);
    },
    async history(tenantId: string, sessionId: string, intake: IntakeService): Promise<WebchatHistoryItem[]> {
      const row = await conversation(sessionId);
      if (!row || row.tenantId !== tenantId) return [];
      return (await intake.history(tenantId, row.id)).map((m) => ({
        id: String(m.id), text: m.text, from: m.direction === 'in' ? 'customer' : m.sender === 'agent' ? 'agent' : 'bot',
        ...((m.meta as { quickReplies?: string[] }).quickReplies?.length ? { quickReplies: (m.meta as { quickReplies: string[] }).quickReplies } : {}),
        at: m.createdAt.toISOString(),
      }));
    },
  };
}
