import { startTestApp, type TestApp } from '../../support/app';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login();
});
afterAll(() => t.close());

async function phoneComplaint(language = 'it') {
  const res = await t.request('POST', '/api/complaints', {
    token, body: { customer: { name: 'Maria Rossi', phone: '+39 333 1234567' }, language, description: 'La bolletta di ottobre è doppia' },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; code: string; pin: string };
}

describe('public tracking', () => {
  it('when the customer gives code and PIN, they see the status and history in their language', async () => {
    const { code, pin, id } = await phoneComplaint('it');
    await t.db.db; // the complaint moves on: evaluation
    const { transitionComplaint } = await import('../../../db/complaints');
    await transitionComplaint(t.db.db, t.demo.tenantId, id, 'evaluating', { actor: { type: 'agent' }, now: new Date() });
    const res = await t.request('GET', `/api/track/${code}?pin=${pin}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, status: 'evaluating', statusLabel: 'In valutazione' });
    expect(res.body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'evaluating']);
    expect(res.body.history[0].statusLabel).toBe('Ricevuto');
    expect(Date.parse(res.body.updatedAt)).not.toBeNaN();
  });

  it('when the code is typed in lower case without the dash, it is still found', async () => {
    const { code, pin } = await phoneComplaint('en');
    const res = await t.request('GET', `/api/track/${code.replace('-', '').toLowerCase()}?pin=${pin}`);
    expect(res.status).toBe(200);
    expect(res.body.statusLabel).toBe('Received');
  });

  it('when the PIN is wrong or missing, or the code unknown, the answer is the same 404', async () => {
    const { code, pin } = await phoneComplaint();
    const wrongPin = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all([
      t.request('GET', `/api/track/${code}?pin=${wrongPin}`),
      t.request('GET', `/api/track/${code}`),
      t.request('GET', `/api/track/ZZZZ-9999?pin=${pin}`),
      t.request('GET', `/api/track/not-a-code?pin=${pin}`),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.body).toEqual({ error: { code: 'not_found', message: 'No complaint matches this code and PIN.' } });
    }
  });

  it('when someone tries many PINs on one code, the code is rate limited whatever the client', async () => {
    const { code, pin } = await phoneComplaint();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await t.request('GET', `/api/track/${code}?pin=${String(i).padStart(6, '0')}`)).status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 404)).toBe(true);
    expect(statuses).toContain(429);
    // Even the right PIN waits now: the guesser cannot tell which guess would have worked.
    expect((await t.request('GET', `/api/track/${code}?pin=${pin}`)).status).toBe(429);
  });
});
