import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createSupplier, listSuppliers, scorecardCategories, scorecardRemedies, supplierScorecard, type Supplier,
} from '../../db/suppliers';
import { currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { errorResponses, uuidParam } from '../schemas';

const supplierSchema = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), createdAt: z.string() });

const counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>);

const scorecardSchema = z.object({
  supplier: z.object({ id: z.string(), name: z.string() }),
  complaints: z.object({
    total: z.number().int().describe('Complaints whose supplier is this one'),
    bySeverity: counts(['critical', 'commercial', 'unclassified']),
    byCategory: counts([...scorecardCategories, 'unclassified']),
  }),
  resolutions: z.object({
    total: z.number().int().describe("Complaints whose latest proposal attributes them to this supplier"),
    founded: z.number().int().describe('Of those, responsibility supplier, sale or internal'),
    foundedShare: z.number().nullable().describe('founded / total; null without resolutions'),
    byRemedy: counts(scorecardRemedies),
  }),
  averageDaysToResolve: z.number().nullable().describe('Mean days from receipt to closure of closed complaints; null when none'),
  open: z.number().int().describe('Complaints neither closed nor escalated'),
});

const dto = (s: Supplier): z.infer<typeof supplierSchema> => ({ id: s.id, name: s.name, email: s.email, createdAt: s.createdAt.toISOString() });

/** Suppliers of the tenant and their scorecard (seed 000), computed from the record on each read. */
export const supplierRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db.db;
  const readers = requireUser(deps);
  const editors = requireUser(deps, ['admin', 'supervisor']);
  const tags = ['suppliers'];

  app.get('/', {
    preHandler: readers,
    schema: { tags, summary: "The tenant's suppliers, by name", response: { 200: z.object({ items: z.array(supplierSchema) }), ...errorResponses } },
  }, async (request) => ({ items: (await listSuppliers(db, currentUser(request).tenantId)).map(dto) }));

  app.post('/', {
    preHandler: editors,
    schema: {
      tags, summary: 'Add a supplier (a name the tenant already has, in any letter case, is 409)',
      body: z.object({
        name: z.string().trim().min(1).max(200),
        email: z.string().trim().toLowerCase().email().max(254).optional(),
      }),
      response: { 201: supplierSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(dto(await createSupplier(db, currentUser(request).tenantId, request.body))));

  app.get('/:id/scorecard', {
    preHandler: readers,
    schema: { tags, summary: "The supplier's complaints and resolutions, summarised", params: uuidParam, response: { 200: scorecardSchema, ...errorResponses } },
  }, async (request) => supplierScorecard(db, currentUser(request).tenantId, request.params.id));
};
