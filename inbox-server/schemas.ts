/** Request and response schemas shared by routes (and the OpenAPI document generated from them). */
import { z } from 'zod';
import { complaintStatuses, statusLabel, type ComplaintStatus } from '../db/domain/complaint-status';
import type { Complaint, ComplaintEvent } from '../db/complaints';

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
}).describe('Every 4xx and 5xx answer has this shape.');

export const errorResponses = {
  400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema,
  409: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema, 429: errorBodySchema,
};

export const languageSchema = z.enum(['en', 'it', 'ro', 'fa', 'ru', 'pt']);
export const severitySchema = z.enum(['critical', 'commercial']);
export const categorySchema = z.enum([
  'safety_hazard', 'product_defect', 'food_contamination', 'billing', 'delivery', 'service_staff',
  'refund_return', 'account_access', 'utility_supply', 'other',
]);
export const statusSchema = z.enum(complaintStatuses);
export const uuidParam = z.object({ id: z.string().uuid('must be a UUID') });

/** A query parameter listing values separated by commas (`?status=received,evaluating`). */
export function commaList<T extends z.ZodType<unknown, string>>(item: T) {
  return z.string().optional().transform((s) => (s ? s.split(',') : undefined)).pipe(z.array(item).optional());
}

const iso = z.string().describe('ISO 8601 date-time');
const isoOrNull = iso.nullable();

export const historyItemSchema = z.object({
  status: statusSchema,
  statusLabel: z.string(),
  at: iso,
});

export const eventSchema = z.object({
  id: z.number(),
  type: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: iso,
});

export const complaintSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: statusSchema,
  statusLabel: z.string(),
  severity: severitySchema.nullable(),
  category: categorySchema.nullable(),
  confidence: z.number().nullable(),
  language: z.string(),
  channel: z.string(),
  customerId: z.string().nullable(),
  conversationId: z.string().nullable(),
  product: z.string().nullable(),
  placeOfConsumption: z.string().nullable(),
  orderRef: z.string().nullable(),
  description: z.string(),
  round: z.number(),
  receivedAt: iso,
  deadlines: z.object({
    stage: z.string().nullable(),
    dueAt: isoOrNull,
    firstAnswerDueAt: isoOrNull,
    firstAnsweredAt: isoOrNull,
    warnAt: isoOrNull,
    warnedAt: isoOrNull,
    breachedAt: isoOrNull,
  }),
  supplierId: z.string().nullable(),
  assignedAgentId: z.string().nullable(),
  closedAt: isoOrNull,
  updatedAt: iso,
  history: z.array(eventSchema).optional(),
});
export type ComplaintDto = z.infer<typeof complaintSchema>;

const isoOf = (d: Date | null) => (d ? d.toISOString() : null);

export function complaintDto(c: Complaint, history?: ComplaintEvent[]): ComplaintDto {
  return {
    id: c.id,
    code: c.code,
    status: c.status as ComplaintStatus,
    statusLabel: statusLabel(c.status as ComplaintStatus, 'en'),
    severity: c.severity as ComplaintDto['severity'],
    category: c.category as ComplaintDto['category'],
    confidence: c.confidence,
    language: c.language,
    channel: c.channel,
    customerId: c.customerId,
    conversationId: c.conversationId,
    product: c.product,
    placeOfConsumption: c.placeOfConsumption,
    orderRef: c.orderRef,
    description: c.description,
    round: c.round,
    receivedAt: c.receivedAt.toISOString(),
    deadlines: {
      stage: c.dueStage,
      dueAt: isoOf(c.dueAt),
      firstAnswerDueAt: isoOf(c.firstAnswerDueAt),
      firstAnsweredAt: isoOf(c.firstAnsweredAt),
      warnAt: isoOf(c.warnAt),
      warnedAt: isoOf(c.warnedAt),
      breachedAt: isoOf(c.breachedAt),
    },
    supplierId: c.supplierId,
    assignedAgentId: c.assignedAgentId,
    closedAt: isoOf(c.closedAt),
    updatedAt: c.updatedAt.toISOString(),
    ...(history ? { history: history.map(eventDto) } : {}),
  };
}

export function eventDto(e: ComplaintEvent): z.infer<typeof eventSchema> {
  return {
    id: e.id, type: e.type, actor: { type: e.actorType, id: e.actorId }, from: e.fromStatus, to: e.toStatus,
    reason: e.reason, data: e.data, at: e.at.toISOString(),
  };
}
