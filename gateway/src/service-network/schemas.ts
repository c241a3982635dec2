import { Type, type Static } from '@sinclair/typebox'

export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

const Capability = Type.Union([Type.Literal('hv_battery'), Type.Literal('tyres'), Type.Literal('brakes'), Type.Literal('body'), Type.Literal('adas_calibration'), Type.Literal('general')])
const Hhmm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })

export const CenterBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
  region: Type.String({ minLength: 1, maxLength: 32 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  languages: Type.Array(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' }), { minItems: 1, maxItems: 10 }),
  openingHours: Type.Object(Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, Type.Optional(Type.Array(Type.Tuple([Hhmm, Hhmm]), { maxItems: 4 }))])), { additionalProperties: false, default: {}, description: 'day → [["08:00","18:00"], …] in the centre\'s local time' }),
  capabilities: Type.Array(Capability, { minItems: 1, uniqueItems: true }),
  baysPerDay: Type.Integer({ minimum: 1, maximum: 1000 }),
}, { additionalProperties: false })
export type CenterBodyT = Static<typeof CenterBody>

export const CenterView = Type.Object({
  id: Type.String(), name: Type.String(), country: Type.String(), region: Type.String(), lat: Type.Number(), lon: Type.Number(), timeZone: Type.String(),
  languages: Type.Array(Type.String()), openingHours: Type.Unknown(), capabilities: Type.Array(Type.String()), baysPerDay: Type.Integer(),
})

export const StockBody = Type.Array(Type.Object({
  partNumber: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,39}$' }),
  onHand: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  leadTimeDays: Type.Integer({ minimum: 0, maximum: 365 }),
}, { additionalProperties: false }), { minItems: 1, maxItems: 5000 })

export const StockView = Type.Array(Type.Object({ partNumber: Type.String(), onHand: Type.Integer(), reserved: Type.Integer(), available: Type.Integer(), leadTimeDays: Type.Integer() }))
