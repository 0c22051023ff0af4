import type { DbHandle } from '../../../db/client';
import { registerComplaint, transitionComplaint, type Complaint } from '../../../db/complaints';
import { rejectAnswer } from '../../../db/domain/lifecycle';
import { listNotifications } from '../../../db/notifications';
import { createTenant, type Tenant } from '../../../db/tenants';
import { createMailer, type Mailer } from '../../../inbox-server/notify/mailer';
import { callerMail, callerSms, callerLanguages } from '../../../inbox-server/notify/messages';
import { createOutbox, notifyEscalation, notifyRoutineAnswer } from '../../../inbox-server/notify/outbox';
import { createSmsGateway } from '../../../inbox-server/notify/sms';
import { testDb } from '../../support/db';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';

let db: DbHandle;
let sink: SmtpSink;
let mailer: Mailer;
let tenant: Tenant;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const t0 = new Date('2026-11-18T09:00:00Z'); // a Wednesday, 10:00 in Rome
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const agent = { type: 'agent' as const };

beforeAll(async () => {
  db = await testDb();
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url, from: 'Ombuds <desk@ombuds.test>', log: silent });
  tenant = await createTenant(db.db, {
    slug: 'grocer', name: 'Supermercati Rossi', responsibleEmail: 'qualita@rossi.test',
    calendar: { timeZone: 'Europe/Rome', holidayCountry: 'IT' },
  });
});
afterAll(async () => {
  mailer.close();
  await sink.close();
  await db.close();
});

const drain = () => createOutbox({ db: db.db, mailer, sms: createSmsGateway({ log: silent }), log: silent, now: () => later(600) }).drain();
const register = (t: Tenant = tenant): Promise<Complaint> => registerComplaint(db.db, {
  tenantId: t.tenantId, channel: 'telegram', language: 'it', description: 'Il latte era scaduto al momento dell’acquisto',
  category: 'product_quality', severity: 'commercial', product: 'Latte intero 1 l', actor: { type: 'bot' }, now: t0,
}).then((r) => r.complaint);

describe("the client company's responsible person (seed 000)", () => {
  it('when a routine answer goes out, the responsible person gets one e-mail with the complaint and the answer, however often it is asked for', async () => {
    const complaint = await register();
    const { complaint: answered } = await transitionComplaint(db.db, tenant.tenantId, complaint.id, 'answered', { actor: { type: 'bot' }, now: later(1) });
    expect(await db.db.transaction((tx) => notifyRoutineAnswer(tx, answered, tenant, { answerText: 'Ci scusiamo: le rimborsiamo il prodotto.' }))).toBe(true);
    expect(await notifyRoutineAnswer(db.db, answered, tenant)).toBe(false);
    await drain();

    const mails = sink.mails.filter((m) => m.subject.includes(complaint.code));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['qualita@rossi.test']);
    expect(mails[0]!.subject).toBe(`[Supermercati Rossi] Routine answer sent for complaint ${complaint.code}`);
    expect(mails[0]!.text).toContain('answered with the predefined answer agreed for its category');
    expect(mails[0]!.text).toContain('Received:      Wednesday 18 November 2026, 10:00 (Europe/Rome) by telegram');
    expect(mails[0]!.text).toContain('Product:       Latte intero 1 l');
    expect(mails[0]!.text).toContain('Il latte era scaduto al momento dell’acquisto');
    expect(mails[0]!.text).toContain('Ci scusiamo: le rimborsiamo il prodotto.');
    expect(await listNotifications(db.db, tenant.tenantId, complaint.id)).toEqual([
      expect.objectContaining({ kind: 'routine_answer', status: 'sent', dedupeKey: `routine_answer:${complaint.id}:1` }),
    ]);
  });

  it('when a complaint is escalated after the second rejected proposal, the responsible person gets one e-mail saying so', async () => {
    const complaint = await register();
    const move = (to: Parameters<typeof transitionComplaint>[3], minutes: number) =>
      transitionComplaint(db.db, tenant.tenantId, complaint.id, to, { actor: agent, now: later(minutes) });
    await move('evaluating', 1);
    await move('proposed', 2);
    await move(rejectAnswer, 3); // round 2
    await move('proposed', 4);
    const { complaint: escalated } = await move(rejectAnswer, 5);
    expect(escalated).toMatchObject({ status: 'escalated', round: 2 });
    expect(await notifyEscalation(db.db, escalated, tenant)).toBe(true);
    expect(await notifyEscalation(db.db, escalated, tenant)).toBe(false);
    await drain();

    const mails = sink.mails.filter((m) => m.subject.includes(complaint.code));
    expect(mails.map((m) => [m.to.join(), m.subject])).toEqual([['qualita@rossi.test', `[Supermercati Rossi] Complaint ${complaint.code} escalated`]]);
    expect(mails[0]!.text).toContain('the customer did not accept the solution proposed in round 2');
    expect(mails[0]!.text).toContain('Status:        Open — escalated (round 2)');
  });

  it('when kicked after a commit, the dispatcher delivers without being awaited, also on its interval; once stopped it stays quiet', async () => {
    const outbox = createOutbox({ db: db.db, mailer, sms: createSmsGateway({ log: silent }), log: silent, now: () => later(600), intervalMs: 100 });
    const first = await register();
    await notifyRoutineAnswer(db.db, first, tenant);
    outbox.kick();
    await sink.waitFor(sink.mails.length + 1).catch(() => undefined);
    expect(sink.mails.some((m) => m.subject.includes(first.code))).toBe(true);

    const second = await register();
    await notifyRoutineAnswer(db.db, second, tenant);
    outbox.start(); // no kick: the interval finds it
    const until = Date.now() + 5000;
    while (!sink.mails.some((m) => m.subject.includes(second.code)) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(sink.mails.some((m) => m.subject.includes(second.code))).toBe(true);

    await outbox.stop();
    const third = await register();
    await notifyRoutineAnswer(db.db, third, tenant);
    outbox.kick();
    outbox.start();
    await new Promise((r) => setTimeout(r, 400));
    expect((await listNotifications(db.db, tenant.tenantId, third.id)).map((n) => n.status)).toEqual(['pending']);
    await drain(); // another dispatcher (or a restart) sends it
    expect((await listNotifications(db.db, tenant.tenantId, third.id)).map((n) => n.status)).toEqual(['sent']);
  });

  it('when the tenant has no responsible person, nothing is queued', async () => {
    const other = await createTenant(db.db, { slug: 'noone', name: 'Nobody Inc' });
    const complaint = await register(other);
    expect(await notifyRoutineAnswer(db.db, complaint, other)).toBe(false);
    expect(await notifyEscalation(db.db, complaint, other)).toBe(false);
    expect(await listNotifications(db.db, other.tenantId, complaint.id)).toEqual([]);
  });
});

describe('the texts for callers', () => {
  const words: Record<string, string[]> = {
    en: ['your complaint is registered', 'Tracking code', 'PIN'],
    it: ['il suo reclamo è stato registrato', 'Codice reclamo', 'PIN'],
    ro: ['reclamația dumneavoastră a fost înregistrată', 'Cod de urmărire', 'PIN'],
    fa: ['شکایت شما ثبت شد', 'کد پیگیری', 'رمز'],
    ru: ['ваша жалоба зарегистрирована', 'Номер жалобы', 'ПИН-код'],
    pt: ['sua reclamação foi registrada', 'Protocolo', 'Senha'],
  };

  it.each(callerLanguages.map((l) => [l]))('in %s, the SMS and the e-mail carry the code and the PIN in the caller’s words', (lang) => {
    const p = { lang, company: 'Acme', code: 'K7QX-M2PD', pin: '482913' };
    const sms = callerSms(p);
    const mail = callerMail(p);
    for (const text of [sms, mail.text]) {
      expect(text).toContain('K7QX-M2PD');
      expect(text).toContain('482913');
      for (const w of words[lang]!.slice(1)) expect(text).toContain(w);
    }
    expect(sms).toContain(words[lang]![0]);
    expect(mail.subject).toContain('K7QX-M2PD');
    // One SMS segment of UCS-2 is 70 characters; the code and PIN must fit in about three.
    expect(sms.length).toBeLessThanOrEqual(210);
  });

  it('an unknown language falls back to English', () => {
    expect(callerSms({ lang: 'de', company: 'Acme', code: 'K7QX-M2PD', pin: '482913' })).toContain('Tracking code: K7QX-M2PD');
  });
});
