import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../db/domain/errors';
import { createTenant, findTenantBySlug, tenantSlugSchema } from '../../db/tenants';
import { createUser, emailSchema, passwordSchema, roleSchema } from '../../db/users';
import { requireOperator } from '../auth';
import type { AppDeps } from '../deps';
import { errorResponses } from '../schemas';

/** Installation operator's routes: create client companies (tenants) and their users. */
export const adminRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db.db;
  const operator = requireOperator(deps);

  app.post('/tenants', {
    preHandler: operator,
    schema: {
      tags: ['admin'], summary: 'Create a tenant (a client company)',
      body: z.object({ slug: tenantSlugSchema, name: z.string().trim().min(1).max(200) }),
      response: { 201: z.object({ id: z.string(), slug: z.string(), name: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => {
    const tenant = await createTenant(db, request.body);
    return reply.code(201).send({ id: tenant.tenantId, slug: tenant.slug, name: tenant.name });
  });

  app.post('/users', {
    preHandler: operator,
    schema: {
      tags: ['admin'], summary: 'Create a user in a tenant',
      body: z.object({
        tenant: tenantSlugSchema, email: emailSchema, password: passwordSchema, role: roleSchema,
        displayName: z.string().trim().min(1).max(200).optional(),
      }),
      response: { 201: z.object({ id: z.string(), tenant: z.string(), email: z.string(), role: roleSchema }), ...errorResponses },
    },
  }, async (request, reply) => {
    const tenant = await findTenantBySlug(db, request.body.tenant);
    if (!tenant) throw new AppError('not_found', `No tenant "${request.body.tenant}".`);
    const user = await createUser(db, { ...request.body, tenantId: tenant.tenantId });
    return reply.code(201).send({ id: user.id, tenant: tenant.slug, email: user.email, role: user.role });
  });
};
