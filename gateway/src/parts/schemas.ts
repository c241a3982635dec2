import { Type } from '@sinclair/typebox'

export const ModelParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }) })
const PartNumber = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,39}$' })
export const PartQtySchema = Type.Object({ partNumber: PartNumber, quantity: Type.Integer({ minimum: 1, maximum: 100 }) }, { additionalProperties: false })
const Capability = Type.Union([Type.Literal('hv_battery'), Type.Literal('tyres'), Type.Literal('brakes'), Type.Literal('body'), Type.Literal('adas_calibration'), Type.Literal('general')])

export const CatalogueEntrySchema = Type.Object({
  faultFamily: Type.Union([Type.Literal('tyre_leak'), Type.Literal('lv_battery'), Type.Literal('cell_imbalance'), Type.Literal('coolant'), Type.Literal('pad_wear'), Type.Literal('insulation'), Type.Literal('soh_fade'), Type.Literal('dtc'), Type.Literal('maintenance')]),
  optionId: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
  dtc: Type.Union([Type.String({ pattern: '^[PCBU][0-9A-F]{4}$' }), Type.Null()], { default: null }),
  parts: Type.Array(PartQtySchema, { maxItems: 20 }),
  share: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  labourMinutes: Type.Integer({ minimum: 0, maximum: 10_000 }),
  capability: Capability,
  description: Type.String({ maxLength: 500, default: '' }),
}, { additionalProperties: false })

export const ScheduleSchema = Type.Object({
  everyKm: Type.Integer({ minimum: 1000, maximum: 200_000 }),
  everyMonths: Type.Integer({ minimum: 1, maximum: 120 }),
  parts: Type.Array(PartQtySchema, { maxItems: 30 }),
  labourMinutes: Type.Integer({ minimum: 0, maximum: 10_000 }),
  capability: Capability,
}, { additionalProperties: false })
