import type { FastifyReply } from 'fastify'
import type { Failure } from '../shared/result.js'

/** The one table from domain failure codes to HTTP statuses. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  GW_VEHICLE_EXISTS: 409,
  GW_VEHICLE_BAD_ID: 400,
  GW_VEHICLE_NOT_FOUND: 404,
  GW_SIGNAL_UNKNOWN: 404,
  GW_HISTORY_BAD_RANGE: 400,
  GW_HISTORY_TOO_MANY_POINTS: 400,
  GW_ALERT_NOT_FOUND: 404,
  GW_ALERT_INVALID_TRANSITION: 409,
  GW_ALERT_CONFLICT: 409,
  GW_ALERT_NOTE_REQUIRED: 400,
  GW_WEBHOOK_NOT_FOUND: 404,
  GW_WEBHOOK_NO_TENANT: 403,
  GW_RULE_INVALID: 400,
  GW_RULE_EXISTS: 409,
  GW_RULE_NOT_FOUND: 404,
  GW_RULE_NOT_REPLAYABLE: 400,
  GW_RULE_TEST_BAD_RANGE: 400,
  GW_RULE_TEST_TOO_LARGE: 400,
  GW_DIAG_VEHICLE_OFFLINE: 409,
  GW_DIAG_VEHICLE_ASLEEP: 409,
  GW_DIAG_NOT_PARKED: 409,
  GW_DIAG_RATE_LIMITED: 429,
  GW_DIAG_NEGATIVE_RESPONSE: 502,
  GW_DIAG_TIMEOUT: 504,
  GW_DIAG_COMMAND_NOT_FOUND: 404,
  GW_AUTH_BAD_CREDENTIALS: 401,
  GW_AUTH_LOCKED: 429,
  GW_AUTH_BUSY: 503,
  GW_USER_EXISTS: 409,
  GW_USER_NOT_FOUND: 404,
  GW_USER_INVALID: 400,
  GW_TENANT_FLEET_TAKEN: 409,
  GW_TENANT_NOT_FOUND: 404,
  GW_TOKEN_NOT_FOUND: 404,
  GW_OTA_ARTIFACT_TOO_LARGE: 413,
  GW_OTA_ARTIFACT_EMPTY: 400,
  GW_OTA_BAD_METADATA: 400,
  GW_OTA_ARTIFACT_NOT_FOUND: 404,
  GW_OTA_BAD_PLAN: 400,
  GW_OTA_NO_VEHICLES: 422,
  GW_OTA_CAMPAIGN_NOT_FOUND: 404,
  GW_OTA_ILLEGAL_CONTROL: 409,
  GW_OTA_CAMPAIGN_OUT_OF_SCOPE: 403,
  GW_OTA_VEHICLE_AUTH: 401,
  GW_OTA_URL_BAD_SIGNATURE: 403,
  GW_OTA_URL_EXPIRED: 403,
  GW_OTA_URL_OTHER_VEHICLE: 403,
  GW_OTA_RANGE_NOT_SATISFIABLE: 416,
}

/** Failures that pass with time: the client is told when to try again. */
const RETRY_AFTER_S_BY_CODE: Readonly<Record<string, number>> = {
  GW_AUTH_BUSY: 1,
}

export function sendFailure (reply: FastifyReply, failure: Failure): FastifyReply {
  const status = STATUS_BY_CODE[failure.code] ?? 500
  const retryAfter = RETRY_AFTER_S_BY_CODE[failure.code]
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter))
  return reply.code(status).send({ code: failure.code, message: failure.detail })
}
