/**
 * The one error type of Ombuds. Its `code` is stable and part of the outside contract
 * (`{"error":{"code","message","details?"}}`); only the server maps codes to HTTP statuses.
 */
export const errorCodes = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'illegal_transition',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'unavailable',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
