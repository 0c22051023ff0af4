/**
 * `classify`: JSON lines in, JSON lines out, one output line per input line, in order. A bad
 * line gets an error object instead of stopping the stream; stdout carries nothing but JSON lines.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Triage } from './triage';

/** Longer texts are refused: no chat message is this long, and it bounds the work per line. */
export const MAX_TEXT_LENGTH = 20_000;
// A line this long cannot hold a valid request; refusing it before JSON.parse bounds memory and time.
const MAX_LINE_LENGTH = 4 * MAX_TEXT_LENGTH + 1_000;

type Id = string | number;

function error(code: string, message: string, id?: Id): object {
  return id === undefined ? { error: { code, message } } : { id, error: { code, message } };
}

/** The answer for one input line (exported for tests). */
export function classifyLine(triage: Pick<Triage, 'classify'>, line: string): object {
  if (line.trim() === '') return error('empty_line', 'empty line: expected a JSON object {"id","text"}');
  if (line.length > MAX_LINE_LENGTH) return error('line_too_long', `line longer than ${MAX_LINE_LENGTH} characters`);
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return error('invalid_json', 'not a JSON value: expected {"id","text"}');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return error('invalid_input', 'expected a JSON object {"id","text"}');
  const rec = input as Record<string, unknown>;
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? rec.id : undefined;
  if (typeof rec.text !== 'string') return error('invalid_text', '"text" must be a string', id);
  if (rec.text.trim() === '') return error('empty_text', '"text" is empty', id);
  if (rec.text.length > MAX_TEXT_LENGTH) return error('text_too_long', `"text" is longer than ${MAX_TEXT_LENGTH} characters`, id);
  const r = triage.classify(rec.text);
  return { id: id ?? null, severity: r.severity, category: r.category, lang: r.lang, confidence: r.confidence, needsHuman: r.needsHuman };
}

/** Streams `input` to `output` line by line, respecting back-pressure. Resolves with the line count. */
export async function classifyStream(triage: Pick<Triage, 'classify'>, input: Readable, output: Writable): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    let answer: object;
    try {
      answer = classifyLine(triage, line);
    } catch (err) {
      // A bug must cost one line, not the rest of the batch.
      answer = error('internal_error', (err as Error).message);
    }
    n++;
    if (!output.write(`${JSON.stringify(answer)}\n`)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
  return n;
}
