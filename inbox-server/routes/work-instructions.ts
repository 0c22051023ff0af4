import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  complaintChecklist, createInstruction, deleteInstruction, listInstructions, setChecklistTick, updateInstruction,
  type ChecklistItem, type WorkInstruction,
} from '../../db/work-instructions';
import { currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { categorySchema, errorResponses, uuidParam } from '../schemas';

type Category = z.infer<typeof categorySchema>;

const instructionSchema = z.object({
  id: z.string(), category: categorySchema, position: z.number().int(), text: z.string(), active: z.boolean(),
});

const stepText = z.string().trim().min(3).max(1000);
const position = z.number().int().min(1).max(1000)
  .describe('1-based place in the category; later steps move down. Default: last.');

const instructionBody = z.object({ category: categorySchema, text: stepText, position: position.optional() });
const instructionPatch = z.object({ text: stepText.optional(), position: position.optional(), active: z.boolean().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change');

const listQuery = z.object({
  category: categorySchema.optional(),
  includeInactive: z.enum(['true', 'false']).optional().transform((v) => v === 'true')
    .describe('Also list steps taken out of the checklists (for editors).'),
});

const checklistItemSchema = z.object({
  id: z.string(), text: z.string(), position: z.number().int(), done: z.boolean(),
  doneBy: z.string().nullable().describe('Id of the user who ticked the step'),
  doneByName: z.string().nullable(),
  doneAt: z.string().nullable().describe('ISO 8601 date-time'),
});

const instructionDto = (w: WorkInstruction): z.infer<typeof instructionSchema> => ({
  id: w.id, category: w.category as Category, position: w.position, text: w.text, active: w.active,
});

const itemDto = (i: ChecklistItem): z.infer<typeof checklistItemSchema> => ({
  id: i.id, text: i.text, position: i.position, done: i.done, doneBy: i.doneBy, doneByName: i.doneByName, doneAt: i.doneAt ? i.doneAt.toISOString() : null,
});

/** The tenant's work instructions (seed 001): read by everyone, edited by admins and supervisors. */
export const workInstructionRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db.db;
  const readers = requireUser(deps);
  const editors = requireUser(deps, ['admin', 'supervisor']);
  const tags = ['work instructions'];

  app.get('/', {
    preHandler: readers,
    schema: {
      tags, summary: "The tenant's work instructions, by category and position", querystring: listQuery,
      response: { 200: z.object({ items: z.array(instructionSchema) }), ...errorResponses },
    },
  }, async (request) => ({
    items: (await listInstructions(db, currentUser(request).tenantId, request.query)).map(instructionDto),
  }));

  app.post('/', {
    preHandler: editors,
    schema: { tags, summary: 'Add a step to a category’s checklist', body: instructionBody, response: { 201: instructionSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(instructionDto(await createInstruction(db, currentUser(request).tenantId, request.body))));

  app.patch('/:id', {
    preHandler: editors,
    schema: {
      tags, summary: 'Reword, move, or take a step out of (active: false) its checklist',
      params: uuidParam, body: instructionPatch, response: { 200: instructionSchema, ...errorResponses },
    },
  }, async (request) => instructionDto(await updateInstruction(db, currentUser(request).tenantId, request.params.id, request.body)));

  app.delete('/:id', {
    preHandler: editors,
    schema: {
      tags, summary: 'Remove a step and its ticks (the complaints’ history keeps them)',
      params: uuidParam, response: { 204: z.null(), ...errorResponses },
    },
  }, async (request, reply) => {
    await deleteInstruction(db, currentUser(request).tenantId, request.params.id);
    return reply.code(204).send(null);
  });
};

/** A complaint's checklist: the active steps of its category and who ticked them (under /api/complaints). */
export const checklistRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db.db;
  const readers = requireUser(deps);
  const workers = requireUser(deps, ['admin', 'supervisor', 'agent']);
  const tags = ['work instructions'];

  app.get('/:id/checklist', {
    preHandler: readers,
    schema: {
      tags, summary: "The checklist of the complaint's category, with the steps done", params: uuidParam,
      response: {
        200: z.object({ complaintId: z.string(), category: categorySchema.nullable(), items: z.array(checklistItemSchema) }),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const list = await complaintChecklist(db, currentUser(request).tenantId, request.params.id);
    return { complaintId: list.complaintId, category: list.category as Category | null, items: list.items.map(itemDto) };
  });

  app.post('/:id/checklist/:instructionId', {
    preHandler: workers,
    schema: {
      tags, summary: 'Tick (done: true) or untick a step; recorded in the complaint’s history',
      params: z.object({ id: z.string().uuid('must be a UUID'), instructionId: z.string().uuid('must be a UUID') }),
      body: z.object({ done: z.boolean() }),
      response: { 200: checklistItemSchema, ...errorResponses },
    },
  }, async (request) => {
    const user = currentUser(request);
    const { item } = await setChecklistTick(db, user.tenantId, request.params.id, request.params.instructionId, {
      done: request.body.done, userId: user.id, now: deps.now(),
    });
    return itemDto(item);
  });
};
