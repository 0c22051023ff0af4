import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AdapterRegistry } from '../../bots/registry';
import type { Channels } from '../channels';
import { currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { errorResponses } from '../schemas';

/** Which channels run for the caller's tenant, and the WhatsApp Web login state with its QR code. */
export const channelRoutes: FastifyPluginAsyncZod<{ deps: AppDeps; registry: AdapterRegistry; channels: Channels }> = async (app, { deps, registry, channels }) => {
  app.get('/', {
    preHandler: requireUser(deps, ['admin', 'supervisor', 'agent']),
    schema: {
      tags: ['channels'], summary: 'Running channels; WhatsApp Web state and QR code while it waits for a login',
      response: {
        200: z.object({
          channels: z.array(z.object({ name: z.string(), shared: z.boolean() })),
          whatsappWeb: z.object({ state: z.string(), qr: z.string().optional(), reason: z.string().optional() }).nullable(),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const tenantId = currentUser(request).tenantId;
    const mine = registry.all().filter((a) => a.tenantId === tenantId || a.tenantId === '*');
    const wa = channels.whatsappWeb && channels.whatsappWeb.tenantId === tenantId ? channels.whatsappWeb.status() : null;
    return {
      channels: mine.map((a) => ({ name: a.name, shared: a.tenantId === '*' })),
      whatsappWeb: wa ? { state: wa.state, ...(wa.qr ? { qr: wa.qr } : {}), ...(wa.reason ? { reason: wa.reason } : {}) } : null,
    };
  });
};
