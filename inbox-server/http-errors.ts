import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type ErrorCode } from '../db/domain/errors';

/** The one table from error codes to HTTP statuses. */
export const httpStatusOf: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Fastify's own client errors (bad JSON, wrong content type, body too large) in our shape. */
function fromFastifyError(error: FastifyError): AppError | null {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('unsupported_media_type', 'This content type is not accepted here.');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large', 'The request body is too large.');
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('validation_failed', 'The JSON body is empty.');
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) return new AppError('validation_failed', 'The body is not valid JSON.');
  if (error.statusCode === 429) return new AppError('rate_limited', 'Too many requests; try again later.');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode === 404 ? 'not_found' : 'validation_failed', error.message);
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError | null = null;
    if (isAppError(error)) appError = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message }));
      const where = error.validationContext ?? 'request';
      appError = new AppError('validation_failed', `Invalid ${where}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, { issues });
    } else if ((error as { name?: string }).name === 'ZodError') {
      const issues = (error as unknown as { issues: { path: (string | number)[]; message: string }[] }).issues;
      appError = new AppError('validation_failed', issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '), { issues });
    } else appError = fromFastifyError(error);

    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    }
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    return reply.code(httpStatusOf[appError.code]).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } });
  });
}
