import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWhatsAppWebAdapter, type ChannelLog, type WhatsAppWebAdapter, type WhatsAppWebOptions } from '../../../bots/channels/whatsapp-web';
import type { InboundMessage } from '../../../bots/types';
import { fakeClientFactory, type FakeWhatsAppWebClient } from '../../support/fake-whatsapp-web';

const tenantId = 'tenant-wa';
const customer = '393331234567@c.us';
const address = { channel: 'whatsapp' as const, tenantId, externalId: customer };
const dataDir = mkdtempSync(join(tmpdir(), 'ombuds-wa-web-'));
const adapters: WhatsAppWebAdapter[] = [];

function collectingLog(): ChannelLog & { lines: { level: string; message: string; context: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; context: Record<string, unknown> }[] = [];
  const at = (level: string) => (context: Record<string, unknown>, message: string) => { lines.push({ level, message, context }); };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** An adapter over fake clients, started, with an inbox that stores what the engine would get. */
async function startAdapter(overrides: Partial<WhatsAppWebOptions> = {}, configure?: (c: FakeWhatsAppWebClient, i: number) => void) {
  const fakes = fakeClientFactory(configure);
  const log = collectingLog();
  const adapter = createWhatsAppWebAdapter({
    tenantId, dataDir, chromiumPath: '/nonexistent/chromium', log, clientFactory: fakes.factory,
    backoff: { initialMs: 10, maxMs: 50 }, delivery: { attempts: 3, retryMs: 5 }, ...overrides,
  });
  adapters.push(adapter);
  const inbox: InboundMessage[] = [];
  await adapter.start(async (m) => { inbox.push(m); });
  await until(() => fakes.clients.length > 0 && fakes.last().initializeCalls > 0);
  return { adapter, fakes, log, inbox, client: fakes.last() };
}

async function readyAdapter(overrides: Partial<WhatsAppWebOptions> = {}) {
  const started = await startAdapter(overrides);
  started.client.emitReady();
  expect(started.adapter.status().state).toBe('ready');
  return started;
}

afterEach(async () => {
  jest.useRealTimers();
  await Promise.all(adapters.splice(0).map((a) => a.stop()));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('WhatsApp Web adapter, connection', () => {
  it('when started, the client gets a LocalAuth session folder under DATA_DIR/whatsapp/<tenant> and the status is starting', async () => {
    const { adapter, client } = await startAdapter();
    expect(client.options).toMatchObject({ clientId: tenantId, dataPath: join(dataDir, 'whatsapp', tenantId), chromiumPath: '/nonexistent/chromium' });
    expect(adapter.status()).toEqual({ state: 'starting' });
  });

  it('when the client emits a QR code, then the status is qr with the raw string and its terminal drawing, listeners hear it, and the log says so without the code', async () => {
    const { adapter, client, log } = await startAdapter();
    const heard: string[] = [];
    adapter.onStatus((s) => heard.push(s.state));
    client.emitQr('2@qr-string');
    expect(adapter.status()).toMatchObject({ state: 'qr', qr: '2@qr-string' });
    expect(heard).toEqual(['qr']);
    // The code is drawn for the terminal and handed to the inbox, but kept out of the JSON log.
    expect(adapter.status().qrAsciiArt).toMatch(/[█▀▄]/);
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'info', message: expect.stringContaining('scanning the QR code') }));
    expect(JSON.stringify(log.lines)).not.toContain('2@qr-string');
  });

  it('when the phone scans the code, then the status becomes ready without a QR', async () => {
    const { adapter, client } = await startAdapter();
    client.emitQr();
    client.emitReady();
    expect(adapter.status()).toEqual({ state: 'ready' });
  });

  it('when a status listener throws, then other listeners still hear the change', async () => {
    const { adapter, client } = await startAdapter();
    const heard: string[] = [];
    adapter.onStatus(() => { throw new Error('listener bug'); });
    adapter.onStatus((s) => heard.push(s.state));
    client.emitQr();
    expect(heard).toEqual(['qr']);
  });

  it('when WhatsApp disconnects, then the status is disconnected, the browser is closed and a new client starts after the backoff', async () => {
    const { adapter, fakes, client } = await readyAdapter();
    client.emit('disconnected', 'NAVIGATION');
    expect(adapter.status()).toMatchObject({ state: 'disconnected', reason: 'NAVIGATION' });
    await until(() => fakes.clients.length === 2 && fakes.last().initializeCalls === 1);
    expect(client.destroyed).toBe(true);
    fakes.last().emitQr('2@again');
    expect(adapter.status()).toMatchObject({ state: 'qr', qr: '2@again' });
  });

  it('when authentication fails, then the status is failed and the client is replaced', async () => {
    const { adapter, fakes, client } = await startAdapter();
    client.emit('auth_failure', 'session corrupt');
    expect(adapter.status()).toMatchObject({ state: 'failed', reason: 'session corrupt' });
    await until(() => fakes.clients.length === 2);
    expect(client.destroyed).toBe(true);
  });

  it('when initialize() rejects (no network), then the status is failed with a log line, nothing is unhandled and stop() leaves no timers', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'Date'] });
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const fakes = fakeClientFactory((c) => { c.failInitializeWith = new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/'); });
      const log = collectingLog();
      const adapter = createWhatsAppWebAdapter({ tenantId, dataDir, chromiumPath: '/x', log, clientFactory: fakes.factory, backoff: { initialMs: 1_000, maxMs: 60_000 } });
      await adapter.start(async () => undefined);
      await until(() => adapter.status().state === 'failed' && jest.getTimerCount() === 1);
      expect(adapter.status().reason).toContain('ERR_NAME_NOT_RESOLVED');
      expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('could not start; retrying in 1 s') }));
      expect(fakes.last().destroyed).toBe(true);

      jest.advanceTimersByTime(1_000);
      await until(() => fakes.clients.length === 2 && jest.getTimerCount() === 1);
      expect(log.lines.at(-1)?.message).toContain('retrying in 2 s');

      await adapter.stop();
      expect(jest.getTimerCount()).toBe(0);
      jest.advanceTimersByTime(3_600_000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(fakes.clients).toHaveLength(2);
      expect(adapter.status().state).toBe('disconnected');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('when initialize() fails once and then works, then the retried client shows its QR code', async () => {
    const { adapter, fakes } = await startAdapter({}, (c, i) => { if (i === 0) c.failInitializeWith = new Error('offline'); });
    await until(() => fakes.clients.length === 2 && fakes.last().initializeCalls === 1);
    fakes.last().emitQr('2@second');
    expect(adapter.status()).toMatchObject({ state: 'qr', qr: '2@second' });
  });
});

describe('WhatsApp Web adapter, incoming messages', () => {
  it('when a customer writes a text, then the engine gets it with a wa: id, the phone in E.164 and the push name', async () => {
    const { client, inbox } = await readyAdapter();
    const sent = client.receive({ from: customer, body: 'The fridge arrived broken', pushname: 'Giulia', id: 'ABC123', timestamp: 1_760_000_000 });
    await until(() => inbox.length === 1);
    expect(inbox[0]).toEqual({
      tenantId, channel: 'whatsapp',
      channelMessageId: `wa:${tenantId}:${sent.id._serialized}`,
      from: { externalId: customer, name: 'Giulia', phone: '+393331234567' },
      address: { channel: 'whatsapp', tenantId, externalId: customer },
      text: 'The fridge arrived broken',
      attachments: [],
      receivedAt: new Date(1_760_000_000_000),
    });
  });

  it('when a customer sends a photo with a caption, then it arrives as an image attachment with its bytes', async () => {
    const { client, inbox } = await readyAdapter();
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    client.receive({ from: customer, body: 'see the dent', media: { mimetype: 'image/jpeg', data: bytes, filename: 'dent.jpg' } });
    await until(() => inbox.length === 1);
    expect(inbox[0]!.text).toBe('see the dent');
    expect(inbox[0]!.attachments).toEqual([{ kind: 'image', contentType: 'image/jpeg', fileName: 'dent.jpg', data: bytes }]);
  });

  it('when a voice note has codec parameters, then the attachment is audio with a plain content type', async () => {
    const { client, inbox } = await readyAdapter();
    client.receive({ from: customer, media: { mimetype: 'audio/ogg; codecs=opus', data: Buffer.from('OggS') } });
    await until(() => inbox.length === 1);
    expect(inbox[0]!.attachments[0]).toMatchObject({ kind: 'audio', contentType: 'audio/ogg' });
  });

  it('when the media cannot be downloaded or is over 10 MB, then the text still arrives without it and a warning is logged', async () => {
    const { client, inbox, log } = await readyAdapter();
    client.receive({ from: customer, body: 'expired', mediaFails: true });
    client.receive({ from: customer, body: 'huge', media: { mimetype: 'video/mp4', data: Buffer.alloc(10 * 1024 * 1024 + 10) } });
    await until(() => inbox.length === 2);
    expect(inbox.map((m) => [m.text, m.attachments.length])).toEqual([['expired', 0], ['huge', 0]]);
    expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      'WhatsApp Web media could not be downloaded', 'WhatsApp Web media over 10 MB skipped',
    ]);
  });

  it.each([
    ['a group', { from: '120363025555555555@g.us' }],
    ['a status broadcast', { from: 'status@broadcast', isStatus: true }],
    ['our own number (fromMe)', { from: customer, fromMe: true }],
    ['a broadcast list', { from: '1700000000@broadcast' }],
    ['a channel', { from: '120363000000000000@newsletter' }],
  ])('when a message comes from %s, then it is ignored', async (_what, input) => {
    const { client, inbox } = await readyAdapter();
    client.receive({ ...input, body: 'ignore me' });
    client.receive({ from: customer, body: 'take me' });
    await until(() => inbox.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(inbox.map((m) => m.text)).toEqual(['take me']);
  });

  it('when a sender is known only by a @lid id, then the phone comes from the contact', async () => {
    const { client, inbox } = await readyAdapter();
    client.receive({ from: '98765432109876@lid', body: 'hi' });
    await until(() => inbox.length === 1);
    expect(inbox[0]!.from).toMatchObject({ externalId: '98765432109876@lid', phone: '+98765432109876' });
  });

  it('when the same message is emitted twice, then both carry the same channelMessageId', async () => {
    const { client, inbox } = await readyAdapter();
    client.receive({ from: customer, body: 'again', id: 'SAME1' });
    client.receive({ from: customer, body: 'again', id: 'SAME1' });
    await until(() => inbox.length === 2);
    expect(inbox[0]!.channelMessageId).toBe(inbox[1]!.channelMessageId);
  });

  it('when storing the message throws twice, then the process survives and the third attempt stores it', async () => {
    const { adapter, client, log } = await readyAdapter();
    const calls: string[] = [];
    await adapter.start(async (m) => {
      calls.push(m.channelMessageId);
      if (calls.length < 3) throw new Error('database busy');
    });
    client.receive({ from: customer, body: 'retry me' });
    await until(() => calls.length === 3);
    expect(new Set(calls).size).toBe(1);
    expect(log.lines.filter((l) => l.message.includes('retrying'))).toHaveLength(2);
  });

  it('when storing the message keeps failing, then it gives up after the last attempt with an error log line', async () => {
    const { adapter, client, log } = await readyAdapter();
    const handler = jest.fn(async () => { throw new Error('database down'); });
    await adapter.start(handler);
    client.receive({ from: customer, body: 'lost' });
    await until(() => log.lines.some((l) => l.level === 'error'));
    expect(handler).toHaveBeenCalledTimes(3);
    expect(log.lines.at(-1)).toMatchObject({ level: 'error', message: 'WhatsApp Web message could not be stored and is dropped' });
  });

  it('when a malformed message object is emitted, then nothing throws into the library and an error is logged', async () => {
    const { client, log, inbox } = await readyAdapter();
    expect(() => client.emit('message', { from: customer })).not.toThrow();
    await until(() => log.lines.some((l) => l.level === 'error'));
    expect(inbox).toHaveLength(0);
  });
});

describe('WhatsApp Web adapter, sending', () => {
  it('when a reply has quick replies, then they become a numbered list in one message and its id is returned', async () => {
    const { adapter, client } = await readyAdapter();
    const result = await adapter.send(address, { text: 'Was it resolved?', quickReplies: ['Yes', 'No'] });
    expect(client.sent).toEqual([expect.objectContaining({ chatId: customer, content: 'Was it resolved?\n\n1. Yes\n2. No' })]);
    expect(result.externalMessageId).toBe(client.sent[0]!.id._serialized);
  });

  it('when a reply is longer than 4096 characters, then it goes out in parts and the last id is returned', async () => {
    const { adapter, client } = await readyAdapter();
    const paragraph = 'The complaint was received. '.repeat(100).trim();
    const result = await adapter.send({ ...address, externalId: '+39 333 1234567' }, { text: [paragraph, paragraph, paragraph].join('\n\n') });
    expect(client.sent.length).toBeGreaterThan(1);
    expect(client.sent.every((s) => s.chatId === customer && s.content.length <= 4096)).toBe(true);
    expect(result.externalMessageId).toBe(client.sent.at(-1)!.id._serialized);
  });

  it('when the client is not ready, then send() rejects with the state and nothing is sent', async () => {
    const { adapter, client } = await startAdapter();
    client.emitQr();
    await expect(adapter.send(address, { text: 'hello' })).rejects.toThrow('not connected (state: qr)');
    expect(client.sent).toHaveLength(0);
  });
});

describe('WhatsApp Web adapter with the real whatsapp-web.js Client', () => {
  const realOptions = (chromiumPath: string, log: ChannelLog, dir: string): WhatsAppWebOptions =>
    ({ tenantId: 'real', dataDir: dir, chromiumPath, log, backoff: { initialMs: 60_000 } });

  it('when the browser is missing, then initialize fails cleanly: status failed, a log line, no unhandled rejection', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    const log = collectingLog();
    const adapter = createWhatsAppWebAdapter(realOptions('/nonexistent/chromium', log, dataDir));
    try {
      await adapter.start(async () => undefined);
      await until(() => adapter.status().state === 'failed', 20_000);
      expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('could not start') }));
      expect(statSync(join(dataDir, 'whatsapp', 'real', 'session-real')).isDirectory()).toBe(true);
    } finally {
      await adapter.stop();
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
  }, 30_000);

  // CHROMIUM_PATH (INTERFACES.md) lets a machine without Debian's package point at another build.
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const withChromium = existsSync(chromium) ? it : it.skip;
  withChromium(`when Chromium starts without network, then initialize fails cleanly and the browser is closed${existsSync(chromium) ? '' : ` (skipped: ${chromium} is not installed)`}`, async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    const log = collectingLog();
    const dir = mkdtempSync(join(dataDir, 'chromium-'));
    const adapter = createWhatsAppWebAdapter(realOptions(chromium, log, dir));
    const browsersOfThisTest = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(dir));
    try {
      await adapter.start(async () => undefined);
      await until(() => adapter.status().state !== 'starting', 25_000);
      expect(adapter.status()).toMatchObject({ state: 'failed', reason: expect.stringMatching(/ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|net::/) });
    } finally {
      await adapter.stop();
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
    await until(() => browsersOfThisTest().length === 0, 5_000);
  }, 30_000);
});
