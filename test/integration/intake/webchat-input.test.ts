import { eq } from 'drizzle-orm';
import { attachments, messages } from '../../../db/schema';
import { startTestApp, type TestApp } from '../../support/app';
import { WebchatVisitor } from '../../support/webchat-client';

// A real 1×1 PNG: uploads are recognised by their bytes, not their name.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let t: TestApp;
let v: WebchatVisitor;
beforeAll(async () => {
  t = await startTestApp();
  v = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
  await v.say('Hello');
});
afterAll(async () => { v.close(); await t.close(); });

function upload(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const form = new FormData();
  for (const [k, val] of Object.entries(fields)) form.append(k, val);
  if (file) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return fetch(`${t.url}/webchat/upload`, { method: 'POST', body: form });
}

describe('web-chat uploads', () => {
  it('when a visitor uploads a photo and sends it, the message carries the stored attachment', async () => {
    const res = await upload({ sessionId: v.sessionId }, { name: 'kettle.png', type: 'image/png', data: png });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const ack = await v.send('', { attachmentIds: [id] });
    expect(ack.id).toBeDefined();
    const [row] = await t.db.db.select().from(messages).where(eq(messages.id, Number(ack.id)));
    expect(row!.attachments).toEqual([id]);
    const [file] = await t.db.db.select().from(attachments).where(eq(attachments.id, id));
    expect(file).toMatchObject({ contentType: 'image/png', size: png.length });
  });

  it.each([
    ['HTML dressed as an image', { sessionId: 'S' }, { name: 'x.png', type: 'image/png', data: Buffer.from('<html><script>alert(1)</script></html>') }, 415],
    ['an SVG with a script', { sessionId: 'S' }, { name: 'x.svg', type: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }, 415],
    ['a file over 10 MB', { sessionId: 'S' }, { name: 'big.png', type: 'image/png', data: Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 10)]) }, 413],
    ['no file', { sessionId: 'S' }, undefined, 400],
    ['no session', {}, { name: 'x.png', type: 'image/png', data: png }, 400],
    ['an unknown session', { sessionId: '00000000-0000-4000-8000-000000000000' }, { name: 'x.png', type: 'image/png', data: png }, 404],
    ['a session id that is not one', { sessionId: "'; drop table attachments; --" }, { name: 'x.png', type: 'image/png', data: png }, 404],
    ['an empty file', { sessionId: 'S' }, { name: 'x.png', type: 'image/png', data: Buffer.alloc(0) }, 400],
  ])('when the upload is %s, it is refused with a 4xx status and nothing is stored', async (_name, fields, file, status) => {
    const before = (await t.db.db.select().from(attachments)).length;
    const resolved = Object.fromEntries(Object.entries(fields).map(([k, val]) => [k, val === 'S' ? v.sessionId : val]));
    const res = await upload(resolved, file as never);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toEqual(expect.any(String));
    expect((await t.db.db.select().from(attachments)).length).toBe(before);
  });

  it('when the upload is not multipart at all, it is refused with 4xx', async () => {
    const res = await fetch(`${t.url}/webchat/upload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sessionId":"x"}' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('malformed web-chat messages', () => {
  const bad: unknown[] = [
    null, 42, 'text', [], {}, { text: 'hi' }, { clientMessageId: 'a' }, { text: 5, clientMessageId: 'b' },
    { text: 'hi', clientMessageId: 7 }, { text: 'hi', clientMessageId: '' }, { text: 'hi', clientMessageId: 'x'.repeat(101) },
    { text: 'x'.repeat(20_001), clientMessageId: 'c' }, { text: '', clientMessageId: 'd' }, { text: '   ', clientMessageId: 'e' },
    { text: 'hi', clientMessageId: 'f', attachmentIds: 'nope' }, { text: 'hi', clientMessageId: 'g', attachmentIds: ['x'] },
    { text: 'hi', clientMessageId: 'h', attachmentIds: Array(11).fill('00000000-0000-4000-8000-000000000000') },
    { text: ['a'], clientMessageId: 'i' }, { text: { toString: 'x' }, clientMessageId: 'j' }, { text: null, clientMessageId: 'k' },
  ];

  it(`when ${bad.length} malformed messages arrive, each is refused in the acknowledgement, nothing is stored and the chat still works`, async () => {
    // A fresh visitor: the per-socket limit (20 messages in 10 s) must not be what answers here.
    const v = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
    const before = (await t.db.db.select().from(messages)).length;
    for (const payload of bad) {
      const ack = await v.raw().timeout(5000).emitWithAck('message', payload);
      expect(ack.error).toEqual({ code: 'validation_failed', message: expect.any(String) });
    }
    expect((await t.db.db.select().from(messages)).length).toBe(before);
    await new Promise((r) => setTimeout(r, 10_100));
    const ok = await v.send('still here');
    expect(ok.id).toBeDefined();
    v.close();
  });

  it('when one visitor floods the chat, the flood is refused with rate_limited', async () => {
    const v = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
    const acks = [];
    for (let i = 0; i < 22; i++) acks.push(await v.raw().timeout(5000).emitWithAck('message', { text: '', clientMessageId: `f${i}` }));
    expect(acks.at(-1).error.code).toBe('rate_limited');
    v.close();
  });

  it('when an attachment id belongs to another session, it is not attached', async () => {
    const v = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
    await v.say('Hello');
    const other = await new WebchatVisitor(t.url, { tenant: 'demo' }).connect();
    await other.say('Hello');
    const res = await upload({ sessionId: other.sessionId }, { name: 'y.png', type: 'image/png', data: png });
    const { id } = await res.json();
    const ack = await v.send('look at this', { attachmentIds: [id] });
    const [row] = await t.db.db.select().from(messages).where(eq(messages.id, Number(ack.id)));
    expect(row!.attachments).toEqual([]);
    other.close();
    v.close();
  });
});
