/**
 * The contract between channels and the conversation engine. A channel adapter turns platform
 * messages into `InboundMessage`s and `OutboundMessage`s into platform calls; it knows nothing of
 * complaints. Each platform SDK is imported in exactly one adapter file.
 */
export const channelNames = ['webchat', 'telegram', 'whatsapp', 'whatsapp_cloud', 'botframework', 'phone', 'email'] as const;
export type ChannelName = (typeof channelNames)[number];

/** Where replies go: the platform's chat/user id plus what the platform needs to reply later. */
export interface ChannelAddress {
  channel: ChannelName;
  tenantId: string;
  /** Chat id (Telegram), phone number (WhatsApp), session id (web chat), conversation id (Bot Framework). */
  externalId: string;
  /** Extra data needed to reply, e.g. a Bot Framework conversation reference. JSON-serialisable. */
  data?: Record<string, unknown>;
}

export interface InboundAttachment {
  kind: 'image' | 'document' | 'audio' | 'video';
  contentType: string;
  fileName?: string;
  /** The bytes, when the adapter fetched them (Telegram getFile, WhatsApp media). */
  data?: Buffer;
  /** Or an attachment already stored (web-chat upload). */
  attachmentId?: string;
}

export interface InboundMessage {
  tenantId: string;
  channel: ChannelName;
  /**
   * The platform's id for this message, unique within the channel across the installation
   * (adapters prefix it with their bot/number/session): a redelivery carries the same id and is
   * stored once.
   */
  channelMessageId: string;
  from: {
    /** Stable id of the sender on the platform (chat id, phone, session id, Bot Framework user id). */
    externalId: string;
    name?: string;
    /** E.164 when the platform knows it (WhatsApp, Telegram shared contact). */
    phone?: string;
    email?: string;
    /** Platform language hint (Telegram `language_code`, Bot Framework `locale`). */
    languageCode?: string;
  };
  address: ChannelAddress;
  text: string;
  attachments: InboundAttachment[];
  receivedAt: Date;
}

export interface OutboundMessage {
  /** Our id of the stored message, where the channel can show it (web chat). */
  id?: string;
  text: string;
  /** Choices offered as buttons where the channel has them, else as a numbered list. */
  quickReplies?: string[];
  /** The language of the text (for right-to-left rendering of Persian). */
  lang?: string;
  /** Who speaks: the bot or a person (agent replies relayed from the inbox). */
  from?: 'bot' | 'agent';
}

export interface ChannelCapabilities {
  quickReplies: boolean;
  attachments: boolean;
  maxTextLength: number;
}

/** A request reaching an adapter's webhook, as plain data (the server owns HTTP). */
export interface WebhookRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | undefined>;
  /** The body exactly as received: signatures are computed over these bytes. */
  rawBody: Buffer;
}

export interface WebhookResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface WebhookRoute {
  method: 'GET' | 'POST';
  /** Absolute path, e.g. `/webhooks/telegram/demo`. */
  path: string;
  handle(request: WebhookRequest): Promise<WebhookResponse>;
}

/** Resolves once the message is stored (and normally processed); may tell the stored id. */
export type InboundHandler = (message: InboundMessage) => Promise<void | { id: string }>;

export interface ChannelAdapter {
  readonly name: ChannelName;
  /** The tenant this adapter serves, or `*` for adapters shared by all tenants (web chat). */
  readonly tenantId: string;
  readonly capabilities: ChannelCapabilities;
  /** Webhook endpoints the server mounts for this adapter (none for polling adapters). */
  readonly webhooks?: readonly WebhookRoute[];
  /**
   * Starts receiving. `onMessage` resolves once the message is stored; an adapter must not
   * acknowledge a platform delivery before that when the platform would otherwise redeliver.
   */
  start(onMessage: InboundHandler): Promise<void>;
  send(to: ChannelAddress, message: OutboundMessage): Promise<{ externalMessageId: string }>;
  /** Shows the customer that a person is typing, where the platform can. */
  typing?(to: ChannelAddress): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Degrades a message to what a channel can show: quick replies become a numbered list, long
 * text is split at paragraph or sentence boundaries.
 */
export function renderForChannel(message: OutboundMessage, capabilities: ChannelCapabilities): { texts: string[]; quickReplies?: string[] } {
  let text = message.text;
  let quickReplies = message.quickReplies;
  if (quickReplies?.length && !capabilities.quickReplies) {
    text += '\n\n' + quickReplies.map((q, i) => `${i + 1}. ${q}`).join('\n');
    quickReplies = undefined;
  }
  return { texts: splitText(text, capabilities.maxTextLength), quickReplies };
}

export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('. '), window.lastIndexOf('\n'));
    const at = cut > max / 2 ? cut + 1 : max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
