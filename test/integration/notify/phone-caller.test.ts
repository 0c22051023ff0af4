import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import type { DbHandle } from '../../../db/client';
import { registerComplaint } from '../../../db/complaints';
import { createCustomer, type Customer } from '../../../db/customers';
import { listNotifications } from '../../../db/notifications';
import { notifications } from '../../../db/schema-work';
import { createTenant, type Tenant } from '../../../db/tenants';
import { parseConfig } from '../../../inbox-server/config';
import { loggerOptions } from '../../../inbox-server/logging';
import { createMailer, type Mailer } from '../../../inbox-server/notify/mailer';
import { createOutbox, notifyPhoneCaller, type OutboxOptions } from '../../../inbox-server/notify/outbox';
import { createSmsGateway } from '../../../inbox-server/notify/sms';
import { testDb } from '../../support/db';
import { startSmsSink, type SmsSink } from '../../support/sms-sink';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';

let db: DbHandle;
let tenant: Tenant;
let smsSink: SmsSink;
let smtpSink: SmtpSink;
let mailer: Mailer;
const clock = { now: new Date('2026-11-20T10:00:00Z') };
/** Every line the app's logger wrote in this file, with the app's own pino options (redaction included). */
const logLines: string[] = [];
const log = Fastify({ logger: { ...(loggerOptions('info') as object), stream: { write: (line: string) => { logLines.push(line); } } } }).log;
/** Every PIN issued in this file: none may ever reach the log. */
const pins: string[] = [];

beforeAll(async () => {
  db = await testDb();
  tenant = await createTenant(db.db, { slug: 'callcentre', name: 'Energia Sud', calendar: { timeZone: 'Europe/Rome', holidayCountry: 'IT' } });
  smsSink = await startSmsSink();
  smtpSink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: smtpSink.url, from: 'Energia Sud <reclami@energiasud.test>', log });
});
afterAll(async () => {
  mailer.close();
  await smsSink.close();
  await smtpSink.close();
  await db.close();
});
afterEach(() => {
  const output = logLines.join('');
  for (const pin of pins) expect(output).not.toContain(pin);
});

/** A phone complaint as POST /api/complaints registers it, and its caller queued for the code and PIN. */
async function phoneComplaint(details: { phone?: string; email?: string }, language = 'it') {
  const customer: Customer = await createCustomer(db.db, tenant.tenantId, { name: 'Mario Rossi', ...details, language });
  const { complaint, pin } = await registerComplaint(db.db, {
    tenantId: tenant.tenantId, channel: 'phone', language, description: 'Contatore guasto', customerId: customer.id,
    actor: { type: 'agent' }, now: clock.now,
  });
  pins.push(pin);
  const channel = await db.db.transaction((tx) => notifyPhoneCaller(tx, complaint, tenant, customer, pin, { trackUrl: 'https://desk.test/track' }));
  return { complaint, pin, customer, channel };
}

const outbox = (sms: OutboxOptions['sms'], extra: Partial<OutboxOptions> = {}) =>
  createOutbox({ db: db.db, mailer, sms, log, now: () => clock.now, retryAfterMs: 60_000, ...extra });
const httpGateway = () => createSmsGateway({ url: smsSink.url, token: 'gw-token-1', log });
const rowOf = async (complaintId: string) => (await db.db.select().from(notifications).where(eq(notifications.complaintId, complaintId)))[0]!;

describe('the caller of a phone complaint', () => {
  it('when the caller has a mobile number, the HTTP gateway gets one SMS with the code and PIN in their language, and the database keeps the PIN only until it is sent', async () => {
    const { complaint, pin, channel } = await phoneComplaint({ phone: '333 123 4567' });
    expect(channel).toBe('sms');
    const queued = await rowOf(complaint.id);
    expect(queued).toMatchObject({ status: 'pending', channel: 'sms', recipient: '+393331234567', kind: 'tracking_code', dedupeKey: `tracking_code:${complaint.id}` });
    expect(queued.body).toContain(pin);

    const result = await outbox(httpGateway()).drain();
    expect(result).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    const sms = smsSink.messages.at(-1)!;
    expect(sms.to).toBe('+393331234567');
    expect(sms.headers.authorization).toBe('Bearer gw-token-1');
    expect(sms.headers['content-type']).toBe('application/json');
    expect(sms.text).toBe(`Energia Sud: il suo reclamo è stato registrato.\nCodice reclamo: ${complaint.code}\nPIN: ${pin}\n`
      + 'Li conservi per sapere a che punto è il reclamo su https://desk.test/track. Non comunichi il PIN a nessuno.');

    const sent = await rowOf(complaint.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now, lastError: null });
    expect(sent.body).not.toContain(pin);
    expect(sent.body).toContain('PIN: ******');
    expect(sent.body).toContain(complaint.code);
  });

  it('when the gateway answers 500 (echoing the request), the SMS is retried after the back-off and delivered once; neither the error nor the log keeps the PIN', async () => {
    const { complaint, pin } = await phoneComplaint({ phone: '+39 347 765 4321' });
    const before = smsSink.messages.length;
    smsSink.failNext(1);
    const dispatcher = outbox(httpGateway());
    expect(await dispatcher.drain()).toMatchObject({ sent: 0, retrying: 1 });
    const failed = await rowOf(complaint.id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'The SMS gateway answered HTTP 500.' });

    const requests = smsSink.requests;
    expect(await dispatcher.drain()).toMatchObject({ sent: 0, retrying: 0 });
    expect(smsSink.requests).toBe(requests); // not before the back-off

    clock.now = new Date(clock.now.getTime() + 60_000);
    expect(await dispatcher.drain()).toMatchObject({ sent: 1 });
    expect(smsSink.messages.slice(before).map((m) => m.text.includes(pin))).toEqual([true]);
    const sent = await rowOf(complaint.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sent.body).not.toContain(pin);
    const warning = logLines.map((l) => JSON.parse(l)).find((e) => e.notificationId === sent.id);
    expect(warning).toMatchObject({ level: 40, msg: 'notification not delivered; will retry', error: 'The SMS gateway answered HTTP 500.' });
  });

  it('when the gateway keeps failing, the SMS is given up after the last attempt, with the PIN masked in the stored body', async () => {
    const { complaint, pin } = await phoneComplaint({ phone: '+39 320 000 1111' });
    smsSink.failNext(3);
    const dispatcher = outbox(httpGateway(), { maxAttempts: 3, retryAfterMs: 1000 });
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(await dispatcher.drain());
      clock.now = new Date(clock.now.getTime() + 10_000);
    }
    expect(outcomes.map((o) => [o.retrying, o.failed])).toEqual([[1, 0], [1, 0], [0, 1]]);
    const given = await rowOf(complaint.id);
    expect(given).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    expect(given.body).not.toContain(pin);
    expect(given.body).toContain('PIN: ******');
    expect(await dispatcher.drain()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
  });

  it('when SMS_GATEWAY_URL is unset, the SMS goes to the log with the PIN masked and the row is "logged"', async () => {
    const { complaint, pin } = await phoneComplaint({ phone: '+40 721 234 567' }, 'ro');
    expect(await outbox(createSmsGateway({ log })).drain()).toMatchObject({ logged: 1 });
    const entry = logLines.map((l) => JSON.parse(l)).find((e) => e.sms?.text?.includes(complaint.code));
    expect(entry).toMatchObject({ level: 30, msg: 'SMS logged, not sent (SMS_GATEWAY_URL is not set)', sms: { to: '+40721234567' } });
    expect(entry.sms.text).toContain('reclamația dumneavoastră a fost înregistrată');
    expect(entry.sms.text).toContain('PIN: ******');
    const row = await rowOf(complaint.id);
    expect(row.status).toBe('logged');
    expect(row.body).not.toContain(pin);
  });

  it('when the caller gave only an e-mail address, the code and PIN go by e-mail in their language, and the stored copy is masked', async () => {
    const { complaint, pin, channel } = await phoneComplaint({ email: 'ivan@example.test' }, 'ru');
    expect(channel).toBe('email');
    await outbox(createSmsGateway({ log })).drain();
    const mail = (await smtpSink.waitFor(1)).find((m) => m.to.includes('ivan@example.test'))!;
    expect(mail.subject).toBe(`Energia Sud: ваша жалоба ${complaint.code}`);
    expect(mail.text).toContain(`Номер жалобы: ${complaint.code}\nПИН-код: ${pin}`);
    expect(mail.from).toBe('reclami@energiasud.test');
    const [row] = await listNotifications(db.db, tenant.tenantId, complaint.id);
    expect(row).toMatchObject({ status: 'sent', channel: 'email', subject: mail.subject });
    expect((await rowOf(complaint.id)).body).not.toContain(pin);
  });

  it('when the caller left neither a phone nor an e-mail, nothing is queued; asking twice for the same complaint queues it once', async () => {
    const none = await phoneComplaint({});
    expect(none.channel).toBeNull();
    expect(await listNotifications(db.db, tenant.tenantId, none.complaint.id)).toEqual([]);

    const twice = await phoneComplaint({ phone: '+55 11 91234 5678' }, 'pt');
    await notifyPhoneCaller(db.db, twice.complaint, tenant, twice.customer, twice.pin);
    const rows = await listNotifications(db.db, tenant.tenantId, twice.complaint.id);
    expect(rows).toHaveLength(1);
    // Listing never shows a PIN, even before sending.
    expect(rows[0]!.body).toContain('Senha: ******');
    expect(rows[0]!.body).not.toContain(twice.pin);
  });
});

describe('SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN', () => {
  it('are optional; the URL must be a URL', () => {
    expect(parseConfig({})).toMatchObject({ ok: true, config: { SMS_GATEWAY_URL: undefined, SMS_GATEWAY_TOKEN: undefined } });
    expect(parseConfig({ SMS_GATEWAY_URL: 'https://sms.example/send', SMS_GATEWAY_TOKEN: 't0k' })).toMatchObject({ ok: true, config: { SMS_GATEWAY_URL: 'https://sms.example/send', SMS_GATEWAY_TOKEN: 't0k' } });
    expect(parseConfig({ SMS_GATEWAY_URL: 'not a url' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid configuration: SMS_GATEWAY_URL /) });
  });
});
