/**
 * The second level on a complaint (seeds 000, 002, 003): the agent's analysis and proposal, which
 * the bot puts to the customer in their language; the customer's decision taken by phone; and a
 * supervisor's reopening or settling of an escalated complaint. Each status change reaches the
 * customer on their own channel.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { correctClassification, getComplaint, transitionComplaint, type Complaint } from '../../db/complaints';
import { statusLabel, type ComplaintStatus } from '../../db/domain/complaint-status';
import { complaintResolutions, decideProposal, proposeResolution, remedies, responsibilities, type Resolution } from '../../db/resolutions';
import { findOrCreateSupplier } from '../../db/suppliers';
import type { IntakeEvent } from '../../bots/events';
import type { IntakeService } from '../../bots/intake-service';
import { currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { categorySchema, complaintDto, complaintSchema, errorResponses, severitySchema, uuidParam } from '../schemas';

const text = (max: number) => z.string().trim().min(1).max(max);

export const resolutionBodySchema = z.object({
  internal: z.object({
    rootCause: text(5000),
    correctiveAction: text(5000),
    responsibility: z.enum(responsibilities).optional(),
    supplierId: z.string().uuid().optional(),
    /** A supplier by name: found in the tenant, or added. */
    supplier: z.string().trim().min(1).max(200).optional(),
  }).refine((i) => !(i.supplierId && i.supplier), 'give supplierId or supplier, not both'),
  external: z.object({ remedy: z.enum(remedies), text: text(4000) }),
});

const resolutionSchema = z.object({
  id: z.string(), round: z.number(), rootCause: z.string().nullable(), correctiveAction: z.string().nullable(),
  responsibility: z.string().nullable(), supplierId: z.string().nullable(), remedy: z.string(), text: z.string(),
  decision: z.enum(['pending', 'approved', 'rejected']), decisionReason: z.string().nullable(),
  proposedAt: z.string(), decidedAt: z.string().nullable(),
});

const resolutionDto = (r: Resolution): z.infer<typeof resolutionSchema> => ({
  id: r.id, round: r.round, rootCause: r.rootCause, correctiveAction: r.correctiveAction, responsibility: r.responsibility,
  supplierId: r.supplierId, remedy: r.remedy, text: r.text, decision: r.decision, decisionReason: r.decisionReason,
  proposedAt: r.proposedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null,
});

export const resolutionRoutes: FastifyPluginAsyncZod<{ deps: AppDeps; intake: IntakeService; publish: (e: IntakeEvent) => void }> = async (app, { deps, intake, publish }) => {
  const db = deps.db.db;
  const agents = requireUser(deps, ['admin', 'supervisor', 'agent']);
  const supervisors = requireUser(deps, ['admin', 'supervisor']);

  /** Tells the customer, on their chat, that the complaint's status changed. */
  async function tellCustomer(c: Complaint): Promise<void> {
    if (!c.conversationId) return;
    await intake.notify(c.tenantId, c.conversationId, { type: 'notice', notice: { kind: 'status', code: c.code, status: statusLabel(c.status as ComplaintStatus, c.language) } });
  }

  app.post('/:id/resolution', {
    preHandler: agents,
    schema: {
      tags: ['complaints'], summary: 'Record the analysis and propose a solution; the bot asks the customer to accept or reject it in chat',
      params: uuidParam, body: resolutionBodySchema,
      response: { 201: z.object({ resolution: resolutionSchema, complaint: complaintSchema, sentToCustomer: z.boolean() }), ...errorResponses },
    },
  }, async (request, reply) => {
    const user = currentUser(request);
    const { internal, external } = request.body;
    await getComplaint(db, user.tenantId, request.params.id); // 404 before a supplier is added
    const supplierId = internal.supplier ? (await findOrCreateSupplier(db, user.tenantId, internal.supplier)).id : internal.supplierId;
    const { complaint, resolution } = await proposeResolution(db, user.tenantId, request.params.id, {
      rootCause: internal.rootCause, correctiveAction: internal.correctiveAction, responsibility: internal.responsibility ?? null,
      supplierId, remedy: external.remedy, text: external.text,
    }, { actor: { type: 'agent', id: user.id }, now: deps.now() });
    publish({ type: 'complaint_changed', tenantId: user.tenantId, complaintId: complaint.id, status: complaint.status });
    // Phone complaints have no chat: the agent reads the proposal out and records the answer (/decision).
    const sent = complaint.conversationId
      ? (await intake.notify(user.tenantId, complaint.conversationId, { type: 'proposal', code: complaint.code, remedy: external.remedy, text: external.text })).length > 0
      : false;
    return reply.code(201).send({ resolution: resolutionDto(resolution), complaint: complaintDto(complaint), sentToCustomer: sent });
  });

  app.post('/:id/decision', {
    preHandler: agents,
    schema: {
      tags: ['complaints'], summary: "Record the customer's answer to the proposal when it was given outside the chat (by phone)",
      params: uuidParam, body: z.object({ approved: z.boolean(), reason: z.string().trim().max(5000).optional() }),
      response: { 200: z.object({ resolution: resolutionSchema, complaint: complaintSchema }), ...errorResponses },
    },
  }, async (request) => {
    const user = currentUser(request);
    const { complaint, resolution } = await decideProposal(db, user.tenantId, request.params.id, {
      accepted: request.body.approved, reason: request.body.reason ?? null, actor: { type: 'agent', id: user.id }, now: deps.now(),
    });
    publish({ type: 'complaint_changed', tenantId: user.tenantId, complaintId: complaint.id, status: complaint.status });
    await tellCustomer(complaint);
    return { resolution: resolutionDto(resolution), complaint: complaintDto(complaint) };
  });

  app.post('/:id/status', {
    preHandler: supervisors,
    schema: {
      tags: ['complaints'], summary: 'Reopen an escalated or closed complaint, or close one settled outside (supervisors)',
      params: uuidParam, body: z.object({ status: z.enum(['evaluating', 'closed']), reason: text(2000) }),
      response: { 200: complaintSchema, ...errorResponses },
    },
  }, async (request) => {
    const user = currentUser(request);
    const { complaint } = await transitionComplaint(db, user.tenantId, request.params.id, request.body.status, {
      actor: { type: 'agent', id: user.id }, now: deps.now(), reason: request.body.reason,
    });
    publish({ type: 'complaint_changed', tenantId: user.tenantId, complaintId: complaint.id, status: complaint.status });
    await tellCustomer(complaint);
    return complaintDto(complaint);
  });

  app.patch('/:id/classification', {
    preHandler: agents,
    schema: {
      tags: ['complaints'], summary: 'Correct the triage (severity, category) with a reason; both go to the audit log',
      params: uuidParam,
      body: z.object({ severity: severitySchema.optional(), category: categorySchema.optional(), reason: text(2000) })
        .refine((b) => b.severity || b.category, 'give a severity, a category or both'),
      response: { 200: complaintSchema, ...errorResponses },
    },
  }, async (request) => {
    const user = currentUser(request);
    const { complaint } = await correctClassification(db, user.tenantId, request.params.id, { ...request.body, actor: { type: 'agent', id: user.id }, now: deps.now() });
    publish({ type: 'complaint_changed', tenantId: user.tenantId, complaintId: complaint.id, status: complaint.status });
    return complaintDto(complaint);
  });

  app.get('/:id/resolutions', {
    preHandler: requireUser(deps),
    schema: { tags: ['complaints'], summary: 'Every proposal made on the complaint, with the decisions', params: uuidParam, response: { 200: z.object({ items: z.array(resolutionSchema) }), ...errorResponses } },
  }, async (request) => {
    const user = currentUser(request);
    const complaint = await getComplaint(db, user.tenantId, request.params.id);
    return { items: (await complaintResolutions(db, user.tenantId, complaint.id)).map(resolutionDto) };
  });
};
