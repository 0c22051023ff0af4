import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAnswer, deleteAnswer, listAnswers, updateAnswer, type PredefinedAnswer } from '../../db/answers';
import { currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { errorResponses, languageSchema, uuidParam } from '../schemas';

/** Routine answers are for commercial categories; critical ones always go to people. */
const routineCategory = z.enum(['billing', 'delivery', 'service_staff', 'refund_return', 'account_access', 'utility_supply', 'other']);

const answerSchema = z.object({
  id: z.string(), category: routineCategory, lang: languageSchema, keywords: z.array(z.string()),
  text: z.string(), priority: z.number(), active: z.boolean(), updatedAt: z.string(),
});

const answerBody = z.object({
  category: routineCategory,
  lang: languageSchema,
  keywords: z.array(z.string().trim().min(2).max(60)).max(30).default([]),
  text: z.string().trim().min(10).max(4000),
  priority: z.number().int().min(-100).max(100).default(0),
  active: z.boolean().default(true),
});

const dto = (a: PredefinedAnswer): z.infer<typeof answerSchema> => ({
  id: a.id, category: a.category as z.infer<typeof routineCategory>, lang: a.lang as z.infer<typeof languageSchema>,
  keywords: a.keywords, text: a.text, priority: a.priority, active: a.active, updatedAt: a.updatedAt.toISOString(),
});

/** The tenant's predefined answers (seed 000), editable by admins and supervisors. */
export const answerRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db.db;
  const readers = requireUser(deps);
  const editors = requireUser(deps, ['admin', 'supervisor']);

  app.get('/', {
    preHandler: readers,
    schema: { tags: ['answers'], summary: "The tenant's routine answers", response: { 200: z.object({ items: z.array(answerSchema) }), ...errorResponses } },
  }, async (request) => ({ items: (await listAnswers(db, currentUser(request).tenantId)).map(dto) }));

  app.post('/', {
    preHandler: editors,
    schema: { tags: ['answers'], summary: 'Add a routine answer', body: answerBody, response: { 201: answerSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(dto(await createAnswer(db, currentUser(request).tenantId, request.body))));

  app.patch('/:id', {
    preHandler: editors,
    schema: { tags: ['answers'], summary: 'Change a routine answer', params: uuidParam, body: answerBody.partial().refine((b) => Object.keys(b).length > 0, 'nothing to change'), response: { 200: answerSchema, ...errorResponses } },
  }, async (request) => dto(await updateAnswer(db, currentUser(request).tenantId, request.params.id, request.body)));

  app.delete('/:id', {
    preHandler: editors,
    schema: { tags: ['answers'], summary: 'Remove a routine answer', params: uuidParam, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await deleteAnswer(db, currentUser(request).tenantId, request.params.id);
    return reply.code(204).send(null);
  });
};
