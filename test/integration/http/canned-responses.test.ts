import { startTestApp, type TestApp } from '../../support/app';

let t: TestApp;
let admin: string;
let agent: string;
let viewer: string;
let rival: string;

async function tokenOf(tenant: string, email: string, role: string): Promise<string> {
  expect((await t.request('POST', '/api/admin/users', { token: admin, body: { tenant, email, password: 'pass-word-1', role } })).status).toBe(201);
  return t.login(email, 'pass-word-1');
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  agent = await tokenOf('demo', 'agent@demo.example', 'agent');
  viewer = await tokenOf('demo', 'viewer@demo.example', 'viewer');
  await t.request('POST', '/api/admin/tenants', { token: admin, body: { slug: 'rival', name: 'Rival' } });
  rival = await tokenOf('rival', 'admin@rival.example', 'admin');
});
afterAll(() => t.close());

type Canned = { id: string; lang: string; shortcut: string; title: string; text: string };
const list = async (query = '', token = admin): Promise<Canned[]> => {
  const res = await t.request('GET', `/api/canned-responses${query}`, { token });
  expect(res.status).toBe(200);
  return res.body.items;
};

describe('canned responses', () => {
  it('the demo tenant has the same shortcuts in all six languages, Persian in Persian script and Russian in Cyrillic', async () => {
    const items = await list('', agent);
    for (const lang of ['en', 'it', 'ro', 'fa', 'ru', 'pt']) {
      const shortcuts = items.filter((c) => c.lang === lang).map((c) => c.shortcut);
      expect(shortcuts).toEqual(expect.arrayContaining(['greeting', 'photos', 'batch', 'delay', 'closing']));
    }
    for (const c of items.filter((i) => i.lang === 'fa')) expect(`${c.title} ${c.text}`).toMatch(/^[\u0600-\u06FF\u200C\s\d.,:;!?()«»؛،-]+$/);
    for (const c of items.filter((i) => i.lang === 'ru')) expect(c.text).toMatch(/[А-Яа-яЁё]{4}/);
    expect(items.find((c) => c.lang === 'en' && c.shortcut === 'batch')!.text).toMatch(/batch/i);
  });

  it('when an agent filters by language and searches, shortcut and title match in any letter case and nothing else does', async () => {
    const italian = await list('?lang=it', agent);
    expect(italian.length).toBeGreaterThanOrEqual(5);
    expect(italian.every((c) => c.lang === 'it')).toBe(true);
    expect((await list('?q=BATCH', agent)).map((c) => c.lang).sort()).toEqual(['en', 'fa', 'it', 'pt', 'ro', 'ru']);
    expect((await list('?lang=it&q=lotto', agent)).map((c) => c.shortcut)).toEqual(['batch']);
    expect((await list('?lang=ru&q=фотографий', agent)).map((c) => c.shortcut)).toEqual(['photos']);
    // The customer's words in the text are not searched, and LIKE wildcards are plain characters.
    expect(await list('?lang=en&q=packaging', agent)).toEqual([]);
    expect(await list(`?q=${encodeURIComponent('%')}`, agent)).toEqual([]);
    expect(await list(`?q=${encodeURIComponent('_')}`, agent)).toEqual([]);
  });

  it('when a supervisor adds, changes and removes a response, the list follows; a shortcut is unique per language', async () => {
    const body = { lang: 'en', shortcut: 'refund-eta', title: 'When the refund arrives', text: 'Refunds reach your account 5–10 working days after the return arrives.' };
    const created = await t.request('POST', '/api/canned-responses', { token: admin, body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), ...body });

    const duplicate = await t.request('POST', '/api/canned-responses', { token: admin, body: { ...body, title: 'Again' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('refund-eta') });
    const italian = await t.request('POST', '/api/canned-responses', { token: admin, body: { ...body, lang: 'it', title: 'Tempi di rimborso', text: 'Il rimborso arriva entro 5–10 giorni lavorativi.' } });
    expect(italian.status).toBe(201);

    const changed = await t.request('PATCH', `/api/canned-responses/${created.body.id}`, { token: admin, body: { title: 'Refund timing' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ shortcut: 'refund-eta', title: 'Refund timing', text: body.text });
    const clash = await t.request('PATCH', `/api/canned-responses/${created.body.id}`, { token: admin, body: { shortcut: 'greeting' } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('conflict');
    expect((await t.request('PATCH', `/api/canned-responses/${italian.body.id}`, { token: admin, body: { lang: 'en' } })).status).toBe(409);
    expect((await list('?lang=en&q=refund-eta')).map((c) => c.title)).toEqual(['Refund timing']);

    expect((await t.request('DELETE', `/api/canned-responses/${created.body.id}`, { token: admin })).status).toBe(204);
    expect(await list('?lang=en&q=refund-eta')).toEqual([]);
    expect((await t.request('DELETE', `/api/canned-responses/${created.body.id}`, { token: admin })).status).toBe(404);
    expect((await t.request('PATCH', `/api/canned-responses/${created.body.id}`, { token: admin, body: { title: 'Gone' } })).status).toBe(404);
  });

  it.each([
    ['a shortcut with capitals and spaces', { lang: 'en', shortcut: 'Bad Shortcut', title: 'T', text: 'Text' }],
    ['a shortcut of 41 characters', { lang: 'en', shortcut: 'a'.repeat(41), title: 'T', text: 'Text' }],
    ['an empty shortcut', { lang: 'en', shortcut: '', title: 'T', text: 'Text' }],
    ['a language the desk does not speak', { lang: 'de', shortcut: 'hallo', title: 'Hallo', text: 'Guten Tag' }],
    ['no text', { lang: 'en', shortcut: 'notext', title: 'No text' }],
    ['a title of blanks', { lang: 'en', shortcut: 'blank', title: '   ', text: 'Text' }],
  ])('when a response has %s, it is refused with 400', async (_what, body) => {
    const res = await t.request('POST', '/api/canned-responses', { token: admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('when a change is empty, the filter is not a language or the id is not a UUID, the answer is 400', async () => {
    const [any] = await list('?lang=en');
    expect((await t.request('PATCH', `/api/canned-responses/${any!.id}`, { token: admin, body: {} })).status).toBe(400);
    expect((await t.request('PATCH', `/api/canned-responses/${any!.id}`, { token: admin, body: { shortcut: 'UPPER' } })).status).toBe(400);
    expect((await t.request('GET', '/api/canned-responses?lang=xx', { token: admin })).status).toBe(400);
    expect((await t.request('GET', `/api/canned-responses?q=${'x'.repeat(101)}`, { token: admin })).status).toBe(400);
    expect((await t.request('DELETE', '/api/canned-responses/nope', { token: admin })).status).toBe(400);
  });

  it('when an agent or a viewer tries to edit, it is forbidden; they can still read', async () => {
    const [any] = await list('?lang=en');
    expect((await t.request('POST', '/api/canned-responses', { token: agent, body: { lang: 'en', shortcut: 'mine', title: 'Mine', text: 'Mine' } })).status).toBe(403);
    expect((await t.request('PATCH', `/api/canned-responses/${any!.id}`, { token: viewer, body: { title: 'Changed' } })).status).toBe(403);
    expect((await t.request('DELETE', `/api/canned-responses/${any!.id}`, { token: agent })).status).toBe(403);
    expect((await list('', viewer)).length).toBeGreaterThan(0);
    expect((await t.request('GET', '/api/canned-responses')).status).toBe(401);
  });

  it('when another tenant asks, the demo responses do not exist for them, and they may use the same shortcuts', async () => {
    const [ours] = await list('?lang=en&q=greeting');
    expect(await list('', rival)).toEqual([]);
    expect((await t.request('PATCH', `/api/canned-responses/${ours!.id}`, { token: rival, body: { title: 'Taken over' } })).status).toBe(404);
    expect((await t.request('DELETE', `/api/canned-responses/${ours!.id}`, { token: rival })).status).toBe(404);
    const theirs = await t.request('POST', '/api/canned-responses', { token: rival, body: { lang: 'en', shortcut: 'greeting', title: 'Hi', text: 'Hi from Rival.' } });
    expect(theirs.status).toBe(201);
    expect((await list('?lang=en&q=greeting')).map((c) => c.id)).toEqual([ours!.id]);
    expect((await list('', rival)).map((c) => c.id)).toEqual([theirs.body.id]);
  });
});
