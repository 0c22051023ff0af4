import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { complaintHistory, findComplaintByCode } from '../../db/complaints';
import { AppError } from '../../db/domain/errors';
import { statusLabel, type ComplaintStatus } from '../../db/domain/complaint-status';
import { normaliseTrackingCode } from '../../db/domain/tracking-code';
import { verifySecret } from '../../db/secrets';
import type { AppDeps } from '../deps';
import { KeyedLimiter } from '../../bots/keyed-limiter';
import { errorResponses, historyItemSchema, statusSchema } from '../schemas';

const notFound = () => new AppError('not_found', 'No complaint matches this code and PIN.');

/**
 * `GET /api/track/:code?pin=` — the customer's view of a complaint. An unknown code, a wrong PIN
 * and a missing PIN all answer the same 404, so the endpoint never reveals that a code exists.
 * Limited per client (the route's rate limit) and per code (whatever the client), which bounds a
 * PIN search to a handful of guesses an hour out of a million.
 */
export const trackRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const perCode = new KeyedLimiter(10, 60 * 60_000);

  app.get('/:code', {
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['tracking'], summary: 'Public status of a complaint, by tracking code and PIN',
      params: z.object({ code: z.string().max(40) }),
      querystring: z.object({ pin: z.string().max(40).optional() }),
      response: {
        200: z.object({ code: z.string(), status: statusSchema, statusLabel: z.string(), updatedAt: z.string(), history: z.array(historyItemSchema) }),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const code = normaliseTrackingCode(request.params.code);
    const pin = request.query.pin?.trim();
    if (!code) throw notFound();
    if (!perCode.hit(code, deps.now().getTime())) throw new AppError('rate_limited', 'Too many attempts for this code; try again later.');
    if (!pin || !/^\d{6}$/.test(pin)) throw notFound();
    const complaint = await findComplaintByCode(deps.db.db, code);
    if (!complaint || !(await verifySecret(complaint.pinHash, pin))) throw notFound();
    const lang = complaint.language;
    const events = await complaintHistory(deps.db.db, complaint.tenantId, complaint.id);
    return {
      code: complaint.code,
      status: complaint.status as ComplaintStatus,
      statusLabel: statusLabel(complaint.status as ComplaintStatus, lang),
      updatedAt: complaint.updatedAt.toISOString(),
      history: events.filter((e) => e.toStatus && (e.type === 'created' || e.type === 'status_changed')).map((e) => ({
        status: e.toStatus as ComplaintStatus,
        statusLabel: statusLabel(e.toStatus as ComplaintStatus, lang),
        at: e.at.toISOString(),
      })),
    };
  });
};
