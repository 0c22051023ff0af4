// Compiles the backend (db, nlp, bots, inbox-server, test support) from TypeScript to CommonJS
// in dist/ with swc: a whole-project transpile takes well under a second, so `npm start` and the
// CLIs can rebuild on demand. Type-checking is separate (`npm run typecheck`, part of `npm test`).
import { transformFile } from '@swc/core';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDirs = ['db', 'nlp', 'bots', 'inbox-server', 'test/support', 'test/bench'];
const outDir = join(root, 'dist');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');

async function* walk(dir) {
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return; }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) yield full;
  }
}

async function mtime(path) {
  try { return (await stat(path)).mtimeMs; } catch { return 0; }
}

const files = [];
for (const dir of sourceDirs) for await (const file of walk(join(root, dir))) files.push(file);

const stamp = join(outDir, '.build-stamp');
if (args.has('--if-stale')) {
  const built = await mtime(stamp);
  const newest = Math.max(0, ...(await Promise.all(files.map(mtime))));
  if (built > newest) process.exit(0);
}

await Promise.all(files.map(async (file) => {
  const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
  const { code } = await transformFile(file, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, code);
}));
await writeFile(stamp, new Date().toISOString());
if (!quiet) process.stderr.write(`built ${files.length} files into dist/\n`);
