/**
 * An HTTP pass-through to another local server (an emulator) that can hold chosen requests
 * unanswered: a test freezes a server at a known point — e.g. inside a reply's sendMessage — and
 * then kills it there. A request whose client hangs up is abandoned upstream too.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldRequest { method: string; path: string; body: string }

export interface HoldingProxy {
  url: string;
  /** From now on, requests matching `predicate` are held (never answered); `null` forwards everything again. */
  hold(predicate: ((request: HeldRequest) => boolean) | null): void;
  held(): HeldRequest[];
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  let predicate: ((request: HeldRequest) => boolean) | null = null;
  const held: HeldRequest[] = [];

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const request = { method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString('utf8') };
    if (predicate?.(request)) {
      held.push(request);
      return;
    }
    const hangUp = new AbortController();
    res.on('close', () => { if (!res.writableFinished) hangUp.abort(); });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && !['host', 'connection', 'content-length', 'transfer-encoding'].includes(k)) headers[k] = v;
    }
    try {
      const upstream = await fetch(target + request.path, {
        method: request.method, headers, body: ['GET', 'HEAD'].includes(request.method) ? undefined : body, signal: hangUp.signal,
      });
      const answer = Buffer.from(await upstream.arrayBuffer());
      const type = upstream.headers.get('content-type');
      res.writeHead(upstream.status, { ...(type ? { 'content-type': type } : {}), 'content-length': answer.length }).end(answer);
    } catch {
      if (!res.headersSent && !hangUp.signal.aborted) res.writeHead(502).end();
    }
  }

  const server = createServer((req, res) => void forward(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(next) { predicate = next; },
    held: () => [...held],
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
