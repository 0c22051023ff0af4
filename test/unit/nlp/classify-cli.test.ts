import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'nlp', 'cli.js');

function classify(input: string): { status: number | null; lines: unknown[]; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'classify'], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = r.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
  return { status: r.status, lines, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root });
});

describe('npm run nlp -- classify', () => {
  it('writes one JSON line per input line, in order, with an error object for each bad line', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'The charger caught fire' }),
      '',
      'not json',
      JSON.stringify({ id: 'b' }),
      JSON.stringify({ id: 'c', text: 'x'.repeat(20_001) }),
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 7, text: 'il pacco non è arrivato' }),
      JSON.stringify({ id: 'd', text: 42 }),
    ].join('\n');
    const { status, lines } = classify(`${input}\n`);
    expect(status).toBe(0);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatchObject({ id: 'a', severity: 'critical', category: 'safety_hazard', lang: 'en' });
    expect(lines[1]).toEqual({ error: { code: 'empty_line', message: expect.any(String) } });
    expect(lines[2]).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
    expect(lines[3]).toEqual({ id: 'b', error: { code: 'invalid_text', message: expect.any(String) } });
    expect(lines[4]).toEqual({ id: 'c', error: { code: 'text_too_long', message: expect.any(String) } });
    expect(lines[5]).toEqual({ error: { code: 'invalid_input', message: expect.any(String) } });
    expect(lines[6]).toMatchObject({ id: 7, severity: 'commercial', category: 'delivery', lang: 'it' });
    expect(lines[7]).toEqual({ id: 'd', error: { code: 'invalid_text', message: expect.any(String) } });
  });

  it('gives every answer the contract fields with a confidence in [0, 1]', () => {
    const { lines } = classify(`${JSON.stringify({ id: 'x', text: 'Mi avete addebitato due volte la bolletta' })}\n`);
    const [answer] = lines as Record<string, unknown>[];
    expect(Object.keys(answer as object).sort()).toEqual(['category', 'confidence', 'id', 'lang', 'needsHuman', 'severity']);
    expect(answer?.confidence as number).toBeGreaterThanOrEqual(0);
    expect(answer?.confidence as number).toBeLessThanOrEqual(1);
  });

  it('streams a large input and keeps the order', () => {
    const n = 3000;
    const input = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `m${i}`, text: i % 2 ? 'my parcel never arrived' : 'посылка не пришла' })).join('\n');
    const { status, lines } = classify(input);
    expect(status).toBe(0);
    expect(lines.map((l) => (l as { id: string }).id)).toEqual(Array.from({ length: n }, (_, i) => `m${i}`));
  });

  it('prints help and exits non-zero on an unknown command', () => {
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/classify/);
    const bad = spawnSync(process.execPath, [cli, 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
  });
});
