/** PostgreSQL's unique_violation, on both drivers (PGlite and pg expose `code`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  if (!e || e.code !== '23505') return false;
  return !constraint || e.constraint === constraint || String(e.message ?? '').includes(constraint);
}

function findPgError(error: unknown): { code?: string; constraint?: string; message?: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const c = current as { code?: unknown; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return current as never;
    current = c.cause;
  }
  return null;
}
