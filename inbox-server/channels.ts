/**
 * Builds and starts the channels the configuration enables, mounts their webhooks (raw bodies,
 * for signatures), the web-chat namespace and upload, and the sweeper that finishes interrupted
 * messages. Channels of tenant `demo` come from the environment (INTERFACES.md).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import multipart from '@fastify/multipart';
import type { Server } from 'socket.io';
import { AppError } from '../db/domain/errors';
import { findTenantBySlug } from '../db/tenants';
import { maxAttachmentBytes, storeAttachment } from '../bots/attachments';
import { createBotFrameworkAdapter } from '../bots/channels/botframework';
import { createTelegramAdapter } from '../bots/channels/telegram';
import { createWebchatAdapter } from '../bots/channels/webchat';
import { createWhatsAppCloudAdapter } from '../bots/channels/whatsapp-cloud';
import { createWhatsAppWebAdapter, type WhatsAppWebAdapter } from '../bots/channels/whatsapp-web';
import type { IntakeService } from '../bots/intake-service';
import type { AdapterRegistry } from '../bots/registry';
import type { ChannelAdapter, WebhookResponse, WebhookRoute } from '../bots/types';
import type { AppDeps } from './deps';
import { webchatSessions } from './webchat-sessions';

export interface Channels {
  whatsappWeb: WhatsAppWebAdapter | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function setUpChannels(app: FastifyInstance, deps: AppDeps, io: Server, intake: IntakeService, registry: AdapterRegistry): Promise<Channels> {
  const { config } = deps;
  const log = app.log.child({ component: 'channels' });
  const demo = await findTenantBySlug(deps.db.db, 'demo');
  const adapters: ChannelAdapter[] = [];
  const sessions = webchatSessions(deps.db.db);

  adapters.push(createWebchatAdapter({
    namespace: io.of('/webchat'), log,
    tenantBySlug: async (slug) => (await findTenantBySlug(deps.db.db, slug))?.tenantId ?? null,
    sessionExists: sessions.exists,
    history: (tenantId, sessionId) => sessions.history(tenantId, sessionId, intake),
    onCustomerTyping: (tenantId, sessionId) => {
      void sessions.conversation(sessionId).then((c) => {
        if (c && c.tenantId === tenantId) io.of('/inbox').to(`conversation:${c.id}`).emit('typing', { conversationId: c.id, from: 'customer' });
      }).catch(() => undefined);
    },
  }));

  let whatsappWeb: WhatsAppWebAdapter | null = null;
  if (demo) {
    const tenantId = demo.tenantId;
    if (config.TELEGRAM_BOT_TOKEN) {
      const webhook = config.TELEGRAM_WEBHOOK_URL
        ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET ?? '', path: new URL(config.TELEGRAM_WEBHOOK_URL).pathname }
        : undefined;
      if (webhook && !webhook.secret) throw new Error('Invalid configuration: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL');
      adapters.push(createTelegramAdapter({ tenantId, token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, webhook, log }));
    }
    if (config.WHATSAPP_WEB) {
      whatsappWeb = createWhatsAppWebAdapter({ tenantId, dataDir: config.DATA_DIR, chromiumPath: config.CHROMIUM_PATH, log, clientFactory: deps.whatsappWebClientFactory });
      adapters.push(whatsappWeb);
    }
    if (config.WHATSAPP_CLOUD_TOKEN && config.WHATSAPP_CLOUD_PHONE_ID && config.WHATSAPP_CLOUD_APP_SECRET && config.WHATSAPP_CLOUD_VERIFY_TOKEN) {
      adapters.push(createWhatsAppCloudAdapter({
        tenantId, token: config.WHATSAPP_CLOUD_TOKEN, phoneNumberId: config.WHATSAPP_CLOUD_PHONE_ID,
        appSecret: config.WHATSAPP_CLOUD_APP_SECRET, verifyToken: config.WHATSAPP_CLOUD_VERIFY_TOKEN,
        graphApiRoot: config.WHATSAPP_GRAPH_API_ROOT, log,
      }));
    }
    if ((config.MICROSOFT_APP_ID && config.MICROSOFT_APP_PASSWORD) || config.BOTFRAMEWORK_ANONYMOUS) {
      adapters.push(createBotFrameworkAdapter({
        tenantId, appId: config.MICROSOFT_APP_ID, appPassword: config.MICROSOFT_APP_PASSWORD,
        appTenantId: config.MICROSOFT_APP_TENANT_ID, anonymous: config.BOTFRAMEWORK_ANONYMOUS, log,
      }));
    }
  }
  for (const adapter of adapters) registry.add(adapter);

  await app.register(async (scope) => {
    // Webhooks verify signatures over the exact bytes received, so bodies stay raw here.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    for (const route of adapters.flatMap((a) => a.webhooks ?? [])) mountWebhook(scope, route);
  });
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxAttachmentBytes, files: 1, fields: 5 } });
    scope.post('/webchat/upload', { schema: { tags: ['web chat'], summary: 'Upload a photo or document to a web-chat session (multipart: sessionId, file) → {id}', consumes: ['multipart/form-data'] } }, async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send multipart/form-data with the fields sessionId and file.');
      let sessionId: string | undefined;
      let file: { data: Buffer; filename: string } | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'field' && part.fieldname === 'sessionId') sessionId = String(part.value);
        else if (part.type === 'file') {
          const data = await part.toBuffer();
          if (part.file.truncated) throw new AppError('payload_too_large', 'Files may be at most 10 MB.');
          file = { data, filename: part.filename };
        }
      }
      if (!sessionId || !file) throw new AppError('validation_failed', 'Both sessionId and file are needed.');
      const conversation = await sessions.conversation(sessionId);
      if (!conversation) throw new AppError('not_found', 'No web-chat session with this id; send a message first.');
      const stored = await storeAttachment(deps.db.db, config.DATA_DIR, { tenantId: conversation.tenantId, conversationId: conversation.id, data: file.data, fileName: file.filename });
      return reply.code(201).send({ id: stored.id });
    });
  });

  let sweeper: NodeJS.Timeout | undefined;
  return {
    whatsappWeb,
    async start() {
      // A platform that is down must not keep the desk from starting: each channel gets a few
      // seconds, then goes on starting in the background while the server serves.
      await Promise.all(adapters.map(async (adapter) => {
        const started = adapter.start(intake.receive).catch((error: unknown) => log.error({ err: error, channel: adapter.name }, 'channel failed to start'));
        const timer = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), 5_000).unref());
        if ((await Promise.race([started, timer])) === 'slow') log.warn({ channel: adapter.name }, 'channel still starting; continuing without waiting');
      }));
      await intake.retryUnfinished(0).catch((error: unknown) => log.error({ err: error }, 'retry of unfinished messages failed'));
      sweeper = setInterval(() => void intake.retryUnfinished().catch(() => undefined), 10_000);
      sweeper.unref();
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      for (const adapter of adapters) await adapter.stop().catch(() => undefined);
    },
  };
}

function mountWebhook(app: FastifyInstance, route: WebhookRoute): void {
  app.route({
    method: route.method,
    url: route.path,
    schema: { tags: ['channels'], summary: `Channel webhook (${route.path})`, hide: false },
    handler: async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const response = await route.handle({
        method: request.method, headers: request.headers, query: request.query as Record<string, string | undefined>, rawBody: body,
      });
      return send(reply, response);
    },
  });
}

function send(reply: FastifyReply, response: WebhookResponse): FastifyReply {
  reply.code(response.status);
  for (const [k, v] of Object.entries(response.headers ?? {})) reply.header(k, v);
  if (typeof response.body === 'string') return reply.send(response.body);
  return reply.send(response.body ?? {});
}
