import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { complaintHistory, getComplaint, listComplaints, registerComplaint } from '../../db/complaints';
import { createCustomer } from '../../db/customers';
import { getTenant } from '../../db/tenants';
import { notifyPhoneCaller } from '../notify/outbox';
import { currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { categorySchema, commaList, complaintDto, complaintSchema, errorResponses, languageSchema, severitySchema, statusSchema, uuidParam } from '../schemas';

const text = (max: number) => z.string().trim().min(1).max(max);

export const phoneComplaintSchema = z.object({
  customer: z.object({
    name: text(200),
    phone: z.string().trim().regex(/^\+?[0-9 ()./-]{5,30}$/, 'must be a phone number').optional(),
    email: z.string().trim().toLowerCase().email().max(254).optional(),
  }).refine((c) => c.phone || c.email, 'a phone number or an e-mail address is needed to answer the customer'),
  language: languageSchema.default('en'),
  product: text(500).optional(),
  placeOfConsumption: text(500).optional(),
  orderRef: text(100).optional(),
  description: text(20_000),
  severity: severitySchema.optional(),
  category: categorySchema.optional(),
});

export const complaintRoutes: FastifyPluginAsyncZod<{ deps: AppDeps; kickOutbox?: () => void }> = async (app, { deps, kickOutbox }) => {
  const db = deps.db.db;
  const readers = requireUser(deps);
  const writers = requireUser(deps, ['admin', 'supervisor', 'agent']);

  app.post('/', {
    preHandler: writers,
    schema: {
      tags: ['complaints'], summary: 'A call-centre agent registers a complaint taken by phone',
      body: phoneComplaintSchema,
      response: {
        201: complaintSchema.extend({
          pin: z.string().describe('Tell it to the caller now; it is stored only as a hash'),
          codeSentBy: z.enum(['sms', 'email']).nullable().describe('How the caller also gets the code and PIN in writing'),
        }),
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const user = currentUser(request);
    const body = request.body;
    const now = deps.now();
    // Customer, complaint and the caller's SMS (or e-mail) with the code and PIN: all or nothing.
    const { complaint, pin, toldBy } = await db.transaction(async (tx) => {
      const customer = await createCustomer(tx, user.tenantId, { ...body.customer, language: body.language });
      const registered = await registerComplaint(tx, {
        tenantId: user.tenantId,
        channel: 'phone',
        language: body.language,
        description: body.description,
        customerId: customer.id,
        createdByUserId: user.id,
        product: body.product,
        placeOfConsumption: body.placeOfConsumption,
        orderRef: body.orderRef,
        severity: body.severity,
        category: body.category,
        actor: { type: 'agent', id: user.id },
        now,
      });
      const told = await notifyPhoneCaller(tx, registered.complaint, await getTenant(tx, user.tenantId), customer, registered.pin);
      return { ...registered, toldBy: told };
    });
    kickOutbox?.();
    return reply.code(201).send({ ...complaintDto(complaint), pin, codeSentBy: toldBy });
  });

  app.get('/', {
    preHandler: readers,
    schema: {
      tags: ['complaints'], summary: 'Complaints of your tenant, newest first',
      querystring: z.object({
        status: commaList(statusSchema),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: z.string().datetime({ offset: true }).optional(),
      }),
      response: { 200: z.object({ items: z.array(complaintSchema), nextBefore: z.string().nullable() }), ...errorResponses },
    },
  }, async (request) => {
    const q = request.query;
    const rows = await listComplaints(db, currentUser(request).tenantId, {
      statuses: q.status, limit: q.limit, before: q.before ? new Date(q.before) : undefined,
    });
    const last = rows.length === q.limit ? rows[rows.length - 1] : undefined;
    return { items: rows.map((c) => complaintDto(c)), nextBefore: last ? last.receivedAt.toISOString() : null };
  });

  app.get('/:id', {
    preHandler: readers,
    schema: {
      tags: ['complaints'], summary: 'One complaint with classification, deadlines and its audit history',
      params: uuidParam,
      response: { 200: complaintSchema, ...errorResponses },
    },
  }, async (request) => {
    const tenantId = currentUser(request).tenantId;
    const complaint = await getComplaint(db, tenantId, request.params.id);
    return complaintDto(complaint, await complaintHistory(db, tenantId, complaint.id));
  });
};
