import { Type, type Static } from '@sinclair/typebox'

export const VehicleIdParam = Type.Object({
  id: Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$', description: 'VIN' }),
})

export const NewVehicleBody = Type.Object({
  id: Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$', description: 'VIN (ISO 3779), also the MQTT client id' }),
  model: Type.String({ minLength: 1, maxLength: 64 }),
  region: Type.String({ minLength: 1, maxLength: 32, description: 'market, e.g. EU, LATAM, SEA, AU' }),
  fleet: Type.String({ minLength: 1, maxLength: 64 }),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, default UTC' })),
  country: Type.Optional(Type.String({ description: 'ISO 3166-1 alpha-2 country the vehicle is sold into (its data policy follows it)' })),
}, { additionalProperties: false })

// Null first: the request validator coerces types, and would turn null into "" for a string tried first.
export const CountryBody = Type.Object({ country: Type.Union([Type.Null(), Type.String({ minLength: 2 })], { description: 'ISO 3166-1 alpha-2, or null to clear' }) }, { additionalProperties: false })

const PolicyValue = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Object({ value: t, from: Type.String({ description: 'country:XX | region:NAME | * | default' }) })
/** The data policy in effect for a vehicle, each value with where it came from. */
export const EffectivePolicy = Type.Object({
  telemetryDays: PolicyValue(Type.Integer()), positionDays: PolicyValue(Type.Integer()), auditDays: PolicyValue(Type.Integer()),
  positionDecimals: PolicyValue(Type.Union([Type.Integer(), Type.Null()])), export: PolicyValue(Type.Boolean()),
  residency: PolicyValue(Type.String({ description: 'cell: the data stays in the cell serving the country; any: no such rule' })),
})

export const Ecu = Type.Object({ ecuId: Type.String(), hardwareId: Type.String(), softwareVersion: Type.String() })

export const Vehicle = Type.Object({
  id: Type.String(),
  model: Type.String(),
  region: Type.String(),
  fleet: Type.String(),
  timeZone: Type.String(),
  country: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  credentialsRotatedAt: Type.String({ format: 'date-time' }),
  revoked: Type.Boolean(),
  online: Type.Boolean(),
  powerState: Type.String({ description: 'unknown | awake | driving | asleep | offline' }),
  ignitionOn: Type.Union([Type.Boolean(), Type.Null()]),
  session: Type.Union([Type.Integer(), Type.Null()]),
  lastSeenAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  ecus: Type.Array(Ecu),
})
export type VehicleDto = Static<typeof Vehicle>

export const Credentials = Type.Object({
  username: Type.String(),
  password: Type.String({ description: 'shown once; store it in the vehicle' }),
})

export const VehicleListQuery = Type.Object({
  model: Type.Optional(Type.String()),
  region: Type.Optional(Type.String()),
  fleet: Type.Optional(Type.String()),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  online: Type.Optional(Type.Boolean()),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
})

export const SignalValue = Type.Object({
  signalId: Type.Integer(),
  name: Type.String(),
  unit: Type.String(),
  value: Type.Number(),
  ts: Type.String({ format: 'date-time' }),
})

export const HistoryParams = Type.Object({
  id: VehicleIdParam.properties.id,
  signal: Type.String({ description: 'VSS name or numeric catalog id' }),
})

export const HistoryQuery = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  bucket: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 * 31, description: 'bucket width in seconds; default: raw up to HISTORY_RAW_MAX_S, then about 500 buckets' })),
})

export const HistoryPoint = Type.Object({
  ts: Type.String({ format: 'date-time' }),
  value: Type.Optional(Type.Number()),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  avg: Type.Optional(Type.Number()),
  last: Type.Optional(Type.Number()),
  count: Type.Optional(Type.Integer()),
})

export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
