import { Type } from '@sinclair/typebox'
import { PartQtySchema } from '../parts/schemas.js'

export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
export const WorkOrderIdParam = Type.Object({ id: Type.String({ format: 'uuid' }) })
const State = Type.Union([Type.Literal('proposed'), Type.Literal('booked'), Type.Literal('vehicle_arrived'), Type.Literal('in_repair'), Type.Literal('completed'), Type.Literal('cancelled')])

const TargetFields = {
  alertId: Type.Optional(Type.String({ format: 'uuid' })),
  vehicleId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  faultFamily: Type.Optional(Type.Union([Type.Literal('tyre_leak'), Type.Literal('lv_battery'), Type.Literal('cell_imbalance'), Type.Literal('coolant'), Type.Literal('pad_wear'), Type.Literal('insulation'), Type.Literal('soh_fade'), Type.Literal('dtc'), Type.Literal('maintenance')])),
  campaignId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  optionId: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })),
}
export const TargetBody = Type.Object(TargetFields, { additionalProperties: false })

export const CreateBody = Type.Object({
  ...TargetFields,
  centerId: Type.String({ minLength: 1, maxLength: 64 }),
  book: Type.Boolean({ default: true, description: 'false: only propose (the owner books later)' }),
}, { additionalProperties: false })

export const ProposalView = Type.Object({
  centerId: Type.String(), name: Type.String(), country: Type.String(), distanceKm: Type.Number(), partsInStock: Type.Boolean(),
  partsReadyAt: Type.String(), slotDate: Type.String(),
})

export const WorkOrderView = Type.Object({
  id: Type.String(), vehicleId: Type.String(), fleet: Type.String(), region: Type.String(), model: Type.String(), centerId: Type.String(), country: Type.String(),
  kind: Type.String(), alertId: Type.Union([Type.String(), Type.Null()]), campaignId: Type.Union([Type.String(), Type.Null()]), faultFamily: Type.String(),
  optionId: Type.Union([Type.String(), Type.Null()]), state: State, slotDate: Type.Union([Type.String(), Type.Null()]),
  parts: Type.Array(Type.Object({ partNumber: Type.String(), quantity: Type.Integer(), reserved: Type.Integer(), readyAt: Type.String() })),
  partsReadyAt: Type.Union([Type.String(), Type.Null()]), partsUsed: Type.Union([Type.Array(Type.Object({ partNumber: Type.String(), quantity: Type.Integer() })), Type.Null()]),
  cause: Type.Union([Type.String(), Type.Null()]), odometerKm: Type.Union([Type.Number(), Type.Null()]), createdBy: Type.String(), createdAt: Type.String(),
  updatedAt: Type.String(), completedAt: Type.Union([Type.String(), Type.Null()]),
})

export const TransitionBody = Type.Object({
  to: Type.Union([Type.Literal('booked'), Type.Literal('vehicle_arrived'), Type.Literal('in_repair'), Type.Literal('completed'), Type.Literal('cancelled')]),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  cause: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  partsUsed: Type.Optional(Type.Array(PartQtySchema, { maxItems: 50 })),
}, { additionalProperties: false })

export const ListQuery = Type.Object({
  center: Type.Optional(Type.String({ maxLength: 64 })),
  vehicle: Type.Optional(Type.String({ maxLength: 64 })),
  alert: Type.Optional(Type.String({ format: 'uuid' })),
  state: Type.Optional(State),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
})
