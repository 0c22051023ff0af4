/**
 * A stand-in for whatsapp-web.js's `Client` with the library's event names and method shapes,
 * so the adapter can be driven without a browser or a phone: tests emit 'qr', 'ready' and
 * incoming messages, and read what was sent.
 */
import { EventEmitter } from 'node:events';
import type { WebClientFactoryOptions, WebClientLike, WebMessageLike } from '../../bots/channels/whatsapp-web';

export interface FakeSentMessage {
  chatId: string;
  content: string;
  id: { _serialized: string; fromMe: true; remote: string; id: string };
}

export interface FakeIncoming {
  /** Sender chat id, e.g. '393331234567@c.us' (groups end in '@g.us'). */
  from: string;
  body?: string;
  /** Message key; generated when omitted. */
  id?: string;
  fromMe?: boolean;
  isStatus?: boolean;
  pushname?: string;
  timestamp?: number;
  type?: string;
  media?: { mimetype: string; data: Buffer; filename?: string };
  /** Makes downloadMedia() reject, as it does for expired media. */
  mediaFails?: boolean;
}

export interface FakeMessage extends WebMessageLike {
  id: { _serialized: string; fromMe: boolean; remote: string; id: string };
  to: string;
  type: string;
  timestamp: number;
  fromMe: boolean;
  isStatus: boolean;
}

export class FakeWhatsAppWebClient extends EventEmitter {
  readonly sent: FakeSentMessage[] = [];
  initializeCalls = 0;
  destroyed = false;
  /** What initialize() does: resolve (default), or reject with this error. */
  failInitializeWith?: Error;
  /** Makes sendMessage() reject. */
  failSendWith?: Error;
  readonly me = '15550001111@c.us';
  private counter = 0;

  constructor(readonly options?: WebClientFactoryOptions) {
    super();
  }

  async initialize(): Promise<void> {
    this.initializeCalls += 1;
    await Promise.resolve();
    if (this.failInitializeWith) throw this.failInitializeWith;
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  async sendMessage(chatId: string, content: string): Promise<{ id: FakeSentMessage['id'] }> {
    if (this.failSendWith) throw this.failSendWith;
    const key = `3EB0${String(++this.counter).padStart(16, '0')}`;
    const id = { _serialized: `true_${chatId}_${key}`, fromMe: true as const, remote: chatId, id: key };
    this.sent.push({ chatId, content, id });
    return { id };
  }

  emitQr(qr = '2@fakeQrPayload,abc=,def=,ghi='): void {
    this.emit('qr', qr);
  }

  /** What the library emits after a QR scan or a restored session. */
  emitReady(): void {
    this.emit('authenticated');
    this.emit('ready');
  }

  /** Emits 'message' with a Message-like object, as the library does for an incoming message. */
  receive(input: FakeIncoming): FakeMessage {
    const fromMe = input.fromMe ?? false;
    const key = input.id ?? `3A${String(++this.counter).padStart(18, '0')}`;
    const media = input.media;
    const message: FakeMessage = {
      id: { _serialized: `${fromMe}_${input.from}_${key}`, fromMe, remote: input.from, id: key },
      from: input.from,
      to: this.me,
      body: input.body ?? '',
      type: input.type ?? (media ? typeOf(media.mimetype) : 'chat'),
      timestamp: input.timestamp ?? Math.floor(Date.now() / 1000),
      fromMe,
      isStatus: input.isStatus ?? input.from === 'status@broadcast',
      broadcast: input.from.endsWith('@broadcast'),
      hasMedia: Boolean(media) || Boolean(input.mediaFails),
      downloadMedia: async () => {
        if (input.mediaFails) throw new Error('Media could not be downloaded (expired)');
        return media ? { mimetype: media.mimetype, data: media.data.toString('base64'), filename: media.filename ?? null } : undefined;
      },
      getContact: async () => ({ pushname: input.pushname ?? '', number: input.from.split('@')[0]! }),
    };
    this.emit('message', message);
    return message;
  }
}

function typeOf(mimetype: string): string {
  if (mimetype.startsWith('image/')) return 'image';
  if (mimetype.startsWith('audio/')) return 'ptt';
  if (mimetype.startsWith('video/')) return 'video';
  return 'document';
}

/** A clientFactory for the adapter that records each client it makes; `configure` runs on each. */
export function fakeClientFactory(configure?: (client: FakeWhatsAppWebClient, index: number) => void): {
  factory: (options: WebClientFactoryOptions) => WebClientLike;
  clients: FakeWhatsAppWebClient[];
  last(): FakeWhatsAppWebClient;
} {
  const clients: FakeWhatsAppWebClient[] = [];
  return {
    clients,
    factory: (options) => {
      const client = new FakeWhatsAppWebClient(options);
      configure?.(client, clients.length);
      clients.push(client);
      return client;
    },
    last: () => {
      const client = clients[clients.length - 1];
      if (!client) throw new Error('no WhatsApp Web client was created yet');
      return client;
    },
  };
}
