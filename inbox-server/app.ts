/**
 * The fastify application, built but not started: `buildApp(deps)` registers plugins and routes and
 * never listens, so tests run it on any port with their own database and clock.
 */
import { EventEmitter } from 'node:events';
import Fastify, { type FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createIntakeService } from '../bots/intake-service';
import { AdapterRegistry } from '../bots/registry';
import type { IntakeEvent } from '../bots/events';
import { setUpChannels } from './channels';
import { setUpInbox } from './inbox';
import { setUpNotifications, type Notifications } from './notifications';
import type { AppDeps } from './deps';
import { registerErrorHandling } from './http-errors';
import { loggerOptions } from './logging';
import { adminRoutes } from './routes/admin';
import { answerRoutes } from './routes/answers';
import { channelRoutes } from './routes/channels';
import { authRoutes } from './routes/auth';
import { cannedResponseRoutes } from './routes/canned-responses';
import { complaintRoutes } from './routes/complaints';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { supplierRoutes } from './routes/suppliers';
import { trackRoutes } from './routes/track';
import { checklistRoutes, workInstructionRoutes } from './routes/work-instructions';

declare module 'fastify' {
  interface FastifyInstance {
    /** Method and URL of every registered route. */
    routeList: { method: string; url: string }[];
    /** The running parts tests and later features reach: Socket.IO, intake events, channels. */
    ombuds: {
      io: Server;
      events: EventEmitter;
      intake: ReturnType<typeof createIntakeService>;
      registry: AdapterRegistry;
      channels: Awaited<ReturnType<typeof setUpChannels>>;
      inbox: Awaited<ReturnType<typeof setUpInbox>>;
      notifications: Notifications;
    };
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config.LOG_LEVEL),
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Ids in logs tie a 500 to its request without exposing anything to the client.
    genReqId: () => crypto.randomUUID(),
    // Errors fastify raises before routing (a malformed URL) get the uniform body too.
    frameworkErrors: (error, _request, reply) => {
      void (reply as unknown as { code(n: number): { send(b: unknown): void } }).code(400).send({ error: { code: 'validation_failed', message: error.message } });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // Every route registered, so a test can hold the OpenAPI document against the real list.
  const routeList: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url });
  });
  app.decorate('routeList', routeList);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Ombuds', version: '0.1.0', description: 'The complaint desk that lives in chat: HTTP API.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(metricsRoutes, { deps });
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/auth', deps });
  await app.register(trackRoutes, { prefix: '/api/track', deps });
  await app.register(complaintRoutes, { prefix: '/api/complaints', deps, kickOutbox: () => app.ombuds.notifications.outbox.kick() });
  await app.register(adminRoutes, { prefix: '/api/admin', deps });
  await app.register(answerRoutes, { prefix: '/api/answers', deps });
  await app.register(workInstructionRoutes, { prefix: '/api/work-instructions', deps });
  await app.register(checklistRoutes, { prefix: '/api/complaints', deps });
  await app.register(cannedResponseRoutes, { prefix: '/api/canned-responses', deps });
  await app.register(supplierRoutes, { prefix: '/api/suppliers', deps });

  // Socket.IO on the same HTTP server (the fastify-socket.io plugin is fastify-4-only).
  const io = new Server(app.server, { serveClient: false, cors: { origin: true }, maxHttpBufferSize: 1_000_000 });
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const registry = new AdapterRegistry();
  const notifications = setUpNotifications(app, deps, events);
  const intake = createIntakeService({
    staffNotice: notifications.staffNotice,
    db: deps.db.db, dataDir: deps.config.DATA_DIR, triage: deps.triage, adapters: registry, now: deps.now,
    log: app.log.child({ component: 'intake' }), publicUrl: deps.config.PUBLIC_URL ?? `http://${deps.config.HOST}:${deps.config.PORT}`,
    publish: (event: IntakeEvent) => events.emit('intake', event),
  });
  const channels = await setUpChannels(app, deps, io, intake, registry);
  const inbox = await setUpInbox(app, deps, io, events, intake, registry);
  await app.register(channelRoutes, { prefix: '/api/channels', deps, registry, channels });
  app.decorate('ombuds', { io, events, intake, registry, channels, inbox, notifications });
  app.addHook('onReady', async () => {
    await channels.start();
    notifications.start(intake);
  });
  app.addHook('preClose', async () => {
    await channels.stop();
    await notifications.stop();
    inbox.stop();
    await inbox.feed.drained();
    io.disconnectSockets(true);
    io.engine.close();
  });
  return app;
}
