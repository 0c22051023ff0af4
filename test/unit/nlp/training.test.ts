import type { Example } from '../../../nlp/corpus';
import { trainModel } from '../../../nlp/train';
import { createTriage } from '../../../nlp/triage';
import type { Category, Lang, Severity } from '../../../nlp/types';

// A tiny corpus written for this test: enough to train, small enough to train in well under a second.
const rows: [Lang, Category, Severity, string][] = [
  ['en', 'billing', 'commercial', 'you charged me twice on the last invoice'],
  ['en', 'billing', 'commercial', 'the bill amount is wrong again'],
  ['en', 'billing', 'commercial', 'why is my invoice so high this month'],
  ['en', 'safety_hazard', 'critical', 'the charger caught fire on my desk'],
  ['en', 'safety_hazard', 'critical', 'sparks and smoke came out of the heater'],
  ['en', 'safety_hazard', 'critical', 'the kettle gave me an electric shock'],
  ['en', 'delivery', 'commercial', 'my parcel never arrived'],
  ['en', 'delivery', 'commercial', 'the courier left the box in the rain'],
  ['en', 'delivery', 'commercial', 'order still not delivered after two weeks'],
  ['it', 'billing', 'commercial', 'la bolletta è sbagliata'],
  ['it', 'billing', 'commercial', 'addebito doppio sulla fattura'],
  ['it', 'billing', 'commercial', 'importo della fattura troppo alto'],
  ['it', 'safety_hazard', 'critical', 'la stufa ha preso fuoco'],
  ['it', 'safety_hazard', 'critical', 'esce fumo dal caricatore'],
  ['it', 'safety_hazard', 'critical', 'ho preso la scossa dal bollitore'],
  ['it', 'delivery', 'commercial', 'il pacco non è mai arrivato'],
  ['it', 'delivery', 'commercial', 'il corriere ha lasciato il pacco fuori'],
  ['it', 'delivery', 'commercial', 'consegna in ritardo di una settimana'],
];
const examples: Example[] = rows.map(([lang, category, severity, text], i) => ({
  id: `${lang}-${String(i).padStart(4, '0')}`,
  lang,
  category,
  severity,
  text,
  split: 'train',
}));
const options = { folds: 3, grid: [{ epochs: 5, learningRate: 0.3, l2: 1e-4, minDf: 1 }] };

describe('training', () => {
  it('when trained twice on the same corpus, it writes byte-identical model JSON', () => {
    const a = JSON.stringify(trainModel(examples, options));
    const b = JSON.stringify(trainModel(examples, options));
    expect(a).toBe(b);
  });

  it('produces a model that loads and classifies what it was taught', () => {
    const triage = createTriage(trainModel(examples, options));
    expect(triage.langs).toEqual(['en', 'it']);
    const r = triage.classify('the toaster caught fire');
    expect(r).toMatchObject({ lang: 'en', severity: 'critical', category: 'safety_hazard' });
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('never reads the test split', () => {
    const withTest = [...examples, { ...(examples[0] as Example), id: 'en-9999', text: 'something only in test', split: 'test' as const }];
    expect(JSON.stringify(trainModel(withTest, options))).toBe(JSON.stringify(trainModel(examples, options)));
  });
});
