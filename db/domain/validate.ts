import type { z } from 'zod';
import { AppError } from './errors';

/** Parses one input field; a failure is a `validation_failed` error naming the field. */
export function parseField<T extends z.ZodType>(schema: T, value: unknown, field: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('validation_failed', `${field}: ${result.error.issues[0]?.message ?? 'invalid value'}`, { field });
}
