import createError from '@fastify/error'

/**
 * Every thrown error class of the gateway. Expected outcomes are Results
 * (shared/result.ts); these are for requests that cannot be served.
 */
export const NotFoundError = createError<[string, string]>('GW_ERR_NOT_FOUND', '%s %s not found', 404)
export const ConflictError = createError<[string]>('GW_ERR_CONFLICT', '%s', 409)
export const UnauthorizedError = createError('GW_ERR_UNAUTHORIZED', 'a valid bearer token is required', 401)
export const InvalidInputError = createError<[string]>('GW_ERR_INVALID_INPUT', '%s', 400)
export const ConfigError = createError<[string]>('GW_ERR_CONFIG', 'invalid configuration:\n%s', 500)
export const StorageUnavailableError = createError<[string]>('GW_ERR_STORAGE_UNAVAILABLE', 'storage unavailable: %s', 503)
