import { initialState } from '../../../bots/engine/state';
import { step } from '../../../bots/engine/step';
import type { EngineContext, EngineInput } from '../../../bots/engine/types';
import { triage } from '../../support/app';

const ctx: EngineContext = {
  company: 'Acme', privacyUrl: 'https://acme.example/privacy', personWhen: () => 'Mon 23 Nov, 17:29',
  detectLanguage: (text) => triage().detectLanguage(text), classify: (text) => triage().classify(text), withPeople: false,
};

/** Plays the turns as they are, whatever the bot asks; reports the language and whether it registered. */
function play(turns: string[], languageCode?: string) {
  let state = initialState('en');
  let registered = false;
  for (const text of turns) {
    const input: EngineInput = { type: 'message', text, attachmentIds: [], hints: languageCode ? { languageCode } : {} };
    const out = step(state, input, ctx);
    state = out.state;
    if (out.effects.some((e) => e.type === 'register')) { registered = true; break; }
  }
  return { registered, lang: state.lang, phase: state.phase, fields: state.fields };
}

// Conversations as people really type them: greetings first, answers in sentences, no accents,
// details in the wrong place, "no"/"non ce l'ho" for the order number, a thank-you at the end.
const conversations: [string, string[], string | null][] = [
  ['it', ['/start', 'ciao', 'si', 'Giulia Bianchi', 'giulia.b@gmail.com', 'lavatrice', "non ce l'ho", "la lavatrice perde acqua da sotto da quando l'ho comprata", 'basta così', 'sì'], 'it'],
  ['ro', ['Buna ziua', 'da', 'Ana Pop, 0722123456', 'factura curent', 'nu am', 'mi-a venit factura de 3 ori mai mare decat luna trecuta, nu e normal', 'gata', 'da'], null],
  ['pt', ['oi', 'sim', 'meu nome é Carla Souza', 'carla@uol.com.br', 'geladeira', 'pedido 778899', 'a geladeira chegou amassada e não gela nada', 'pronto', 'sim'], null],
  ['ru', ['Здравствуйте', 'да', 'Ольга', '+7 916 123-45-67', 'интернет', 'нет', 'Третий день нет интернета, оператор не отвечает на звонки', 'всё', 'да'], null],
  ['fa', ['سلام', 'بله', 'مریم احمدی', '09121234567', 'یخچال', 'ندارم', 'یخچال از روز اول خنک نمیکنه و صدای عجیبی میده', 'تمام', 'بله'], null],
  ['en', ['hey, my parcel never arrived!!', 'ok', 'Tom', 'tom@mail.com', 'order 12345 from your shop', 'It was supposed to come last Monday and tracking says delivered but nothing is here', 'no', 'yes'], null],
  ['it', ['Salve, ho un problema con la bolletta del gas di ottobre, mi avete addebitato 300 euro in più rispetto al solito e non capisco perché', 'sì certo', 'Luca Verdi', '3331234567', 'contratto gas casa', 'no', 'sì'], null],
  ['pt', ['Bom dia, comprei um celular na loja de vocês e a bateria esquentou tanto que queimou minha mão, quero uma solução urgente', 'sim', 'Pedro Alves', 'pedro@gmail.com', 'celular modelo X10', 'nao tenho', 'sim'], null],
  ['ru', ['Добрый день! Меня зовут Игорь Смирнов, мне выставили двойной счёт за электричество за сентябрь, номер договора 5566778', 'да', '+79161234567', 'электроэнергия', 'да, всё верно'], null],
  ['ro', ['Salut, am comandat un frigider si a venit cu usa indoita, comanda 998877, vreau sa il schimb', 'da', 'Mihai Ionescu', 'mihai@yahoo.com', 'frigider', 'da'], null],
];

describe('conversations nobody scripted for the bot', () => {
  it.each(conversations)('a messy conversation in %s reaches registration in that language', (lang, turns, hint) => {
    const result = play(turns, hint ?? undefined);
    expect({ lang: result.lang, registered: result.registered, phase: result.phase }).toEqual({ lang, registered: true, phase: 'registering' });
  });
});
