/** An agent corrects the triage of a complaint; the reason and the before/after go to the audit log. */
import { startTestApp, type TestApp } from '../../support/app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'demo', email: 'viv@demo.local', password: 'viewer-pass-1', role: 'viewer' } });
  await t.request('POST', '/api/admin/tenants', { token: admin, body: { slug: 'other', name: 'Other Co' } });
  await t.request('POST', '/api/admin/users', { token: admin, body: { tenant: 'other', email: 'oscar@other.local', password: 'other-pass-1', role: 'admin' } });
});
afterAll(() => t.close());

async function phoneComplaint(): Promise<string> {
  const res = await t.request('POST', '/api/complaints', {
    token: admin,
    body: { customer: { name: 'Rita Neri', email: 'rita@example.org' }, description: 'The yoghurt smelled odd and my son felt sick after eating it', severity: 'commercial', category: 'other' },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('correcting the classification', () => {
  it('changes severity and category and records who, why, and what it was before', async () => {
    const id = await phoneComplaint();
    const res = await t.request('PATCH', `/api/complaints/${id}/classification`, {
      token: admin, body: { severity: 'critical', category: 'food_contamination', reason: 'A child fell ill: food safety, not a general complaint' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ severity: 'critical', category: 'food_contamination', status: 'received' });
    const history = (await t.request('GET', `/api/complaints/${id}`, { token: admin })).body.history;
    const corrected = history.find((e: any) => e.type === 'classification_corrected');
    expect(corrected).toMatchObject({
      actor: { type: 'agent', id: expect.any(String) }, reason: 'A child fell ill: food safety, not a general complaint',
      data: { from: { severity: 'commercial', category: 'other' }, to: { severity: 'critical', category: 'food_contamination' } },
    });
  });

  it('refuses no change, no reason, an unknown category, a viewer and another tenant', async () => {
    const id = await phoneComplaint();
    const patch = (body: unknown, token = admin) => t.request('PATCH', `/api/complaints/${id}/classification`, { token, body });
    expect((await patch({ category: 'other', reason: 'same' })).status).toBe(400);
    expect((await patch({ category: 'billing' })).status).toBe(400);
    expect((await patch({ reason: 'nothing to change' })).status).toBe(400);
    const unknown = await patch({ category: 'weather', reason: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('validation_failed');
    expect((await patch({ category: 'billing', reason: 'x' }, await t.login('viv@demo.local', 'viewer-pass-1'))).status).toBe(403);
    expect((await patch({ category: 'billing', reason: 'x' }, await t.login('oscar@other.local', 'other-pass-1'))).status).toBe(404);
  });
});
