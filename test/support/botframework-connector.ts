/**
 * A local stand-in for the Bot Framework connector service (the `serviceUrl` of an activity):
 * records what the bot sends to a conversation and answers `{ id }` like the real one. Also serves
 * files under `/files/…` (attachment downloads) and, like login.botframework.com, an OpenID
 * document with the key that signs the channel tokens it issues; and builds real Activity JSON.
 * Conversations whose id starts with `blocked-` are refused with 403, as after a user blocks the bot.
 */
import { createPublicKey, createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  conversationId: string;
  /** Set when the bot replied to a specific activity (`…/activities/:activityId`). */
  replyToId?: string;
  /** The id the fake answered with. */
  id: string;
  authorization?: string;
  activity: Record<string, unknown>;
}

export interface FakeConnector {
  /** Use as the activity's `serviceUrl` (ends with `/`). */
  readonly serviceUrl: string;
  readonly received: ReceivedActivity[];
  /** Serves `body` at `${serviceUrl}files/${name}`. */
  serveFile(name: string, body: Buffer, contentType: string): string;
  /** Pass as the adapter's `openIdMetadataUrl` so it trusts `issueToken`'s tokens. */
  readonly openIdMetadataUrl: string;
  /** A signed channel → bot token, as the Bot Framework service sends in `Authorization: Bearer`. */
  issueToken(claims: { appId: string; serviceUrl: string; expiresInSeconds?: number; signedByStranger?: boolean }): string;
  /** Resolves with the first recorded activity (past or future) matching `predicate`. */
  waitFor(predicate: (r: ReceivedActivity) => boolean, timeoutMs?: number): Promise<ReceivedActivity>;
  close(): Promise<void>;
}

const ISSUER = 'https://api.botframework.com';
const KEY_ID = 'fake-connector-key';
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signJwt(claims: Record<string, unknown>, privateKey: string, kid: string): string {
  const unsigned = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

const activityPath = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: ReceivedActivity[] = [];
  const files = new Map<string, { body: Buffer; contentType: string }>();
  const waiters: { predicate: (r: ReceivedActivity) => boolean; resolve: (r: ReceivedActivity) => void }[] = [];

  const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  let base = '';

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const file = req.method === 'GET' && url.pathname.startsWith('/files/') ? files.get(url.pathname.slice(7)) : undefined;
      if (file) {
        res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length }).end(file.body);
        return;
      }
      if (req.method === 'GET' && url.pathname === '/openid') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}keys` }));
        return;
      }
      if (req.method === 'GET' && url.pathname === '/keys') {
        const jwk = createPublicKeyJwk(keys.publicKey);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ ...jwk, kid: KEY_ID, use: 'sig', endorsements: ['webchat', 'msteams', 'emulator'] }] }));
        return;
      }
      const match = req.method === 'POST' ? activityPath.exec(url.pathname) : null;
      let activity: unknown;
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        activity = undefined;
      }
      if (!match || typeof activity !== 'object' || activity === null) {
        res.writeHead(match ? 400 : 404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BadArgument', message: 'not an activity' } }));
        return;
      }
      // What the real service answers when the user removed the bot or blocked it.
      if (decodeURIComponent(match[1] ?? '').startsWith('blocked-')) {
        res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }));
        return;
      }
      const record: ReceivedActivity = {
        conversationId: decodeURIComponent(match[1] ?? ''),
        replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
        id: `fake-${randomUUID()}`,
        authorization: req.headers.authorization,
        activity: activity as Record<string, unknown>,
      };
      received.push(record);
      for (const w of [...waiters]) {
        if (w.predicate(record)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(record);
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: record.id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  base = serviceUrl;

  return {
    serviceUrl,
    received,
    openIdMetadataUrl: `${serviceUrl}openid`,
    issueToken({ appId, serviceUrl: forServiceUrl, expiresInSeconds = 3600, signedByStranger = false }) {
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: ISSUER, aud: appId, serviceurl: forServiceUrl, nbf: now - 60, iat: now - 60, exp: now + expiresInSeconds };
      return signJwt(claims, signedByStranger ? stranger.privateKey : keys.privateKey, KEY_ID);
    },
    serveFile(name, body, contentType) {
      files.set(name, { body, contentType });
      return `${serviceUrl}files/${name}`;
    },
    waitFor(predicate, timeoutMs = 5000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (r: ReceivedActivity) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake connector: nothing matching arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async close() {
      // The SDK's HTTP client keeps connections alive: drop them or close() waits for them.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function createPublicKeyJwk(pem: string): { kty: string; n: string; e: string } {
  const jwk = createPublicKey(pem).export({ format: 'jwk' });
  return { kty: 'RSA', n: String(jwk.n), e: String(jwk.e) };
}

export interface MessageActivityInput {
  serviceUrl: string;
  conversationId: string;
  userId: string;
  text: string;
  locale?: string;
  deliveryMode?: 'normal' | 'expectReplies';
  /** Default: a fresh id (pass the same one to simulate a redelivery). */
  id?: string;
  channelId?: string;
  userName?: string;
  attachments?: { contentType: string; contentUrl?: string; name?: string; content?: unknown }[];
}

/** A message activity as the Bot Framework service posts it to a bot. */
export function messageActivity(input: MessageActivityInput): Record<string, unknown> {
  return {
    type: 'message',
    id: input.id ?? randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: input.channelId ?? 'webchat',
    serviceUrl: input.serviceUrl,
    from: { id: input.userId, name: input.userName ?? 'Test User', role: 'user' },
    conversation: { id: input.conversationId },
    recipient: { id: 'ombuds-bot', name: 'Ombuds', role: 'bot' },
    text: input.text,
    textFormat: 'plain',
    locale: input.locale ?? 'en-US',
    ...(input.attachments ? { attachments: input.attachments } : {}),
    ...(input.deliveryMode ? { deliveryMode: input.deliveryMode } : {}),
    channelData: { clientActivityID: randomUUID() },
  };
}

/** Any other activity type (conversationUpdate, typing, event…) for the same conversation. */
export function otherActivity(type: string, input: Omit<MessageActivityInput, 'text'>): Record<string, unknown> {
  const { text: _text, textFormat: _format, ...rest } = messageActivity({ ...input, text: '' });
  return {
    ...rest,
    type,
    ...(type === 'conversationUpdate' ? { membersAdded: [{ id: input.userId }, { id: 'ombuds-bot' }] } : {}),
  };
}
