import { catalogues } from '../../../bots/engine/catalogues';
import { initialState, type IntakeState } from '../../../bots/engine/state';
import { step } from '../../../bots/engine/step';
import type { EngineContext, EngineInput, StepResult } from '../../../bots/engine/types';
import { triage } from '../../support/app';

const en = catalogues.en;
const ctx: EngineContext = {
  company: 'Acme', privacyUrl: 'https://acme.example/privacy', personWhen: () => 'Mon 23 Nov, 17:29',
  detectLanguage: (text) => triage().detectLanguage(text), classify: (text) => triage().classify(text), withPeople: false,
};
const msg = (text: string, hints: Extract<EngineInput, { type: 'message' }>['hints'] = {}, attachmentIds: string[] = []): EngineInput => ({ type: 'message', text, attachmentIds, hints });

/** Runs customer turns, returning the final result and every bot line. */
function run(turns: (string | EngineInput)[], start: IntakeState = initialState('en')): { last: StepResult; said: string[]; state: IntakeState } {
  let state = start;
  const said: string[] = [];
  let last!: StepResult;
  for (const turn of turns) {
    last = step(state, typeof turn === 'string' ? msg(turn) : turn, ctx);
    state = last.state;
    said.push(...last.replies.map((r) => r.text));
  }
  return { last, said, state };
}

describe('the intake dialog', () => {
  it('when the first message already holds name, e-mail, phone, order number and the story, the bot asks for none of them again', () => {
    const first = 'Hello, my name is Peter Jones, email peter@jones.example, phone +44 7911 123456. My order 4500123 arrived with the screen cracked and the seller ignores me.';
    const { said, state } = run([first, en.yes]);
    expect(state.fields).toMatchObject({ name: 'Peter Jones', email: 'peter@jones.example', phone: '+447911123456', orderRef: '4500123' });
    expect(state.fields.description).toEqual([first]);
    expect(said).not.toContain(en.askName);
    expect(said).not.toContain(en.askContact);
    expect(said.at(-1)).toBe(en.askProduct);
  });

  it('when the customer answers out of order, what they said is taken and the question moves on', () => {
    const { state, said } = run(['hi', en.yes, 'you can mail me at ana@site.example, I am Ana Lima']);
    expect(state.fields).toMatchObject({ email: 'ana@site.example' });
    expect(said.at(-1)).not.toBe(en.askContact);
  });

  it('when a value is invalid, the bot re-asks kindly, and after three tries moves on and offers a person', () => {
    const { said, last } = run(['hi', en.yes, 'Zoe', 'not sure', '12', '???x']);
    expect(said.filter((s) => s === en.invalidContact)).toHaveLength(2);
    expect(said).toContain(en.movingOn);
    expect(last.replies.find((r) => r.text === en.movingOn)?.quickReplies).toEqual([en.talkToPerson]);
    expect(last.state.fields.skipped).toContain('contact');
  });

  it('when the message is only emoji or blank, the bot prompts gently and counts no failure', () => {
    const { said, state } = run(['hi', en.yes, '😡😡', '   ']);
    expect(said.filter((s) => s === en.emptyMessage)).toHaveLength(2);
    expect(state.failures.name ?? 0).toBe(0);
  });

  it('when a tracking code is written anywhere, the bot looks it up; without ownership it asks for the PIN, then checks it', () => {
    const asked = run(['hi', en.yes, 'what about K7QX-M2PD?']);
    expect(asked.last.effects).toEqual([{ type: 'track', code: 'K7QX-M2PD' }]);
    const pinAsked = step(asked.state, { type: 'track_result', code: 'K7QX-M2PD', found: false, needsPin: true }, ctx);
    expect(pinAsked.replies[0]!.text).toBe(en.askPin({ code: 'K7QX-M2PD' }));
    const withPin = step(pinAsked.state, msg('123456'), ctx);
    expect(withPin.effects).toEqual([{ type: 'track', code: 'K7QX-M2PD', pin: '123456' }]);
  });

  it.each([['human'], ['agent please'], ['voglio parlare con un operatore'], ['оператор'], ['اپراتور']])('when the customer writes "%s", they are handed to a person', (text) => {
    const { last } = run(['hi', en.yes, text]);
    expect(last.effects).toEqual([{ type: 'handoff', reason: 'customer_asked' }]);
    expect(last.state.phase).toBe('with_people');
  });

  it('when a complaint sentence mentions personal data or an operator in passing, nobody is handed over', () => {
    const { last } = run(['hi', en.yes, 'Maria', 'maria@x.example', 'Il contatore gas: l\'operatore di distribuzione non è mai venuto a leggere i dati personali del contatore']);
    expect(last.effects.find((e) => e.type === 'handoff')).toBeUndefined();
  });

  it('when the customer writes restart, the dialog begins again', () => {
    const { last } = run(['hi', en.yes, 'Tom', 'restart']);
    expect(last.replies.map((r) => r.text)).toEqual([en.restarted, en.greeting({ company: 'Acme' }), en.consent({ url: ctx.privacyUrl })]);
    expect(last.state.fields.name).toBeUndefined();
  });

  it('when the first message is Italian, the bot speaks Italian; naming another language switches to it', () => {
    const it1 = run(['Buongiorno, vorrei fare un reclamo per la bolletta della luce']);
    expect(it1.state.lang).toBe('it');
    expect(it1.said).toContain(catalogues.it.consent({ url: ctx.privacyUrl }));
    const ru = run(['русский'], it1.state);
    expect(ru.state.lang).toBe('ru');
    expect(ru.said[0]).toBe(catalogues.ru.languageSwitched);
  });

  it('when a Telegram user\'s app is in Romanian, the greeting is in Romanian before they write anything telling', () => {
    const { state, said } = run([msg('/start', { languageCode: 'ro' })]);
    expect(state.lang).toBe('ro');
    expect(said[0]).toBe(catalogues.ro.restarted);
  });

  it('when consent is refused, nothing is collected and the next message offers consent again', () => {
    const { said, state } = run(['hello there', en.no]);
    expect(said.at(-1)).toBe(en.consentDeclined);
    expect(state.phase).toBe('declined');
    expect(run(['hi'], state).said.at(-1)).toBe(en.consent({ url: ctx.privacyUrl }));
  });

  it('when the summary is wrong, the customer picks a field, corrects it and sees the summary again', () => {
    const story = 'The heater I bought last week stopped working after two days and now it does not turn on at all';
    const { state } = run(['hi', en.yes, 'Lena Ward', 'lena@ward.example', 'Heater H1', en.skip, story, en.done]);
    expect(state.phase).toBe('confirm');
    const fixed = run([en.change, en.fieldProduct, 'Heater H2 Pro'], state);
    expect(fixed.state.fields.product).toBe('Heater H2 Pro');
    expect(fixed.state.phase).toBe('confirm');
    const registered = run([en.confirm], fixed.state);
    expect(registered.last.effects[0]).toMatchObject({ type: 'register', draft: { product: 'Heater H2 Pro', name: 'Lena Ward' }, classification: { severity: 'critical', category: 'product_defect' } });
  });

  it('when the phone comes from the platform, the bot only offers to add an e-mail', () => {
    const { said } = run([msg('hi', { phone: '+393331234567' }), en.yes, 'Marco Neri']);
    expect(said.at(-1)).toBe(en.askEmailOptional({ phone: '+393331234567' }));
  });
});

describe('messy conversations', () => {
  it('when the story comes in answer to the order-number question, it is kept and the question skipped', () => {
    const story = 'the washing machine you delivered leaks water all over the kitchen floor every time it spins';
    const { state, said } = run(['hi', en.yes, 'Maria Rossi', 'maria@x.example', 'Washing machine W7', story, en.done]);
    expect(state.fields.description).toEqual([story]);
    expect(state.fields.skipped).toContain('orderRef');
    expect(state.phase).toBe('confirm');
    expect(said).toContain(en.noted);
  });

  it('when the story comes in answer to the product question, it is kept and the product asked again', () => {
    const story = 'I was charged twice for the same month and nobody answers the phone when I call your office';
    const { state, said } = run(['hi', en.yes, 'Maria Rossi', 'maria@x.example', story]);
    expect(state.fields.description).toEqual([story]);
    expect(state.fields.product).toBeUndefined();
    expect(said.at(-1)).toBe(en.askProduct);
  });

  it('when a customer starts in English and clearly switches to Italian, the bot follows', () => {
    const { state, said } = run(['hi', 'Buongiorno, vorrei parlare della bolletta della luce che è sbagliata']);
    expect(state.lang).toBe('it');
    expect(said).toContain(catalogues.it.languageSwitched);
  });

  it('when a customer answers in sentences ("yes please", "my name is …"), the answers are understood', () => {
    const { state } = run(['hello', 'yes please', 'my name is john smith', 'you can write to john@smith.example']);
    expect(state.consent).toBe(true);
    expect(state.fields).toMatchObject({ name: 'john smith', email: 'john@smith.example' });
  });
});
