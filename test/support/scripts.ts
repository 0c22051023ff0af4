/**
 * One scripted complaint per language, used on every channel: the same customer story must yield
 * the same complaint (fields, language, severity, category) wherever it is told.
 */
import type { BotLang } from '../../bots/engine/catalogue';
import { catalogues } from '../../bots/engine/catalogues';

export interface Script {
  lang: BotLang;
  turns: string[];
  expect: { name: string; email: string; product: string; orderRef: string; severity: string; category: string };
}

const stories: Record<BotLang, { story: string; email: string; product: string; order: string; name: string }> = {
  en: { name: 'John Smith', story: 'Hi, my name is John Smith. The electric kettle I bought last week sparked and burned my hand when I switched it on.', email: 'john.smith@example.com', product: 'Kettle KX-200', order: 'order 45001234' },
  it: { name: 'Maria Rossi', story: "Buongiorno, mi chiamo Maria Rossi. Il bollitore elettrico comprato la settimana scorsa ha fatto scintille e mi ha bruciato la mano quando l'ho acceso.", email: 'maria.rossi@example.it', product: 'Bollitore KX-200', order: 'ordine 45001234' },
  ro: { name: 'Ion Popescu', story: 'Bună ziua, mă numesc Ion Popescu. Fierbătorul electric cumpărat săptămâna trecută a scos scântei și m-a ars la mână când l-am pornit.', email: 'ion.popescu@example.ro', product: 'Fierbător KX-200', order: 'comanda 45001234' },
  fa: { name: 'علی رضایی', story: 'سلام، اسم من علی رضایی است. کتری برقی که هفته پیش خریدم موقع روشن کردن جرقه زد و دستم سوخت.', email: 'ali.rezaei@example.com', product: 'کتری برقی KX-200', order: 'سفارش 45001234' },
  ru: { name: 'Иван Петров', story: 'Здравствуйте, меня зовут Иван Петров. Электрический чайник, купленный на прошлой неделе, заискрил и обжёг мне руку, когда я его включил.', email: 'ivan.petrov@example.ru', product: 'Чайник KX-200', order: 'заказ 45001234' },
  pt: { name: 'João Silva', story: 'Olá, meu nome é João Silva. A chaleira elétrica que comprei semana passada soltou faíscas e queimou minha mão quando liguei.', email: 'joao.silva@example.com.br', product: 'Chaleira KX-200', order: 'pedido 45001234' },
};

export const scripts: Script[] = (Object.keys(stories) as BotLang[]).map((lang) => {
  const s = stories[lang];
  const c = catalogues[lang];
  return {
    lang,
    // story (name + what happened) → consent "yes" → e-mail → product → order number → confirm
    turns: [s.story, c.yes, s.email, s.product, s.order, c.confirm],
    expect: { name: s.name, email: s.email, product: s.product, orderRef: '45001234', severity: 'critical', category: 'safety_hazard' },
  };
});

export const ackPattern = /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})[\s\S]*?(\d{6})/;
