import { Type } from '@sinclair/typebox'
import { REQUIRED_ACTIONS, SEVERITIES } from './incident.core.js'

export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
export const IncidentIdParam = Type.Object({ id: Type.String({ format: 'uuid' }) })

const Names = (description: string) => Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500, description })
const Texts = (description: string, maxLength: number) => Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }), Type.String({ minLength: 1, maxLength }), { description })

export const AffectedSchema = Type.Object({
  models: Type.Optional(Names('model ids')),
  software: Type.Optional(Type.Array(Type.Object({ ecu: Type.String({ minLength: 1, maxLength: 64 }), versions: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 }) }, { additionalProperties: false }), { maxItems: 50, description: 'vehicles running one of these versions on the ECU (from their last birth certificate)' })),
  vinRanges: Type.Optional(Type.Array(Type.Object({ from: Type.String(), to: Type.String() }, { additionalProperties: false }), { maxItems: 200, description: 'inclusive VIN ranges' })),
  regions: Type.Optional(Names('regions')),
  countries: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { maxItems: 250, description: 'ISO 3166-1 alpha-2 codes' })),
  fleets: Type.Optional(Names('fleets')),
}, { additionalProperties: false, description: 'every listed dimension must match; leave one out to match all' })

export const CreateBody = Type.Object({
  title: Texts('language tag → title; "en" required', 200),
  message: Texts('language tag → message shown to the driver; "en" required', 4000),
  severity: Type.Union(SEVERITIES.map((s) => Type.Literal(s)), { description: 'critical: shown at once, whatever the vehicle\'s quiet hours' }),
  requiredAction: Type.Union(REQUIRED_ACTIONS.map((a) => Type.Literal(a))),
  affected: AffectedSchema,
  campaignId: Type.Optional(Type.String({ description: 'the OTA campaign that fixes it: a vehicle whose update succeeded is resolved' })),
}, { additionalProperties: false })

export const IncidentView = Type.Object({
  id: Type.String(), title: Type.Record(Type.String(), Type.String()), message: Type.Record(Type.String(), Type.String()),
  severity: Type.String(), requiredAction: Type.String(), affected: Type.Unknown(), campaignId: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(), createdBy: Type.String(), createdAt: Type.String(), closedAt: Type.Union([Type.String(), Type.Null()]),
})

const Counts = Type.Record(Type.String(), Type.Integer())
export const CountryView = Type.Object({ country: Type.String(), affected: Type.Integer(), byState: Counts, completion: Type.Number(), acknowledged: Type.Number() })
export const SummaryView = Type.Object({ affected: Type.Integer(), resolved: Type.Integer(), acknowledged: Type.Integer(), byCountry: Type.Array(CountryView) })

export const ReportQuery = Type.Object({
  format: Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' }),
  limit: Type.Integer({ minimum: 1, maximum: 100_000, default: 100_000, description: 'unresolved vehicles listed at most' }),
})
