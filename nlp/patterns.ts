/**
 * The pattern mini-syntax of the safety and cue vocabularies (see safety/vocab.ts), compiled to
 * Unicode-aware regexes. JavaScript's \b only knows ASCII, so word boundaries are look-arounds.
 */
import { foldText } from './normalize';

// Letters and digits of the scripts we read (folded text is lower case). An explicit class
// instead of \p{L}: V8 compiles these regexes ~10× faster, and compiling happens on first use.
const WORD_CHAR = '[0-9a-z\\u00c0-\\u024f\\u0400-\\u04ff\\u0600-\\u06ff\\u0750-\\u077f\\ufb50-\\ufdff\\ufe70-\\ufefc]';

function body(pattern: string): string {
  return foldText(pattern)
    .replace(/~/g, `${WORD_CHAR}*`)
    .replace(/\\p\{l\}/g, WORD_CHAR)
    .replace(/ \?/g, "[\\s\\-']*")
    .replace(/ /g, "[\\s\\-']+");
}

/** Compiles one mini-syntax pattern into a word-bounded global regex. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(`(?<!${WORD_CHAR})(?:${body(pattern)})(?!${WORD_CHAR})`, 'gu');
}

const META = new Set([' ', '~', '\\', '(', ')', '[', ']', '{', '}', '|', '?', '*', '+', '.', '^', '$']);
const OPTIONAL = new Set(['?', '*', '{']);

/** Index just past the alternative starting at `i` (at a top-level `|`, the group's `)` or the end). */
function skipAlternative(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === '\\') i += 2;
    else if (ch === '[') {
      i++;
      while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
      i++;
    } else if (ch === '(') {
      depth++;
      i++;
    } else if (ch === ')') {
      if (depth === 0) return i;
      depth--;
      i++;
    } else if (ch === '|' && depth === 0) return i;
    else i++;
  }
  return i;
}

/**
 * Literal beginnings of every alternative of the alternation starting at `i`: every match of the
 * pattern starts with one of them. null when some alternative can start with anything (a class,
 * an optional group, an escape…): such a pattern is always run.
 */
function alternationPrefixes(s: string, i: number): { prefixes: string[] | null; end: number } {
  const prefixes: string[] = [];
  let ok = true;
  for (;;) {
    if (s[i] === '(' && s[i + 1] !== '?') {
      const inner = alternationPrefixes(s, i + 1);
      const after = s[inner.end + 1];
      if (inner.prefixes === null || (after !== undefined && OPTIONAL.has(after))) ok = false;
      else prefixes.push(...inner.prefixes);
    } else {
      let j = i;
      while (j < s.length && !META.has(s[j] as string)) j++;
      // A quantifier after the run makes its last character optional.
      const literal = s.slice(i, j < s.length && OPTIONAL.has(s[j] as string) ? j - 1 : j);
      if (literal === '') ok = false;
      else prefixes.push(literal);
    }
    i = skipAlternative(s, i);
    if (s[i] !== '|') return { prefixes: ok ? prefixes : null, end: i };
    i++;
  }
}

/** Literal prefixes of a mini-syntax pattern (see compilePattern), or null if it has none. */
export function literalPrefixes(pattern: string): string[] | null {
  return alternationPrefixes(foldText(pattern), 0).prefixes;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x400 && c <= 0x4ff) ||
    (c >= 0x600 && c <= 0x6ff) ||
    (c >= 0x750 && c <= 0x77f) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  readonly ids: number[];
}

/**
 * A cheap, exact pre-check for a list of compiled patterns: a compiled pattern only matches at a
 * word start (its look-behind) and every match begins with one of its literal prefixes, so one walk
 * over the word starts of a text through a trie of all prefixes tells which patterns can match at
 * all. The others need not run; patterns without literal prefixes always run.
 */
export class PrefixFilter {
  private readonly root: TrieNode = { next: new Map(), ids: [] };
  private readonly always: Int32Array;
  private readonly marks: Int32Array;

  constructor(patterns: readonly string[]) {
    this.always = new Int32Array(patterns.length);
    this.marks = new Int32Array(patterns.length);
    patterns.forEach((p, id) => {
      const prefixes = literalPrefixes(p);
      if (prefixes === null) {
        this.always[id] = 1;
        return;
      }
      for (const prefix of prefixes) {
        let node = this.root;
        for (let k = 0; k < prefix.length; k++) {
          const c = prefix.charCodeAt(k);
          let child = node.next.get(c);
          if (!child) node.next.set(c, (child = { next: new Map(), ids: [] }));
          node = child;
        }
        if (!node.ids.includes(id)) node.ids.push(id);
      }
    });
  }

  /**
   * Per pattern, 0 if it cannot match `folded`, else 1 + the first position where it can: no match
   * starts earlier, so the regex may start its scan there (lastIndex). The array is reused by the
   * next call.
   */
  candidates(folded: string): Int32Array {
    const marks = this.marks;
    marks.set(this.always);
    for (let i = 0; i < folded.length; i++) {
      if (i > 0 && isWordChar(folded.charCodeAt(i - 1))) continue;
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < folded.length; j++) {
        node = node.next.get(folded.charCodeAt(j));
        if (!node) break;
        for (const id of node.ids) if (marks[id] === 0) marks[id] = i + 1;
      }
    }
    return marks;
  }
}
