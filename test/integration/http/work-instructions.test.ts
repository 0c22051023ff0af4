import { startTestApp, type TestApp } from '../../support/app';

let t: TestApp;
let admin: string;
let supervisor: string;
let agent: string;
let agentId: string;
let viewer: string;
let rival: string;

async function userOf(tenant: string, email: string, role: string): Promise<{ token: string; id: string }> {
  const created = await t.request('POST', '/api/admin/users', { token: admin, body: { tenant, email, password: 'pass-word-1', role } });
  expect(created.status).toBe(201);
  return { token: await t.login(email, 'pass-word-1'), id: created.body.id };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  supervisor = (await userOf('demo', 'sup@demo.example', 'supervisor')).token;
  ({ token: agent, id: agentId } = await userOf('demo', 'agent@demo.example', 'agent'));
  viewer = (await userOf('demo', 'viewer@demo.example', 'viewer')).token;
  await t.request('POST', '/api/admin/tenants', { token: admin, body: { slug: 'rival', name: 'Rival' } });
  rival = (await userOf('rival', 'admin@rival.example', 'admin')).token;
});
afterAll(() => t.close());

const foodComplaint = {
  customer: { name: 'Giulia Bianchi', phone: '+39 333 123 4567' }, language: 'it', product: 'Yogurt bianco 500 g',
  description: 'Nel vasetto di yogurt ho trovato un pezzo di plastica.', category: 'food_contamination', severity: 'critical',
};

async function newFoodComplaint(): Promise<string> {
  const res = await t.request('POST', '/api/complaints', { token: admin, body: foodComplaint });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function steps(category: string, token = admin, extra = ''): Promise<{ id: string; position: number; text: string; active: boolean }[]> {
  const res = await t.request('GET', `/api/work-instructions?category=${category}${extra}`, { token });
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('work instructions', () => {
  it('the demo tenant has at least 30 steps over every category, ordered by category and position', async () => {
    const res = await t.request('GET', '/api/work-instructions', { token: viewer });
    expect(res.status).toBe(200);
    const items: { category: string; position: number }[] = res.body.items;
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((i) => i.category))).toEqual(new Set([
      'safety_hazard', 'product_defect', 'food_contamination', 'billing', 'delivery', 'refund_return',
      'utility_supply', 'service_staff', 'account_access', 'other',
    ]));
    const sorted = [...items].sort((a, b) => a.category.localeCompare(b.category) || a.position - b.position);
    expect(items).toEqual(sorted);

    const food = await steps('food_contamination', viewer);
    expect(food.map((s) => s.position)).toEqual(food.map((_, i) => i + 1));
    expect(food.some((s) => /batch/i.test(s.text))).toBe(true);
    expect((await steps('utility_supply')).some((s) => /meter reading history/i.test(s.text))).toBe(true);
  });

  it('when a supervisor inserts, moves, retires and removes steps, the positions stay 1..n in the order asked for', async () => {
    const before = await steps('other');
    const inserted = await t.request('POST', '/api/work-instructions', { token: supervisor, body: { category: 'other', text: '  Check earlier contacts of the customer  ', position: 2 } });
    expect(inserted.status).toBe(201);
    expect(inserted.body).toEqual({ id: expect.any(String), category: 'other', position: 2, text: 'Check earlier contacts of the customer', active: true });
    const appended = await t.request('POST', '/api/work-instructions', { token: admin, body: { category: 'other', text: 'Close with a thank-you' } });
    expect(appended.body.position).toBe(before.length + 2);
    expect((await steps('other')).map((s) => s.id)).toEqual([before[0]!.id, inserted.body.id, ...before.slice(1).map((s) => s.id), appended.body.id]);

    const moved = await t.request('PATCH', `/api/work-instructions/${appended.body.id}`, { token: supervisor, body: { position: 1, text: 'Thank the customer first' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ position: 1, text: 'Thank the customer first', active: true });
    const afterMove = await steps('other');
    expect(afterMove.map((s) => s.id)).toEqual([appended.body.id, before[0]!.id, inserted.body.id, ...before.slice(1).map((s) => s.id)]);
    expect(afterMove.map((s) => s.position)).toEqual(afterMove.map((_, i) => i + 1));

    const retired = await t.request('PATCH', `/api/work-instructions/${inserted.body.id}`, { token: supervisor, body: { active: false } });
    expect(retired.body.active).toBe(false);
    expect((await steps('other')).map((s) => s.id)).not.toContain(inserted.body.id);
    expect((await steps('other', admin, '&includeInactive=true')).find((s) => s.id === inserted.body.id)).toMatchObject({ active: false });

    expect((await t.request('DELETE', `/api/work-instructions/${appended.body.id}`, { token: supervisor })).status).toBe(204);
    const afterDelete = await steps('other', admin, '&includeInactive=true');
    expect(afterDelete.map((s) => s.id)).not.toContain(appended.body.id);
    expect(afterDelete.map((s) => s.position)).toEqual(afterDelete.map((_, i) => i + 1));
    const again = await t.request('DELETE', `/api/work-instructions/${appended.body.id}`, { token: supervisor });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
  });

  it.each([
    ['an unknown category', 'POST', '/api/work-instructions', { category: 'weather', text: 'Look at the sky' }],
    ['an empty text', 'POST', '/api/work-instructions', { category: 'other', text: '   ' }],
    ['position 0', 'POST', '/api/work-instructions', { category: 'other', text: 'Some step', position: 0 }],
    ['a fractional position', 'POST', '/api/work-instructions', { category: 'other', text: 'Some step', position: 1.5 }],
    ['nothing to change', 'PATCH', '/api/work-instructions/00000000-0000-4000-8000-000000000000', {}],
    ['active as a string', 'PATCH', '/api/work-instructions/00000000-0000-4000-8000-000000000000', { active: 'no' }],
    ['an id that is not a UUID', 'PATCH', '/api/work-instructions/42', { text: 'Some step' }],
    ['a category filter that is not a category', 'GET', '/api/work-instructions?category=weather', undefined],
  ])('when a request has %s, the answer is 400 with the uniform error body', async (_what, method, path, body) => {
    const res = await t.request(method, path, { token: admin, body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'validation_failed', message: expect.any(String), details: expect.anything() } });
  });

  it('when an agent or a viewer tries to edit the instructions, it is forbidden; without a session it is 401', async () => {
    const [first] = await steps('billing');
    expect((await t.request('POST', '/api/work-instructions', { token: agent, body: { category: 'billing', text: 'A step of my own' } })).status).toBe(403);
    expect((await t.request('PATCH', `/api/work-instructions/${first!.id}`, { token: viewer, body: { text: 'Changed by a viewer' } })).status).toBe(403);
    const denied = await t.request('DELETE', `/api/work-instructions/${first!.id}`, { token: agent });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    expect((await t.request('GET', '/api/work-instructions')).status).toBe(401);
    expect((await steps('billing')).map((s) => s.id)).toContain(first!.id);
  });
});

describe('a complaint checklist', () => {
  it('when agents tick and untick steps, the checklist shows who did what and the history records each change in order', async () => {
    const complaintId = await newFoodComplaint();
    const food = await steps('food_contamination');
    const list = await t.request('GET', `/api/complaints/${complaintId}/checklist`, { token: viewer });
    expect(list.status).toBe(200);
    expect(list.body.category).toBe('food_contamination');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual(food.map((s) => s.id));
    expect(list.body.items.every((i: { done: boolean; doneBy: unknown }) => !i.done && i.doneBy === null)).toBe(true);

    const [batch, , third] = food;
    const ticked = await t.request('POST', `/api/complaints/${complaintId}/checklist/${batch!.id}`, { token: agent, body: { done: true } });
    expect(ticked.status).toBe(200);
    expect(ticked.body).toEqual({ id: batch!.id, text: batch!.text, position: 1, done: true, doneBy: agentId, doneByName: expect.any(String), doneAt: expect.any(String) });
    expect((await t.request('POST', `/api/complaints/${complaintId}/checklist/${third!.id}`, { token: admin, body: { done: true } })).status).toBe(200);
    const unticked = await t.request('POST', `/api/complaints/${complaintId}/checklist/${batch!.id}`, { token: agent, body: { done: false } });
    expect(unticked.body).toMatchObject({ done: false, doneBy: null, doneAt: null });

    const now = await t.request('GET', `/api/complaints/${complaintId}/checklist`, { token: agent });
    expect(now.body.items.filter((i: { done: boolean }) => i.done).map((i: { id: string }) => i.id)).toEqual([third!.id]);

    const complaint = await t.request('GET', `/api/complaints/${complaintId}`, { token: viewer });
    const history = complaint.body.history.filter((e: { type: string }) => e.type.startsWith('checklist_'));
    const adminId = (await t.request('GET', '/api/auth/me', { token: admin })).body.id;
    expect(history).toEqual([
      expect.objectContaining({ type: 'checklist_ticked', actor: { type: 'agent', id: agentId }, from: 'received', to: 'received', data: { instructionId: batch!.id, text: batch!.text } }),
      expect.objectContaining({ type: 'checklist_ticked', actor: { type: 'agent', id: adminId }, data: { instructionId: third!.id, text: third!.text } }),
      expect.objectContaining({ type: 'checklist_unticked', actor: { type: 'agent', id: agentId }, data: { instructionId: batch!.id, text: batch!.text } }),
    ]);
    expect(complaint.body.history.map((e: { id: number }) => e.id)).toEqual([...complaint.body.history.map((e: { id: number }) => e.id)].sort((a, b) => a - b));
  });

  it('when a step is ticked twice, even at the same moment, it is done once and recorded once', async () => {
    const complaintId = await newFoodComplaint();
    const [first] = await steps('food_contamination');
    const path = `/api/complaints/${complaintId}/checklist/${first!.id}`;
    const both = await Promise.all([t.request('POST', path, { token: agent, body: { done: true } }), t.request('POST', path, { token: admin, body: { done: true } })]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect((await t.request('POST', path, { token: agent, body: { done: true } })).body.done).toBe(true);
    expect((await t.request('POST', path, { token: agent, body: { done: false } })).body.done).toBe(false);
    expect((await t.request('POST', path, { token: agent, body: { done: false } })).status).toBe(200);
    const history = (await t.request('GET', `/api/complaints/${complaintId}`, { token: admin })).body.history;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['created', 'checklist_ticked', 'checklist_unticked']);
  });

  it('when a step belongs to another category or is retired, ticking it is refused with 400; an unknown step is 404', async () => {
    const complaintId = await newFoodComplaint();
    const [billingStep] = await steps('billing');
    const wrong = await t.request('POST', `/api/complaints/${complaintId}/checklist/${billingStep!.id}`, { token: agent, body: { done: true } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('billing') });

    const retired = await t.request('POST', '/api/work-instructions', { token: admin, body: { category: 'food_contamination', text: 'A step about to be retired' } });
    await t.request('PATCH', `/api/work-instructions/${retired.body.id}`, { token: admin, body: { active: false } });
    expect((await t.request('POST', `/api/complaints/${complaintId}/checklist/${retired.body.id}`, { token: agent, body: { done: true } })).status).toBe(400);

    const unknown = await t.request('POST', `/api/complaints/${complaintId}/checklist/00000000-0000-4000-8000-000000000000`, { token: agent, body: { done: true } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await t.request('POST', `/api/complaints/${complaintId}/checklist/${billingStep!.id}`, { token: agent, body: { done: 'yes' } })).status).toBe(400);
    expect((await t.request('POST', `/api/complaints/${complaintId}/checklist/${billingStep!.id}`, { token: agent })).status).toBe(400);
    expect((await t.request('GET', '/api/complaints/not-a-uuid/checklist', { token: agent })).status).toBe(400);
    const history = (await t.request('GET', `/api/complaints/${complaintId}`, { token: admin })).body.history;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['created']);
  });

  it('when a viewer tries to tick a step, it is forbidden', async () => {
    const complaintId = await newFoodComplaint();
    const [first] = await steps('food_contamination');
    const res = await t.request('POST', `/api/complaints/${complaintId}/checklist/${first!.id}`, { token: viewer, body: { done: true } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('when another tenant asks, neither the steps nor the checklist exist for them, and steps do not cross tenants', async () => {
    const complaintId = await newFoodComplaint();
    const [ours] = await steps('food_contamination');
    expect((await t.request('GET', '/api/work-instructions', { token: rival })).body.items).toEqual([]);
    expect((await t.request('GET', `/api/complaints/${complaintId}/checklist`, { token: rival })).status).toBe(404);
    expect((await t.request('POST', `/api/complaints/${complaintId}/checklist/${ours!.id}`, { token: rival, body: { done: true } })).status).toBe(404);
    expect((await t.request('PATCH', `/api/work-instructions/${ours!.id}`, { token: rival, body: { text: 'Taken over' } })).status).toBe(404);
    expect((await t.request('DELETE', `/api/work-instructions/${ours!.id}`, { token: rival })).status).toBe(404);

    const theirs = await t.request('POST', '/api/work-instructions', { token: rival, body: { category: 'food_contamination', text: 'Rival step' } });
    expect(theirs.status).toBe(201);
    expect(theirs.body.position).toBe(1);
    const crossed = await t.request('POST', `/api/complaints/${complaintId}/checklist/${theirs.body.id}`, { token: admin, body: { done: true } });
    expect(crossed.status).toBe(404);
    expect((await steps('food_contamination')).map((s) => s.id)).not.toContain(theirs.body.id);
    expect((await steps('food_contamination')).map((s) => s.text)).toContain(ours!.text);
    const history = (await t.request('GET', `/api/complaints/${complaintId}`, { token: admin })).body.history;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['created']);
  });
});
