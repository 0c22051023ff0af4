/** Starts the compiled server (`dist/inbox-server/main.js`, what `npm start` runs) as a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');
export const mainJs = join(root, 'dist', 'inbox-server', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves once GET /health answers 200; rejects after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<number>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startServer(env: Record<string, string>, port?: number): ServerProcess {
  const chosenPort = port ?? Number(env.PORT ?? 0);
  const child = spawn(process.execPath, [mainJs], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(chosenPort), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { err += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${chosenPort}`;
  return {
    child, url, exited,
    stdout: () => out,
    stderr: () => err,
    async ready(timeoutMs = 30_000) {
      const started = Date.now();
      let done = false;
      void exited.then(() => { done = true; });
      while (Date.now() - started < timeoutMs) {
        if (done) throw new Error(`server exited early: ${err}`);
        try {
          // Our process has printed its banner: the 200 is its own, not another test's server that
          // happened to get the same free port.
          const res = await fetch(`${url}/health`);
          if (res.status === 200 && out.includes('Ombuds is running')) return Date.now() - started;
        } catch { /* not listening yet */ }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`not healthy within ${timeoutMs} ms; stderr: ${err}`);
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
