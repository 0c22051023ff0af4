import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../db/domain/errors';
import { decoySecretHash, verifySecret } from '../../db/secrets';
import { createSession, findUserByEmail, recordLoginFailure, recordLoginSuccess, revokeSession, sessionDays } from '../../db/users';
import { bearerToken, currentUser, requireUser, sessionCookie } from '../auth';
import type { AppDeps } from '../deps';
import { errorResponses } from '../schemas';

const userSchema = z.object({
  id: z.string(), tenantId: z.string(), email: z.string(), displayName: z.string(),
  role: z.enum(['admin', 'supervisor', 'agent', 'viewer']), isOperator: z.boolean(),
});

const wrongCredentials = () =>
  new AppError('unauthorized', 'The e-mail or password is wrong, or the account is locked for a while after too many attempts.');

export const authRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db.db;
  const secureCookie = deps.config.COOKIE_SECURE ?? deps.config.PUBLIC_URL?.startsWith('https:') ?? false;

  app.post('/login', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'], summary: 'Sign in; the token works as a Bearer token and is also set as an HttpOnly cookie',
      body: z.object({ email: z.string().max(254), password: z.string().max(200) }),
      response: { 200: z.object({ token: z.string(), expiresAt: z.string(), user: userSchema }), ...errorResponses },
    },
  }, async (request, reply) => {
    const now = deps.now();
    const user = await findUserByEmail(db, request.body.email);
    if (!user) {
      await verifySecret(await decoySecretHash(), request.body.password); // same cost as a real check
      throw wrongCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) throw wrongCredentials();
    if (!(await verifySecret(user.passwordHash, request.body.password))) {
      await recordLoginFailure(db, user, now);
      throw wrongCredentials();
    }
    await recordLoginSuccess(db, user);
    const session = await createSession(db, user, now);
    reply.setCookie(sessionCookie, session.token, {
      httpOnly: true, sameSite: 'strict', secure: secureCookie, path: '/', maxAge: sessionDays * 86_400,
    });
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: { id: user.id, tenantId: user.tenantId, email: user.email, displayName: user.displayName, role: user.role, isOperator: user.isOperator },
    };
  });

  app.post('/logout', {
    preHandler: requireUser(deps),
    schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const token = bearerToken(request);
    if (token) await revokeSession(db, token, deps.now());
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/me', {
    preHandler: requireUser(deps),
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: userSchema, ...errorResponses } },
  }, async (request) => currentUser(request));
};
