import { dominantScript, foldText, tokenize } from '../../../nlp/normalize';
import { stemPersian, stemRomanian } from '../../../nlp/languages';

describe('text folding', () => {
  it('when Romanian is typed with comma-below, cedilla or no diacritics, all spellings fold alike', () => {
    expect(foldText('Încălzitorul ș ț ş ţ â')).toBe('incalzitorul s t s t a');
    expect(foldText('Încălzitorul a luat foc')).toBe(foldText('Incalzitorul a luat foc'));
  });

  it('when Portuguese is typed without tildes or cedillas, it folds to the same text', () => {
    expect(foldText('Não chegou a fumaça')).toBe('nao chegou a fumaca');
  });

  it('when Persian is typed with Arabic code points, ZWNJ or Persian digits, it folds to one form', () => {
    expect(foldText('كتاب‌ها ي')).toBe('کتاب ها ی');
    expect(foldText('سفارش ۱۲۳ و ٤٥')).toBe('سفارش 123 و 45');
  });

  it('keeps Cyrillic й but writes ё as е', () => {
    expect(foldText('Ёлка и йогурт')).toBe('елка и йогурт');
  });

  it('turns numbers into one placeholder token so order numbers do not become features', () => {
    expect(tokenize(foldText('Order 55120 and 2FA code'))).toEqual(['order', '#', 'and', '0fa', 'code']);
  });

  it('tells the scripts apart by their letters', () => {
    expect(dominantScript('Счёт за газ AB12')).toBe('cyrillic');
    expect(dominantScript('بوی گاز میاد')).toBe('arabic');
    expect(dominantScript('nu mi-a venit coletul')).toBe('latin');
    expect(dominantScript('12345 !!!')).toBe('other');
  });

  it('gives Romanian and Persian a light stemmer so inflected forms share a stem', () => {
    expect(stemRomanian('facturile')).toBe(stemRomanian('factura'));
    expect(stemPersian('کتابها')).toBe('کتاب');
  });
});
