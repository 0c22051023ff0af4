/**
 * The whole intake over the Bot Framework channel: the app with BOTFRAMEWORK_ANONYMOUS=1, real
 * Activity JSON POSTed to /api/messages. With `expectReplies` the bot's replies come back in the
 * HTTP body; with normal delivery they go to the fake connector at the activity's serviceUrl.
 */
import { eq } from 'drizzle-orm';
import type { BotLang } from '../../../bots/engine/catalogue';
import { catalogues } from '../../../bots/engine/catalogues';
import { conversations, messages } from '../../../db/schema';
import { startTestApp, type TestApp } from '../../support/app';
import { messageActivity, startFakeConnector, type FakeConnector } from '../../support/botframework-connector';
import { checkDialog, databaseAnswers, expectScriptComplaint, prefixOf, rowCounts, within } from '../../support/intake-checks';
import { scripts } from '../../support/scripts';

const locales: Record<BotLang, string> = { en: 'en-GB', it: 'it-IT', ro: 'ro-RO', fa: 'fa-IR', ru: 'ru-RU', pt: 'pt-BR' };

interface ReplyActivity { type: string; text: string; replyToId?: string; conversation?: { id: string }; suggestedActions?: { actions: { title: string }[] } }

let connector: FakeConnector;
let t: TestApp;
beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestApp({ env: { BOTFRAMEWORK_ANONYMOUS: '1' } });
});
beforeEach(() => databaseAnswers(t.db.db));
afterAll(async () => {
  await within('closing the app', t?.close() ?? Promise.resolve());
  await connector?.close();
});

async function post(activity: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer anything-goes-in-anonymous-mode' },
    body: JSON.stringify(activity), signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const titles = (a: ReplyActivity | undefined) => a?.suggestedActions?.actions.map((x) => x.title);

describe('intake on Bot Framework', () => {
  it.each(scripts.map((s) => [s.lang, s] as const))(
    'when a %s user sends the script as activities asking for expectReplies, then each HTTP answer carries the replies in that language, the acknowledgement is among them and the complaint is on record',
    async (lang, script) => {
      const conversationId = `intake-expect-${lang}`;
      const replies: ReplyActivity[] = [];
      for (const turn of script.turns) {
        const res = await post(messageActivity({
          serviceUrl: connector.serviceUrl, conversationId, userId: `user-${lang}`, userName: script.expect.name,
          text: turn, locale: locales[lang], deliveryMode: 'expectReplies',
        }));
        expect(res.status).toBe(200);
        const activities = (res.body as { activities: ReplyActivity[] }).activities;
        expect({ turn, answered: activities.length > 0 }).toEqual({ turn, answered: true });
        for (const a of activities) expect(a).toMatchObject({ type: 'message', conversation: { id: conversationId } });
        replies.push(...activities);
      }
      const c = catalogues[lang];
      const said = replies.map((a) => a.text);
      const { code } = checkDialog(lang, said, [c.askContact, c.askProduct, c.askOrderRef]);
      expect(titles(replies.find((a) => a.text.startsWith(prefixOf((url) => c.consent({ url })))))).toEqual([c.yes, c.no]);
      expect(titles(replies.find((a) => a.text === c.askOrderRef))).toEqual([c.skip]);
      // Buffered in the HTTP answers: nothing went to the connector.
      expect(connector.received.filter((r) => r.conversationId === conversationId)).toEqual([]);

      const complaint = await expectScriptComplaint(t.db.db, code, script, 'botframework');
      const [conversation] = await t.db.db.select().from(conversations).where(eq(conversations.id, complaint.conversationId!));
      expect(conversation!.address).toMatchObject({ channel: 'botframework', externalId: conversationId, data: { reference: { serviceUrl: connector.serviceUrl } } });
    },
  );

  it('when the script comes with normal delivery, then the replies reach the connector at the activity serviceUrl, each in reply to its turn, and the complaint is on record', async () => {
    const script = scripts.find((s) => s.lang === 'ru')!;
    const c = catalogues.ru;
    const conversationId = 'intake-normal-ru';
    const said: string[] = [];
    for (const turn of script.turns) {
      const activity = messageActivity({ serviceUrl: connector.serviceUrl, conversationId, userId: 'user-normal', text: turn, locale: locales.ru });
      const before = connector.received.length;
      const res = await post(activity);
      expect(res.status).toBe(200);
      // Answered before the HTTP answer: the replies are already at the connector.
      const replies = connector.received.slice(before).filter((r) => r.conversationId === conversationId);
      expect({ turn, answered: replies.length > 0 }).toEqual({ turn, answered: true });
      for (const r of replies) expect(r).toMatchObject({ replyToId: activity.id, activity: { type: 'message' } });
      said.push(...replies.map((r) => String(r.activity.text)));
    }
    const { code } = checkDialog('ru', said, [c.askContact, c.askProduct, c.askOrderRef]);
    await expectScriptComplaint(t.db.db, code, script, 'botframework');
  });

  it('when the channel sends the same activity twice, then it is stored once and answered once', async () => {
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, conversationId: 'intake-dup', userId: 'user-dup', text: 'Hello', locale: 'en-GB', deliveryMode: 'expectReplies' });
    const first = await post(activity);
    expect(first.status).toBe(200);
    expect(first.body.activities).toHaveLength(2);
    const before = await rowCounts(t.db.db);
    const second = await post(activity);
    expect(second.status).toBe(200);
    expect(second.body?.activities ?? []).toEqual([]);
    expect(await rowCounts(t.db.db)).toEqual(before);
    expect(await t.db.db.select().from(messages).where(eq(messages.channelMessageId, `bf:webchat:intake-dup:${String(activity.id)}`))).toHaveLength(1);
  });
});
