import { Type } from '@sinclair/typebox'

export const AlertIdParam = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const AlertListQuery = Type.Object({
  lang: Type.Optional(Type.String({ pattern: '^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'language of rule names and reasons (default: Accept-Language, then en)' })),
  fleet: Type.Optional(Type.String()),
  region: Type.Optional(Type.String()),
  vehicle: Type.Optional(Type.String({ description: 'VIN' })),
  severity: Type.Optional(Type.Union(['critical', 'major', 'minor', 'warning'].map((s) => Type.Literal(s)))),
  state: Type.Optional(Type.Union(['open', 'acknowledged', 'resolved'].map((s) => Type.Literal(s)))),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
})

export const AlertBody = Type.Object({
  id: Type.String(),
  vehicleId: Type.String(),
  region: Type.String(),
  fleet: Type.String(),
  ruleId: Type.String(),
  ruleName: Type.String({ description: 'in the reader\'s language (?lang= or Accept-Language); a rule someone wrote keeps its name' }),
  severity: Type.String(),
  state: Type.String(),
  status: Type.String({ description: 'ThingsBoard-style: ACTIVE_UNACK | ACTIVE_ACK | CLEARED_UNACK | CLEARED_ACK' }),
  openedAt: Type.String({ format: 'date-time' }),
  raisedAt: Type.String({ format: 'date-time' }),
  acknowledgedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  resolvedBy: Type.Union([Type.String(), Type.Null()]),
  reopenCount: Type.Integer(),
  reason: Type.String({ description: 'why the rule raised, in the reader\'s language; evidence.message holds the catalogue key and values' }),
  evidence: Type.Unknown({ description: 'observed value, threshold, prediction, DTC freeze frame' }),
})

export const NoteBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false })
export const OptionalNoteBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, { additionalProperties: false })

export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })

export const VerdictBody = Type.Object({
  outcome: Type.Union([Type.Literal('confirmed'), Type.Literal('false-alarm'), Type.Literal('not-verified')], { description: 'confirmed fault, false alarm, or could not verify' }),
  part: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'the part found faulty (required for confirmed)' })),
}, { additionalProperties: false })
export const ResolveBody = Type.Object({
  note: Type.String({ minLength: 1, maxLength: 2000 }),
  verdict: Type.Optional(VerdictBody),
}, { additionalProperties: false })
