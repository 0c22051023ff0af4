/**
 * A tiny SMS gateway on 127.0.0.1 (any free port): keeps every `POST {"to","text"}` it accepts and,
 * on demand, answers 500 — echoing the request, as careless gateways do — to exercise retries.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  to: string;
  text: string;
  headers: IncomingHttpHeaders;
}

export interface SmsSink {
  /** SMS_GATEWAY_URL for the app. */
  url: string;
  /** SMS accepted (2xx). */
  messages: ReceivedSms[];
  /** Every request, accepted or not. */
  requests: number;
  /** The next `n` requests are answered 500. */
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startSmsSink(): Promise<SmsSink> {
  let failures = 0;
  const sink = {
    messages: [] as ReceivedSms[],
    requests: 0,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      sink.requests++;
      const raw = Buffer.concat(chunks).toString('utf8');
      if (failures > 0) {
        failures--;
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'upstream unavailable', request: raw }));
        return;
      }
      const body = JSON.parse(raw) as { to: string; text: string };
      sink.messages.push({ to: body.to, text: body.text, headers: req.headers });
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sms-${sink.messages.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `http://127.0.0.1:${port}/v1/sms`,
    failNext(n: number) { failures = n; },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}
