/**
 * Jira's error answers: `{errorMessages: [...], errors: {field: message}}` with the HTTP status.
 */
import type { FastifyInstance } from 'fastify';

export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
  ) {
    super(errorMessages.join('; ') || Object.values(errors).join('; '));
    this.name = 'JiraHttpError';
  }
}

/** 400 with a message. */
export const badRequest = (message: string, errors: Record<string, string> = {}) =>
  new JiraHttpError(400, message ? [message] : [], errors);
/** 403 with a message. */
export const forbidden = (message: string) => new JiraHttpError(403, [message]);
/** 404 for an issue the user cannot see or that does not exist (Jira answers the same for both). */
export const issueNotFound = () =>
  new JiraHttpError(404, ['Issue does not exist or you do not have permission to see it.']);

/**
 * Answers JiraHttpError as Jira does; fastify's own validation and parse errors become Jira-style 400s.
 * @example installErrorHandler(app)
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof JiraHttpError) {
      return reply.status(error.status).send({ errorMessages: error.errorMessages, errors: error.errors });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) app.log.error(error);
    return reply.status(status).send({ errorMessages: [(error as Error).message], errors: {} });
  });
}

/** JSM's i18n keys of the sandbox's errors, by HTTP status. */
const JSM_KEYS: Record<number, string> = {
  400: 'sd.sandbox.error.invalid.request',
  401: 'sd.sandbox.error.not.authenticated',
  403: 'sd.sandbox.error.permission.denied',
  404: 'sd.sandbox.error.not.found',
};

/**
 * Answers errors as JSM's REST API (/rest/servicedeskapi) does: its ErrorResponse `{errorMessage, i18nErrorMessage:
 * {i18nKey, parameters}}`, not the platform's ErrorCollection.
 * @example installJsmErrorHandler(jsmScope)
 */
export function installJsmErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    const status =
      error instanceof JiraHttpError ? error.status : ((error as { statusCode?: number }).statusCode ?? 500);
    if (status >= 500) app.log.error(error);
    const message =
      error instanceof JiraHttpError
        ? [...error.errorMessages, ...Object.values(error.errors)].join(' ')
        : (error as Error).message;
    return reply.status(status).send({
      errorMessage: message,
      i18nErrorMessage: { i18nKey: JSM_KEYS[status] ?? 'sd.sandbox.error', parameters: [] },
    });
  });
}
