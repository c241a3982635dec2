import { Type, type Static } from '@sinclair/typebox'
import { UPDATE_STATES } from './rollout.core.js'
import { CAMPAIGN_STATES } from './campaign.core.js'

/** A string enum that keeps its literal type (Type.Union over a mapped array widens to never). */
const oneOf = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description === undefined ? {} : { description }) })

const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM vehicle local time' })
const Fraction = Type.Number({ minimum: 0, maximum: 1 })
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' })

export const Artifact = Type.Object({
  id: Type.String({ description: 'SHA-256 of the content, hex' }),
  ecu: Type.String(),
  hardwareIds: Type.Array(Type.String()),
  version: Type.String(),
  installsOver: Type.Array(Type.String()),
  size: Type.Integer(),
  releaseNotes: Type.Record(Type.String(), Type.String()),
  installDurationS: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
})

export const ArtifactUploadQuery = Type.Object({
  ecu: Type.String({ minLength: 1, maxLength: 32, description: 'ECU the package is for, e.g. BMS' }),
  version: Type.String({ pattern: '^[0-9]+(\\.[0-9]+){0,3}(-[0-9A-Za-z.]+)?$', description: 'semantic version' }),
  hardwareIds: Type.String({ minLength: 1, maxLength: 1000, description: 'comma-separated hardware ids it fits' }),
  installsOver: Type.Optional(Type.String({ maxLength: 1000, description: 'comma-separated versions it may be installed over; empty = any older version' })),
  releaseNotes: Type.Optional(Type.String({ maxLength: 20_000, description: 'JSON object language → text, e.g. {"en":"…","de":"…"}' })),
  installDurationS: Type.Integer({ minimum: 1, maximum: 86_400, default: 600 }),
}, { additionalProperties: false })

export const Target = Type.Object({
  models: Type.Optional(Type.Array(Type.String(), { maxItems: 100 })),
  regions: Type.Optional(Type.Array(Type.String(), { maxItems: 100 })),
  fleets: Type.Optional(Type.Array(Type.String(), { maxItems: 1000 })),
  vins: Type.Optional(Type.Array(Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$' }), { maxItems: 100_000 })),
  currentVersions: Type.Optional(Type.Array(Type.String(), { maxItems: 100, description: 'only vehicles whose updated ECU runs one of these' })),
}, { additionalProperties: false })
export type TargetSpec = Static<typeof Target>

const Retry = Type.Object({ maxAttempts: Type.Integer({ minimum: 0, maximum: 20 }), backoffS: Type.Integer({ minimum: 0, maximum: 30 * 86_400 }) })

export const Plan = Type.Object({
  waves: Type.Array(Type.Object({
    percent: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
    count: Type.Optional(Type.Integer({ minimum: 1 })),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
  successThreshold: Fraction,
  errorThreshold: Fraction,
  autoAdvance: Type.Boolean(),
  inProgressTimeoutS: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 * 86_400, description: 'silence allowed to an awake vehicle in an update step' })),
  retry: Type.Optional(Type.Record(Type.String(), Retry, { description: 'by failure reason: e.g. {"download_failed":{"maxAttempts":3,"backoffS":60}}' })),
  startsAt: Type.Optional(Type.String({ format: 'date-time' })),
  endsAt: Type.Optional(Type.String({ format: 'date-time' })),
  installWindow: Type.Optional(Type.Object({ start: HHMM, end: HHMM }, { additionalProperties: false })),
  preconditions: Type.Optional(Type.Object({
    parked: Type.Boolean({ default: true }),
    minSocPct: Type.Integer({ minimum: 0, maximum: 100, default: 30 }),
    chargingOk: Type.Boolean({ default: true }),
    minAuxBatteryV: Type.Number({ minimum: 0, maximum: 16, default: 11.8 }),
  }, { additionalProperties: false })),
  soakS: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 * 86_400 })),
}, { additionalProperties: false })
export type PlanSpec = Static<typeof Plan>

export const NewCampaign = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  artifactIds: Type.Array(Sha256, { minItems: 1, maxItems: 20 }),
  target: Target,
  plan: Plan,
  requiresOptIn: Type.Boolean({ default: false }),
  recall: Type.Optional(Type.Object({ deadline: Type.String({ format: 'date-time' }) }, { additionalProperties: false })),
}, { additionalProperties: false })
export type NewCampaignSpec = Static<typeof NewCampaign>

const Counts = Type.Record(Type.String(), Type.Integer())

export const CampaignSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  state: oneOf(CAMPAIGN_STATES),
  requiresOptIn: Type.Boolean(),
  recall: Type.Boolean(),
  recallDeadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  vehicles: Type.Integer(),
  currentWave: Type.Integer({ description: '1-based' }),
  waves: Type.Integer(),
  awaitingApproval: Type.Boolean(),
  pauseReason: Type.Union([Type.String(), Type.Null()]),
  counts: Counts,
  createdAt: Type.String({ format: 'date-time' }),
})
export type CampaignSummaryDto = Static<typeof CampaignSummary>

export const CampaignDetail = Type.Intersect([CampaignSummary, Type.Object({
  artifacts: Type.Array(Artifact),
  target: Type.Unknown(),
  plan: Type.Unknown(),
  excluded: Counts,
  progress: Type.Object({
    byState: Counts,
    byWave: Type.Array(Type.Object({ wave: Type.Integer(), size: Type.Integer(), byState: Counts })),
  }),
  failureReasons: Counts,
  events: Type.Array(Type.Object({ ts: Type.String(), kind: Type.String(), actor: Type.String(), detail: Type.Unknown() })),
})])

export const CampaignIdParam = Type.Object({ id: Type.String({ format: 'uuid' }) })
export const Control = oneOf(['start', 'pause', 'resume', 'cancel', 'approve-next-wave', 'retry-failed'] as const)

export const Preview = Type.Object({
  vehicles: Type.Integer(),
  waves: Type.Array(Type.Object({ wave: Type.Integer(), vehicleIds: Type.Array(Type.String()) })),
  excluded: Counts,
})

export const ConsentBody = Type.Object({
  decision: Type.Union([Type.Literal('opted_in'), Type.Literal('opted_out')]),
  fleet: Type.Optional(Type.String({ minLength: 1 })),
  vehicleIds: Type.Optional(Type.Array(Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$' }), { minItems: 1, maxItems: 10_000 })),
}, { additionalProperties: false })

export const OwnerCampaign = Type.Intersect([CampaignSummary, Type.Object({
  myVehicles: Type.Integer(),
  consent: Type.Array(Type.Object({ vehicleId: Type.String(), fleet: Type.String(), decision: Type.Union([Type.Literal('opted_in'), Type.Literal('opted_out'), Type.Literal('pending')]), decidedBy: Type.Union([Type.String(), Type.Null()]), decidedAt: Type.Union([Type.String(), Type.Null()]) })),
})])

export const VehicleUpdate = Type.Object({
  campaignId: Type.String(),
  campaignName: Type.String(),
  ecu: Type.String({ description: 'comma-separated when the campaign is a bundle' }),
  fromVersion: Type.String(),
  toVersion: Type.String(),
  fromVersions: Type.Record(Type.String(), Type.String()),
  toVersions: Type.Record(Type.String(), Type.String()),
  state: oneOf(UPDATE_STATES),
  reason: Type.Union([Type.String(), Type.Null()]),
  wave: Type.Integer(),
  attempts: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  record: Type.Object({
    artifacts: Type.Array(Type.Object({ ecu: Type.String(), sha256: Type.String(), length: Type.Integer(), version: Type.String() })),
    signerKeyId: Type.Union([Type.String(), Type.Null()]),
    compatibility: Type.Object({ ok: Type.Boolean(), detail: Type.String() }),
    told: Type.Union([Type.Object({ at: Type.String(), language: Type.String(), releaseNotes: Type.String(), recall: Type.Boolean() }), Type.Null()]),
    ownerConsent: Type.Union([Type.Object({ decision: Type.String(), by: Type.String(), at: Type.String() }), Type.Null()]),
    driverConsent: Type.Union([Type.Object({ decision: Type.String(), at: Type.String() }), Type.Null()]),
    preconditions: Type.Unknown(),
    outcome: Type.Union([Type.String(), Type.Null()]),
    rolledBack: Type.Boolean(),
  }),
  history: Type.Array(Type.Object({ seq: Type.Integer(), at: Type.String(), from: Type.String(), to: Type.String(), reason: Type.String(), source: Type.String(), detail: Type.Unknown() })),
})

export const NotificationView = Type.Object({
  key: Type.String(),
  channel: Type.String(),
  fleet: Type.String(),
  payload: Type.Unknown(),
  at: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('dead')]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  recipients: Type.Union([Type.Integer(), Type.Null()], { description: 'e-mail: addresses the SMTP server accepted; webhook: deliveries enqueued (0 = no webhook subscribed for this fleet)' }),
  deliveries: Type.Array(Type.Object({ webhookId: Type.String(), status: Type.String(), attempts: Type.Integer(), lastError: Type.Union([Type.String(), Type.Null()]) })),
})
