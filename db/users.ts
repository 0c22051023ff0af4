import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from './client';
import { sessions, users, userRoles, type UserRole } from './schema';
import { AppError } from './domain/errors';
import { parseField } from './domain/validate';
import { isUniqueViolation } from './errors';
import { hashSecret, newToken, tokenHash } from './secrets';

export type User = typeof users.$inferSelect;
export const emailSchema = z.string().trim().toLowerCase().email().max(254);
export const passwordSchema = z.string().min(8, 'a password has at least 8 characters').max(200);
export const roleSchema = z.enum(userRoles);

export interface NewUser {
  tenantId: string;
  email: string;
  password: string;
  role: UserRole;
  displayName?: string;
  isOperator?: boolean;
  passwordGenerated?: boolean;
}

export async function createUser(db: Executor, input: NewUser): Promise<User> {
  const email = parseField(emailSchema, input.email, 'email');
  parseField(passwordSchema, input.password, 'password');
  parseField(roleSchema, input.role, 'role');
  const passwordHash = await hashSecret(input.password);
  try {
    const [row] = await db.insert(users).values({
      tenantId: input.tenantId,
      email,
      displayName: input.displayName?.trim() || email.split('@')[0]!,
      passwordHash,
      role: input.role,
      isOperator: input.isOperator ?? false,
      passwordGenerated: input.passwordGenerated ?? false,
    }).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw new AppError('conflict', `A user with e-mail ${email} already exists.`);
    throw error;
  }
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`).limit(1);
  return row ?? null;
}

export async function setPassword(db: Executor, userId: string, password: string, generated: boolean): Promise<void> {
  await db.update(users)
    .set({ passwordHash: await hashSecret(password), passwordGenerated: generated, failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
}

/** Brute-force lockout: after `maxFailures` wrong passwords the account is locked for a while. */
export const loginPolicy = { maxFailures: 5, lockMinutes: 15 };

export async function recordLoginFailure(db: Executor, user: User, now: Date): Promise<void> {
  const failures = user.failedLogins + 1;
  const locked = failures >= loginPolicy.maxFailures;
  await db.update(users).set({
    failedLogins: locked ? 0 : failures,
    lockedUntil: locked ? new Date(now.getTime() + loginPolicy.lockMinutes * 60_000) : user.lockedUntil,
  }).where(eq(users.id, user.id));
}

export async function recordLoginSuccess(db: Executor, user: User): Promise<void> {
  if (user.failedLogins === 0 && !user.lockedUntil) return;
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
}

export const sessionDays = 7;

export async function createSession(db: Executor, user: User, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + sessionDays * 86_400_000);
  await db.insert(sessions).values({ tenantId: user.tenantId, userId: user.id, tokenHash: tokenHash(token), expiresAt });
  return { token, expiresAt };
}

export type SessionUser = Pick<User, 'id' | 'tenantId' | 'email' | 'displayName' | 'role' | 'isOperator'>;

export async function findSessionUser(db: Executor, token: string, now: Date): Promise<SessionUser | null> {
  const [row] = await db.select({
    id: users.id, tenantId: users.tenantId, email: users.email, displayName: users.displayName,
    role: users.role, isOperator: users.isOperator,
  }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, now), isNull(sessions.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function revokeSession(db: Executor, token: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash(token)));
}
