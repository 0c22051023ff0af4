import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conversationMessages, getConversation, listConversations, type Conversation } from '../../db/conversations';
import { conversationStates } from '../../db/schema';
import { currentUser, requireUser } from '../auth';
import type { agentActions } from '../agent-actions';
import type { AppDeps } from '../deps';
import { commaList, errorResponses, uuidParam } from '../schemas';

const conversationSchema = z.object({
  id: z.string(), channel: z.string(), state: z.enum(conversationStates), waitingReason: z.string().nullable(),
  waitingSince: z.string().nullable(), assignedAgentId: z.string().nullable(), language: z.string().nullable(),
  customerId: z.string(), complaintId: z.string().nullable(), lastMessageAt: z.string().nullable(), createdAt: z.string(),
});

const messageSchema = z.object({
  id: z.number(), direction: z.enum(['in', 'out']), sender: z.string(), text: z.string(), attachments: z.array(z.string()),
  internal: z.boolean(), status: z.string(), at: z.string(),
});

const dto = (c: Conversation): z.infer<typeof conversationSchema> => ({
  id: c.id, channel: c.channel, state: c.state, waitingReason: c.waitingReason, waitingSince: c.waitingSince?.toISOString() ?? null,
  assignedAgentId: c.assignedAgentId, language: c.language, customerId: c.customerId,
  complaintId: (c.botState as { complaint?: { id: string } | null }).complaint?.id ?? null,
  lastMessageAt: c.lastMessageAt?.toISOString() ?? null, createdAt: c.createdAt.toISOString(),
});

export const conversationRoutes: FastifyPluginAsyncZod<{ deps: AppDeps; actions: ReturnType<typeof agentActions> }> = async (app, { deps, actions }) => {
  const db = deps.db.db;
  const readers = requireUser(deps);
  const agents = requireUser(deps, ['admin', 'supervisor', 'agent']);

  app.get('/', {
    preHandler: readers,
    schema: {
      tags: ['conversations'], summary: "The tenant's conversations, most recent first",
      querystring: z.object({
        state: commaList(z.enum(conversationStates)),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: { 200: z.object({ items: z.array(conversationSchema) }), ...errorResponses },
    },
  }, async (request) => ({ items: (await listConversations(db, currentUser(request).tenantId, request.query.state, request.query.limit)).map(dto) }));

  app.get('/:id/messages', {
    preHandler: readers,
    schema: { tags: ['conversations'], summary: 'Messages of a conversation, oldest first', params: uuidParam, response: { 200: z.object({ items: z.array(messageSchema) }), ...errorResponses } },
  }, async (request) => {
    const tenantId = currentUser(request).tenantId;
    const conversation = await getConversation(db, tenantId, request.params.id);
    const rows = await conversationMessages(db, tenantId, conversation.id, 2000);
    return { items: rows.map((m) => ({ id: m.id, direction: m.direction, sender: m.sender, text: m.text, attachments: m.attachments, internal: m.internal, status: m.status, at: m.createdAt.toISOString() })) };
  });

  app.post('/:id/claim', {
    preHandler: agents,
    schema: { tags: ['conversations'], summary: 'Take the conversation (exactly one of two simultaneous claims wins)', params: uuidParam, response: { 200: conversationSchema, ...errorResponses } },
  }, async (request) => dto(await actions.claim(currentUser(request), request.params.id)));

  app.post('/:id/messages', {
    preHandler: agents,
    schema: {
      tags: ['conversations'], summary: "Reply to the customer on the conversation's own channel, or add an internal note",
      params: uuidParam,
      body: z.object({ text: z.string().trim().min(1).max(4000), internal: z.boolean().default(false) }),
      response: { 201: messageSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const m = await actions.reply(currentUser(request), request.params.id, request.body.text, request.body.internal);
    return reply.code(201).send({ id: m.id, direction: m.direction, sender: m.sender, text: m.text, attachments: m.attachments, internal: m.internal, status: m.status, at: m.createdAt.toISOString() });
  });

  app.post('/:id/release', {
    preHandler: agents,
    schema: { tags: ['conversations'], summary: 'Hand the conversation back to the bot', params: uuidParam, response: { 200: conversationSchema, ...errorResponses } },
  }, async (request) => dto(await actions.release(currentUser(request), request.params.id)));
};
