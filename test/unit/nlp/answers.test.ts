import { pickAnswer, type PredefinedAnswer } from '../../../nlp/answers';

const answers: PredefinedAnswer[] = [
  { id: 'generic-billing-it', category: 'billing', lang: 'it', text: 'Verifichiamo la sua bolletta.' },
  { id: 'double-charge-it', category: 'billing', lang: 'it', keywords: ['addebito', 'due volte'], text: 'Rimborsiamo il doppio addebito.' },
  { id: 'estimate-it', category: 'billing', lang: 'it', keywords: ['stimata'], text: 'Ci invii la lettura.', priority: 1 },
  { id: 'estimate-it-low', category: 'billing', lang: 'it', keywords: ['stimata'], text: 'Lettura stimata: ecco come funziona.' },
  { id: 'late-ro', category: 'delivery', lang: 'ro', keywords: ['întârziere', 'curier'], text: 'Verificăm cu curierul.' },
];

describe('predefined answers', () => {
  it('when two keywords of one answer match, it beats an answer with none', () => {
    const a = pickAnswer(answers, { category: 'billing', lang: 'it', severity: 'commercial', text: 'Mi avete fatto un addebito due volte questo mese' });
    expect(a?.id).toBe('double-charge-it');
  });

  it('when equally specific answers match, the higher priority wins', () => {
    const a = pickAnswer(answers, { category: 'billing', lang: 'it', severity: 'commercial', text: 'La bolletta è stimata, non è giusta' });
    expect(a?.id).toBe('estimate-it');
  });

  it('when no keyword answer matches, the answer without keywords is used', () => {
    const a = pickAnswer(answers, { category: 'billing', lang: 'it', severity: 'commercial', text: 'Importo troppo alto' });
    expect(a?.id).toBe('generic-billing-it');
  });

  it('matches keywords after folding and stemming, so missing diacritics and plurals still match', () => {
    const a = pickAnswer(answers, { category: 'delivery', lang: 'ro', severity: 'commercial', text: 'Intarzieri mari, curierii nu raspund' });
    expect(a?.id).toBe('late-ro');
  });

  it('never answers a critical complaint, even when an answer would match', () => {
    const a = pickAnswer(answers, { category: 'billing', lang: 'it', severity: 'critical', text: 'addebito due volte e la stufa ha preso fuoco' });
    expect(a).toBeNull();
  });

  it('returns null when nothing shares the category and language', () => {
    expect(pickAnswer(answers, { category: 'billing', lang: 'pt', severity: 'commercial', text: 'cobrança em dobro' })).toBeNull();
    expect(pickAnswer(answers, { category: 'delivery', lang: 'ro', severity: 'commercial', text: 'altceva' })).toBeNull();
  });
});
