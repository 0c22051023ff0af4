import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createCannedResponse, deleteCannedResponse, listCannedResponses, updateCannedResponse, type CannedResponse,
} from '../../db/canned-responses';
import { currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { errorResponses, languageSchema, uuidParam } from '../schemas';

const cannedSchema = z.object({ id: z.string(), lang: languageSchema, shortcut: z.string(), title: z.string(), text: z.string() });

const cannedBody = z.object({
  lang: languageSchema,
  shortcut: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'a shortcut is 1–40 lower-case letters, digits, "_" or "-"')
    .describe('What the agent types after "/"; unique per language'),
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(4000),
});

const dto = (c: CannedResponse): z.infer<typeof cannedSchema> => ({
  id: c.id, lang: c.lang as z.infer<typeof languageSchema>, shortcut: c.shortcut, title: c.title, text: c.text,
});

/** Canned responses agents insert in replies, per tenant and language; edited by admins and supervisors. */
export const cannedResponseRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db.db;
  const readers = requireUser(deps);
  const editors = requireUser(deps, ['admin', 'supervisor']);
  const tags = ['canned responses'];

  app.get('/', {
    preHandler: readers,
    schema: {
      tags, summary: "The tenant's canned responses, by language and shortcut",
      querystring: z.object({
        lang: languageSchema.optional(),
        q: z.string().trim().max(100).optional().describe('Part of the shortcut or the title, any letter case'),
      }),
      response: { 200: z.object({ items: z.array(cannedSchema) }), ...errorResponses },
    },
  }, async (request) => ({
    items: (await listCannedResponses(db, currentUser(request).tenantId, request.query)).map(dto),
  }));

  app.post('/', {
    preHandler: editors,
    schema: { tags, summary: 'Add a canned response', body: cannedBody, response: { 201: cannedSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(dto(await createCannedResponse(db, currentUser(request).tenantId, request.body))));

  app.patch('/:id', {
    preHandler: editors,
    schema: {
      tags, summary: 'Change a canned response', params: uuidParam,
      body: cannedBody.partial().refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change'),
      response: { 200: cannedSchema, ...errorResponses },
    },
  }, async (request) => dto(await updateCannedResponse(db, currentUser(request).tenantId, request.params.id, request.body, deps.now())));

  app.delete('/:id', {
    preHandler: editors,
    schema: { tags, summary: 'Remove a canned response', params: uuidParam, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await deleteCannedResponse(db, currentUser(request).tenantId, request.params.id);
    return reply.code(204).send(null);
  });
};
