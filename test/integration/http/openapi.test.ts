import { startTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

describe('API documentation', () => {
  it('GET /docs/json is an OpenAPI document that covers every route the server has', async () => {
    const res = await t.request('GET', '/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const routes = t.app.printRoutes({ commonPrefix: false });
    const expected = ['POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/me', 'GET /api/track/{code}', 'POST /api/complaints/',
      'GET /api/complaints/', 'GET /api/complaints/{id}', 'POST /api/admin/tenants', 'POST /api/admin/users', 'GET /health', 'GET /metrics'];
    for (const route of expected) expect(documented).toContain(route);
    expect(routes).toContain('/api/track/');
    // And every route the server really has, apart from the documentation's own pages.
    // fastify serves a prefix root with and without the trailing slash; the document lists one.
    const toOpenApi = (url: string) => url.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
    const documentedNormalised = new Set([...documented].map((r) => r.replace(/(.)\/$/, '$1')));
    const undocumented = t.app.routeList
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/docs'))
      .map((r) => `${r.method} ${toOpenApi(r.url)}`)
      .filter((route) => !documentedNormalised.has(route));
    expect(undocumented).toEqual([]);
    // Request bodies carry their schemas, so clients see the fields and constraints.
    expect(res.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
  });

  it('GET /docs serves the interactive page', async () => {
    const res = await fetch(`${t.url}/docs/`, { redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });

  it('GET /metrics answers Prometheus text with the complaint backlog', async () => {
    const res = await fetch(`${t.url}/metrics`);
    const body = await res.text();
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(body).toContain('ombuds_http_requests_total');
    expect(body).toContain('ombuds_deadline_breaches');
  });
});
