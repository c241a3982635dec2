import createError from '@fastify/error'

/**
 * Every thrown error class of the gateway. Expected outcomes are Results
 * (common/result.ts) mapped to HTTP by api/failure-status.ts; these are for
 * requests that cannot be served at all.
 */
export const UnauthorizedError = createError('GW_ERR_UNAUTHORIZED', 'a valid bearer token is required', 401)
export const ForbiddenError = createError('GW_ERR_FORBIDDEN', 'the %s role may not use this route', 403)
/** Work raced against a deadline (spool/deadline.ts) took longer; the work itself goes on. */
export const DeadlineExceededError = createError('GW_ERR_DEADLINE_EXCEEDED', '%s took longer than %d ms', 503)
