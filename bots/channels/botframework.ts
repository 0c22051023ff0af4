/**
 * Bot Framework channel (Teams, Web Chat, Slack… through Azure Bot Service). The only file that
 * imports botbuilder.
 *
 * botbuilder reached end of support on 31 Dec 2025. Its successor, the Microsoft 365 Agents SDK
 * (`@microsoft/agents-hosting`), speaks the same Activity protocol, so swapping is local to this
 * file: its `CloudAdapter(authConfig)` replaces ours + `ConfigurationBotFrameworkAuthentication`,
 * `process(req, res, logic)` takes the same request/response shims, `continueConversation(appId,
 * reference, logic)` replaces `continueConversationAsync`, and a stored conversation reference is
 * the same JSON, so addresses saved by this version keep working. Nothing outside this file changes.
 */
import { randomUUID } from 'node:crypto';
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, TurnContext } from 'botbuilder';
import type { Activity, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { renderForChannel } from '../types';
import type { ChannelAdapter, ChannelAddress, ChannelCapabilities, InboundAttachment, InboundHandler, InboundMessage, OutboundMessage, WebhookRequest, WebhookResponse, WebhookRoute } from '../types';

/** Pino-compatible (and console-compatible) logger. */
export interface BotFrameworkLog {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface BotFrameworkAdapterOptions {
  /** The Ombuds tenant this bot serves. */
  tenantId: string;
  appId?: string;
  appPassword?: string;
  /** Set for a SingleTenant Azure app registration; unset means MultiTenant. */
  appTenantId?: string;
  /** Accept unauthenticated requests (local testing only: any bearer token is accepted). */
  anonymous: boolean;
  /** Default `/api/messages`. */
  path?: string;
  /**
   * Where the channel's token-signing keys are published. Default: the public Bot Framework
   * document; set it for a sovereign cloud or a local emulator (the tests sign their own tokens).
   */
  openIdMetadataUrl?: string;
  log?: BotFrameworkLog;
}

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ATTACHMENT_TIMEOUT_MS = 15_000;
export const botFrameworkCapabilities: ChannelCapabilities = { quickReplies: true, attachments: true, maxTextLength: 28_000 };

// Real channels send `null` for absent optional fields, so optional means nullish here.
const account = z.looseObject({ id: z.string().min(1).max(1024), name: z.string().max(1024).nullish() });
const attachment = z.looseObject({
  contentType: z.string().min(1).max(255),
  contentUrl: z.string().nullish(),
  name: z.string().max(1024).nullish(),
  content: z.unknown().optional(),
});
/** What we rely on before handing a body to the SDK; unknown fields pass through untouched. */
const activitySchema = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: z.string().min(1).max(1024).nullish(),
    channelId: z.string().min(1).max(256),
    serviceUrl: z.url({ protocol: /^https?$/ }),
    from: account,
    conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
    recipient: account.nullish(),
    text: z.string().max(100_000).nullish(),
    attachments: z.array(attachment).max(20).nullish(),
    locale: z.string().max(64).nullish(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).nullish(),
  })
  .refine((a) => a.type !== 'message' || !!a.id, { message: 'a message activity needs an id', path: ['id'] });
type ParsedActivity = z.infer<typeof activitySchema>;

/** A stored `address.data.reference`: enough to reach the conversation again. */
const referenceSchema = z.looseObject({
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

/**
 * botbuilder's public-cloud endpoints (its AuthenticationConstants, not exported by botbuilder):
 * once one endpoint is configured it expects all of them.
 */
const publicCloud = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
  ValidateAuthority: true,
};

const TURN_KEY = Symbol('ombuds.turn');
interface TurnState { error?: unknown }

function fail(status: number, code: string, message: string, details?: unknown): WebhookResponse {
  return { status, body: { error: details === undefined ? { code, message } : { code, message, details } } };
}

export function createBotFrameworkAdapter(options: BotFrameworkAdapterOptions): ChannelAdapter {
  const { tenantId, appId, appPassword, appTenantId, anonymous } = options;
  const path = options.path ?? '/api/messages';
  const log: BotFrameworkLog = options.log ?? console;
  const authenticated = !!(appId && appPassword);
  if (!authenticated && (appId || appPassword)) {
    throw new Error('Bot Framework: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD must be set together');
  }
  if (!authenticated && !anonymous) {
    throw new Error('Bot Framework: no app credentials (MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD) and BOTFRAMEWORK_ANONYMOUS is not set; the endpoint stays off');
  }

  const auth = new ConfigurationBotFrameworkAuthentication({
    ...(authenticated
      ? { MicrosoftAppId: appId, MicrosoftAppPassword: appPassword, MicrosoftAppType: appTenantId ? 'SingleTenant' : 'MultiTenant', MicrosoftAppTenantId: appTenantId }
      : {}),
    ...(options.openIdMetadataUrl ? { ...publicCloud, ToBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl } : {}),
  });
  // `process` answers 500 to any auth error that is not its own AuthenticationError (a forged
  // signature throws jsonwebtoken's), so remember the real error per activity and decide here.
  const authFailures = new WeakMap<object, unknown>();
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticateRequest(activity, authHeader);
    } catch (err) {
      authFailures.set(activity, err);
      throw err;
    }
  };
  const adapter = new CloudAdapter(auth);
  // The SDK rethrows without this and the request would end in its own 500 with the error text.
  adapter.onTurnError = async (context, error) => {
    const turn = context.turnState.get(TURN_KEY) as TurnState | undefined;
    if (turn) turn.error = error;
    log.error({ err: error, conversationId: context.activity?.conversation?.id }, 'botframework: turn failed');
  };

  let onMessage: InboundHandler | undefined;
  /** Turns in progress per conversation: replies sent meanwhile must go through them (expectReplies). */
  const inFlight = new Map<string, TurnContext[]>();

  async function logic(context: TurnContext, turn: TurnState): Promise<void> {
    context.turnState.set(TURN_KEY, turn);
    const activity = context.activity;
    // We offer no card actions, so an invoke is unexpected: acknowledge it rather than let the
    // SDK answer 501 (a 5xx for client input).
    if (activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
    if (activity.type !== 'message' || !onMessage) return;
    const conversationId = activity.conversation.id;
    const stack = inFlight.get(conversationId) ?? [];
    stack.push(context);
    inFlight.set(conversationId, stack);
    try {
      await onMessage(await toInbound(activity));
    } finally {
      stack.splice(stack.indexOf(context), 1);
      if (!stack.length) inFlight.delete(conversationId);
    }
  }

  async function toInbound(activity: Activity): Promise<InboundMessage> {
    const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>;
    return {
      tenantId,
      channel: 'botframework',
      channelMessageId: `bf:${activity.channelId}:${activity.conversation.id}:${activity.id}`,
      from: { externalId: activity.from.id, name: activity.from.name ?? undefined, languageCode: activity.locale ?? undefined },
      address: { channel: 'botframework', tenantId, externalId: activity.conversation.id, data: { reference } },
      text: activity.text ?? '',
      attachments: await inboundAttachments(activity.attachments ?? [], log),
      receivedAt: new Date(),
    };
  }

  async function handle(request: WebhookRequest): Promise<WebhookResponse> {
    if (!onMessage) return fail(503, 'not_ready', 'The Bot Framework channel is not started');
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      return fail(400, 'validation_failed', 'The body is not valid JSON');
    }
    const parsed = activitySchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return fail(400, 'validation_failed', 'The body is not a valid Bot Framework activity', issues);
    }
    const authorization = request.headers.authorization;
    // Spares the SDK (and its console.error) the commonest refusal; it still checks every token.
    if (authenticated && (typeof authorization !== 'string' || !authorization.trim())) {
      return fail(401, 'unauthorized', 'A Bot Framework token is required');
    }

    const turn: TurnState = {};
    // The response shim: `process` only ever sets a status and a body (never headers).
    const captured: { status: number; body?: unknown } = { status: 200 };
    const res = {
      socket: undefined,
      status(code: number) { captured.status = code; return res; },
      header() { return res; },
      send(payload: unknown) { captured.body = payload; return res; },
      end() { return res; },
    };
    const req = { body: body as Record<string, unknown>, headers: request.headers, method: 'POST' };
    try {
      await adapter.process(req, res, (context) => logic(context, turn));
    } catch (err) {
      captured.status = 500;
      turn.error ??= err;
    }

    if (authFailures.has(req.body)) {
      const err = authFailures.get(req.body);
      if (authUnavailable(err)) {
        // The signing keys could not be fetched: not the client's fault, and no crash either.
        log.error({ err }, 'botframework: could not check the token');
        return fail(503, 'unavailable', 'The request could not be authenticated right now');
      }
      const status = (err as { statusCode?: unknown }).statusCode === 403 ? 403 : 401;
      log.warn({ status, reason: (err as Error).message }, 'botframework: request refused');
      return fail(status, status === 401 ? 'unauthorized' : 'forbidden', 'The Bot Framework token was refused');
    }
    if (turn.error !== undefined || captured.status >= 500) {
      // The message may not be stored: say so, so the channel does not take it as delivered.
      return fail(500, 'internal_error', 'The message could not be processed');
    }
    if (captured.status >= 400) return fail(captured.status, 'validation_failed', String(captured.body ?? 'Bad request'));
    return { status: captured.status, body: captured.body, headers: captured.body === undefined ? undefined : { 'content-type': 'application/json' } };
  }

  async function send(to: ChannelAddress, message: OutboundMessage): Promise<{ externalMessageId: string }> {
    if (to.channel !== 'botframework') throw new Error(`botframework adapter cannot send to channel ${to.channel}`);
    const rendered = renderForChannel(message, botFrameworkCapabilities);
    const activities = rendered.texts.map((text, i): Partial<Activity> => {
      const last = i === rendered.texts.length - 1;
      const activity = last && rendered.quickReplies?.length ? MessageFactory.suggestedActions(rendered.quickReplies, text) : MessageFactory.text(text);
      // Plain: an agent's `*` or `_` must reach the customer as typed.
      activity.textFormat = 'plain';
      if (message.lang) activity.locale = message.lang;
      return activity;
    });

    const current = inFlight.get(to.externalId)?.at(-1);
    let responses: ({ id?: string } | undefined)[];
    if (current) {
      responses = await current.sendActivities(activities);
    } else {
      const parsed = referenceSchema.safeParse(to.data?.reference);
      if (!parsed.success) throw new Error('botframework: the address has no usable conversation reference');
      const reference = parsed.data as unknown as Partial<ConversationReference>;
      responses = [];
      let failure: unknown;
      await adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
        // Caught here, or onTurnError would swallow it and send() would report a delivery.
        try {
          responses = await context.sendActivities(activities);
        } catch (err) {
          failure = err;
        }
      });
      if (failure !== undefined) throw failure;
    }
    // expectReplies buffers replies in the HTTP response, where they get no id from the channel.
    return { externalMessageId: responses.at(-1)?.id || `bf-local:${randomUUID()}` };
  }

  const webhooks: WebhookRoute[] = [{ method: 'POST', path, handle }];
  return {
    name: 'botframework',
    tenantId,
    capabilities: botFrameworkCapabilities,
    webhooks,
    async start(handler) {
      onMessage = handler;
      if (!authenticated) {
        log.warn({ path }, '!!! botframework: ANONYMOUS MODE — any bearer token is accepted at this endpoint. For local testing only; never expose it. Set MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD in production. !!!');
      }
    },
    send,
    async stop() {
      onMessage = undefined;
      inFlight.clear();
    },
  };
}

/** Key download failures (network, or the SDK's AuthenticationError carrying a 5xx) versus a bad token. */
function authUnavailable(err: unknown): boolean {
  const e = err as { name?: unknown; code?: unknown; statusCode?: unknown } | undefined;
  return e?.name === 'FetchError' || typeof e?.code === 'string' || (typeof e?.statusCode === 'number' && e.statusCode >= 500);
}

type RawAttachment = NonNullable<ParsedActivity['attachments']>[number];

/** Images and documents with bytes; cards and inline HTML (no contentUrl) are not attachments for us. */
async function inboundAttachments(list: readonly unknown[], log: BotFrameworkLog): Promise<InboundAttachment[]> {
  const out: InboundAttachment[] = [];
  for (const item of list) {
    const a = item as RawAttachment;
    // Teams sends files as a download-info card whose real URL is inside `content`.
    const teamsFile = a.contentType === 'application/vnd.microsoft.teams.file.download.info'
      ? (a.content as { downloadUrl?: unknown } | undefined)?.downloadUrl
      : undefined;
    const url = typeof teamsFile === 'string' ? teamsFile : a.contentUrl;
    if (!url) continue;
    try {
      const fetched = await fetchBytes(url);
      if (!fetched) continue;
      const declared = typeof teamsFile === 'string' ? undefined : a.contentType;
      const contentType = (declared && declared !== 'application/octet-stream' ? declared : fetched.contentType) ?? 'application/octet-stream';
      out.push({ kind: kindOf(contentType), contentType, fileName: a.name ?? undefined, data: fetched.data });
    } catch (err) {
      log.warn({ err, contentType: a.contentType }, 'botframework: attachment dropped');
    }
  }
  return out;
}

function kindOf(contentType: string): InboundAttachment['kind'] {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.startsWith('video/')) return 'video';
  return 'document';
}

async function fetchBytes(url: string): Promise<{ data: Buffer; contentType?: string } | undefined> {
  if (url.startsWith('data:')) {
    const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(url);
    if (!match) throw new Error('malformed data: URI');
    const isBase64 = (match[2] ?? '').split(';').includes('base64');
    const payload = match[3] ?? '';
    const data = isBase64 ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
    if (data.length > MAX_ATTACHMENT_BYTES) throw new Error('attachment over 10 MB');
    return { data, contentType: match[1] || 'text/plain' };
  }
  if (!/^https?:\/\//i.test(url)) return undefined;
  const response = await fetch(url, { signal: AbortSignal.timeout(ATTACHMENT_TIMEOUT_MS) });
  if (!response.ok || !response.body) throw new Error(`attachment download failed with ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_ATTACHMENT_BYTES) {
    await response.body.cancel();
    throw new Error('attachment over 10 MB');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_ATTACHMENT_BYTES) {
      await reader.cancel();
      throw new Error('attachment over 10 MB');
    }
    chunks.push(value);
  }
  return { data: Buffer.concat(chunks), contentType: response.headers.get('content-type')?.split(';')[0]?.trim() || undefined };
}
