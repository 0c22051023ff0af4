/** The tenant's team for assignment: who is online, their load, and what they take (capacity, categories). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setAssignmentProfile, teamOf } from '../../db/agents';
import { AppError } from '../../db/domain/errors';
import { currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { categorySchema, errorResponses } from '../schemas';

const memberSchema = z.object({
  id: z.string(), email: z.string(), displayName: z.string(), role: z.string(), capacity: z.number(),
  categories: z.array(z.string()), online: z.boolean(), load: z.number(),
});

export const teamRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db.db;

  app.get('/', {
    preHandler: requireUser(deps, ['admin', 'supervisor', 'agent']),
    schema: { tags: ['team'], summary: "The tenant's people: online, assigned conversations, capacity and categories", response: { 200: z.object({ items: z.array(memberSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await teamOf(db, currentUser(request).tenantId, deps.now()) }));

  app.patch('/:userId', {
    preHandler: requireUser(deps, ['admin', 'supervisor']),
    schema: {
      tags: ['team'], summary: 'How many conversations a person takes at once and which categories (empty = all)',
      params: z.object({ userId: z.string().uuid('must be a UUID') }),
      body: z.object({ capacity: z.number().int().min(0).max(100).optional(), categories: z.array(categorySchema).max(20).optional() }),
      response: { 200: memberSchema, ...errorResponses },
    },
  }, async (request) => {
    const tenantId = currentUser(request).tenantId;
    if (!(await setAssignmentProfile(db, tenantId, request.params.userId, request.body))) throw new AppError('not_found', 'No such person in your tenant.');
    return (await teamOf(db, tenantId, deps.now())).find((m) => m.id === request.params.userId)!;
  });
};
