import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../db/domain/errors';
import { findSessionUser, type SessionUser } from '../db/users';
import type { UserRole } from '../db/schema';
import type { AppDeps } from './deps';

export const sessionCookie = 'ombuds_token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; set by `requireUser`. */
    user?: SessionUser;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? match[1]! : null;
  }
  return request.cookies?.[sessionCookie] ?? null;
}

/**
 * A preHandler that admits signed-in users with one of `roles` (any role when omitted). Every
 * `/api` route behind it is scoped to `request.user.tenantId`.
 */
export function requireUser(deps: AppDeps, roles?: readonly UserRole[]): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(request);
    if (!token || token.length > 200) throw new AppError('unauthorized', 'Sign in first: send Authorization: Bearer TOKEN.');
    const user = await findSessionUser(deps.db.db, token, deps.now());
    if (!user) throw new AppError('unauthorized', 'The session has expired or is not valid; sign in again.');
    if (roles && !roles.includes(user.role)) throw new AppError('forbidden', 'Your role does not allow this.');
    request.user = user;
  };
}

export function requireOperator(deps: AppDeps): preHandlerAsyncHookHandler {
  const signedIn = requireUser(deps);
  return async function (this: unknown, request, reply) {
    await signedIn.call(this as never, request, reply);
    if (!request.user?.isOperator) throw new AppError('forbidden', 'Only the installation operator may do this.');
  };
}

export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('unauthorized', 'Sign in first.');
  return request.user;
}
