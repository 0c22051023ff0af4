import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { queryRows } from '../../db/raw';
import type { AppDeps } from '../deps';

/** `GET /metrics` in Prometheus text format: process figures, HTTP traffic and the complaint backlog. */
export const metricsRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ombuds_' });
  const requests = new Counter({
    name: 'ombuds_http_requests_total', help: 'HTTP requests by method, route and status', registers: [registry],
    labelNames: ['method', 'route', 'status'] as const,
  });
  new Gauge({
    name: 'ombuds_complaints', help: 'Complaints by status, all tenants', registers: [registry],
    labelNames: ['status'] as const,
    async collect() {
      this.reset();
      const rows = await queryRows<{ status: string; n: number }>(deps.db.db, sql`select status, count(*)::int as n from complaints group by status`);
      for (const row of rows) this.set({ status: row.status }, Number(row.n));
    },
  });
  new Gauge({
    name: 'ombuds_deadline_breaches', help: 'Open complaints whose current stage deadline has passed', registers: [registry],
    async collect() {
      const rows = await queryRows<{ n: number }>(deps.db.db, sql`select count(*)::int as n from complaints where due_at < now() and status not in ('closed','escalated')`);
      this.set(Number(rows[0]?.n ?? 0));
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    requests.inc({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) });
  });

  app.get('/metrics', { schema: { tags: ['system'], summary: 'Prometheus metrics', hide: false } }, async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
};
