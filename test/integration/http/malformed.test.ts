import { startTestApp, type TestApp } from '../../support/app';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login();
});
afterAll(() => t.close());

const bodyRoutes: [string, string][] = [
  ['POST', '/api/auth/login'],
  ['POST', '/api/complaints'],
  ['POST', '/api/admin/tenants'],
  ['POST', '/api/admin/users'],
  ['POST', '/api/answers'],
  ['PATCH', '/api/answers/00000000-0000-4000-8000-000000000000'],
  ['POST', '/api/conversations/00000000-0000-4000-8000-000000000000/messages'],
];

const malformedBodies: [string, string, string][] = [
  ['broken JSON', '{"email": "a@b.c", ', 'application/json'],
  ['a JSON array', '[1,2,3]', 'application/json'],
  ['a JSON string', '"hello"', 'application/json'],
  ['a JSON number', '42', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['an empty object', '{}', 'application/json'],
  ['wrong types', '{"email": 5, "password": [], "slug": {}, "name": true, "customer": "x", "description": 7, "tenant": 1, "role": "king"}', 'application/json'],
  ['plain text', 'email=a@b.c', 'text/plain'],
  ['a form', 'email=a%40b.c&password=x', 'application/x-www-form-urlencoded'],
  ['a deeply nested object', '{"a":'.repeat(500) + '1' + '}'.repeat(500), 'application/json'],
  ['control characters', '{"email":"\u0000\u0001","password":"\u0000"}', 'application/json'],
  ['an oversized body', JSON.stringify({ description: 'x'.repeat(1_100_000) }), 'application/json'],
  ['an empty body', '', 'application/json'],
];

describe('malformed input', () => {
  for (const [method, path] of bodyRoutes) {
    it.each(malformedBodies)(`${method} ${path} with %s answers 4xx in the uniform error shape`, async (_name, body, contentType) => {
      const res = await fetch(t.url + path, { method, headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const json = await res.json();
      expect(json).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
    });
  }

  it.each([
    ['/api/complaints/not-a-uuid'],
    ['/api/complaints?status=sleeping'],
    ['/api/complaints?limit=-1'],
    ['/api/complaints?limit=abc'],
    ['/api/complaints?before=yesterday'],
    ['/api/track/%E0%A4%A?pin=1'],
    [`/api/track/${'A'.repeat(200)}?pin=123456`],
    ['/nowhere'],
  ])('GET %s answers 4xx in the uniform error shape', async (path) => {
    const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await res.json()).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  });

  it('after all that, the server still serves and nothing was created', async () => {
    expect((await t.request('GET', '/health')).body).toEqual({ status: 'ok' });
    const list = await t.request('GET', '/api/complaints', { token });
    expect(list.body.items).toEqual([]);
  });
});
