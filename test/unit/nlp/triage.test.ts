import { loadTriage, type Lang } from '../../../nlp';

// Messages written for these tests (not taken from the corpus), in the shipped model.
const triage = loadTriage();

describe('triage with the shipped model', () => {
  it.each<[Lang, string]>([
    ['en', 'The charger caught fire overnight and burned the carpet'],
    ['en', 'There is a strong smell of gas in the kitchen since the boiler was serviced'],
    ['it', 'Il phon ha fatto scintille e mi sono bruciata la mano'],
    ['it', 'Ho trovato un pezzo di vetro nel vasetto di sugo'],
    ['ro', 'Prajitorul a luat foc in bucatarie'],
    ['ro', 'Am gasit un gandac in punga de paine'],
    ['fa', 'شارژر گوشی آتش گرفت و دود کرد'],
    ['fa', 'توی ماست یک تکه شیشه پیدا کردم'],
    ['ru', 'Обогреватель задымился и ударил током'],
    ['ru', 'В йогурте была плесень, ребенок отравился'],
    ['pt', 'O carregador pegou fogo na tomada'],
    ['pt', 'Encontrei uma barata dentro do pacote de biscoito'],
  ])('when a %s message reports a danger it is critical: %s', (lang, text) => {
    const r = triage.classify(text);
    expect(r.lang).toBe(lang);
    expect(r.severity).toBe('critical');
    expect(['safety_hazard', 'food_contamination', 'product_defect']).toContain(r.category);
  });

  it.each<[Lang, string]>([
    ['en', "I'm burning with anger about this invoice, you charged me twice"],
    ['en', 'Your prices are killing me, the bill went up again'],
    ['it', 'Sto bruciando di rabbia per questa bolletta sbagliata'],
    ['ro', 'Sunt foc si para din cauza facturii, mi-ati taxat de doua ori'],
    ['pt', 'Estou queimando de raiva com essa fatura cobrada duas vezes'],
    ['ru', 'Я горю от злости из-за этого счета, списали дважды'],
    ['fa', 'از عصبانیت آتیشی شدم، قبض برق دو بار حساب شده'],
  ])('when a %s message uses a danger word as an idiom it stays commercial: %s', (_lang, text) => {
    const r = triage.classify(text);
    expect(r.severity).toBe('commercial');
    expect(r.signals?.safety).toEqual([]);
  });

  it('when a mixed message has a commercial and a dangerous part, the dangerous part decides', () => {
    const r = triage.classify('The bill is wrong and the heater gave me an electric shock');
    expect(r).toMatchObject({ severity: 'critical', category: 'safety_hazard' });
  });

  it.each<[Lang, string]>([
    ['ro', 'nu mi-a venit coletul'],
    ['ro', 'factura e gresita iar'],
    ['ro', 'contul meu e blocat'],
    ['pt', 'meu pedido nao chegou'],
    ['pt', 'a fatura veio errada'],
    ['it', 'il pacco non e arrivato'],
    ['en', 'my parcel never came'],
    ['ru', 'посылка не пришла'],
    ['fa', 'بسته نرسید'],
  ])('detects short %s chat messages without diacritics: %s', (lang, text) => {
    expect(triage.detectLanguage(text).lang).toBe(lang);
  });

  it('gives a confidence in [0, 1] and sends uncertain messages to people', () => {
    for (const text of ['hello', '???', 'The parcel arrived late and the box was damaged', '12345']) {
      const r = triage.classify(text);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      if (r.confidence < 0.6) expect(r.needsHuman).toBe(true);
    }
    expect(triage.classify('12345').needsHuman).toBe(true);
  });
});
