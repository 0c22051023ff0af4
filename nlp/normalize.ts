/**
 * Text folding shared by the model, the safety vocabulary and the answers matcher, so that what
 * people type without diacritics (Romanian without ș/ț, Portuguese without tildes) or with the
 * Arabic instead of the Persian code points meets the same features.
 */

// Arabic-script variants people type for the same Persian letter; the Persian form wins.
const PERSIAN_FOLD: Readonly<Record<string, string>> = {
  '\u064a': '\u06cc', // ي → ی
  '\u0649': '\u06cc', // ى → ی
  '\u0643': '\u06a9', // ك → ک
  '\u0629': '\u0647', // ة → ه
  '\u06c0': '\u0647', // ۀ → ه
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u06cc', // ئ → ی
};

const PERSIAN_RE = /[\u064a\u0649\u0643\u0629\u06c0\u0623\u0625\u0671\u0624\u0626]/g;
// Harakat, superscript alef, tatweel, bidi marks and ZWJ carry no meaning for triage.
const STRIP_RE = /[\u064b-\u065f\u0670\u0640\u200e\u200f\u202a-\u202e\ufeff]|\u200d/g;
// ZWNJ separates Persian affixes (می‌خواهم, کتاب‌ها); a space makes it match the spaced spelling.
const ZWNJ_RE = /\u200c/g;
const EXTENDED_DIGITS_RE = /[\u0660-\u0669\u06f0-\u06f9]/g;
// After NFD, only marks on a Latin base are dropped: Cyrillic й keeps its breve.
const LATIN_MARKS_RE = /([a-z])[\u0300-\u036f]+/g;

// Printable ASCII (and tabs, line breaks) needs only lower-casing and the backtick: every other
// fold concerns other characters. Anything else takes the full path.
const NOT_PLAIN_RE = /[^\t\n\r -~]/;
const BACKTICK_RE = /`/g;

/** Lower-cases and folds `text`: Latin diacritics off, Persian letters unified, digits Latin, ё → е. */
export function foldText(text: string): string {
  if (!NOT_PLAIN_RE.test(text)) return text.toLowerCase().replace(BACKTICK_RE, "'");
  return text
    .replace(PERSIAN_RE, (ch) => PERSIAN_FOLD[ch] ?? ch)
    .replace(STRIP_RE, '')
    .replace(ZWNJ_RE, ' ')
    .replace(EXTENDED_DIGITS_RE, (ch) => String(ch.charCodeAt(0) & 0xf))
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_MARKS_RE, '$1')
    .normalize('NFC')
    .replace(/ё/g, 'е')
    .replace(/[’‘`´]/g, "'");
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const HAS_DIGIT_RE = /\d/;
const ALL_DIGITS_RE = /^\d+$/;
const DIGITS_RE = /\d+/g;

/**
 * Word tokens of already folded text. Numbers become `#` (order numbers and amounts say nothing
 * about the category); digits inside words become 0 so `2fa` and `3fa` look alike.
 * (String.match returns the tokens without a match object per token: this runs on every message.)
 */
export function tokenize(folded: string): string[] {
  const tokens = folded.match(TOKEN_RE);
  if (!tokens) return [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (HAS_DIGIT_RE.test(token)) tokens[i] = ALL_DIGITS_RE.test(token) ? '#' : token.replace(DIGITS_RE, '0');
  }
  return tokens;
}

/** The writing systems we tell apart before any statistics. */
export type Script = 'latin' | 'cyrillic' | 'arabic' | 'other';

/** Counts letters per script; the dominant one wins (ties and no letters → `other`). */
export function dominantScript(text: string): Script {
  let latin = 0;
  let cyrillic = 0;
  let arabic = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0xfb50 && c <= 0xfeff)) arabic++;
  }
  const max = Math.max(latin, cyrillic, arabic);
  if (max === 0) return 'other';
  if (max === cyrillic && cyrillic > latin) return 'cyrillic';
  if (max === arabic && arabic > latin) return 'arabic';
  return 'latin';
}
