import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { type Result, fail, ok } from '../common/result.js'

/**
 * What a maker publishes about a vehicle model and rules need: limits that
 * hold for one model (or powertrain) come from here, not from rule
 * documents naming model ids. Flat, so a rule can name a field
 * (`kind.modelLimit.field`).
 */
export const POWERTRAINS = ['BEV', 'PHEV', 'HEV', 'ICE'] as const
export type Powertrain = typeof POWERTRAINS[number]

export const ModelSpecSchema = Type.Object({
  powertrain: Type.Union([Type.Literal('BEV'), Type.Literal('PHEV'), Type.Literal('HEV'), Type.Literal('ICE')], { description: 'battery-electric, plug-in hybrid, hybrid, combustion' }),
  coolantWarnC: Type.Optional(Type.Number({ minimum: 20, maximum: 150, description: "the maker's coolant warning temperature of the loop reported as EngineCoolant.Temperature (drive-unit loop on a BEV)" })),
  tyrePlacardFrontKPa: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: 'cold placard pressure, front axle (kPa gauge)' })),
  tyrePlacardRearKPa: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: 'cold placard pressure, rear axle (kPa gauge)' })),
  batteryChemistry: Type.Optional(Type.Union([Type.Literal('NMC'), Type.Literal('NCA'), Type.Literal('LFP'), Type.Literal('LMO'), Type.Literal('LTO'), Type.Literal('other')], { description: 'traction battery cell chemistry' })),
  batteryNominalV: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1500, description: 'traction battery nominal voltage (V)' })),
}, { additionalProperties: false })
export type ModelSpec = Static<typeof ModelSpecSchema>

/** Numeric fields a rule may take a limit from. */
export const MODEL_LIMIT_FIELDS = ['coolantWarnC', 'tyrePlacardFrontKPa', 'tyrePlacardRearKPa', 'batteryNominalV'] as const
export type ModelLimitField = typeof MODEL_LIMIT_FIELDS[number]

export const ModelIdParam = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'model id as vehicles are provisioned with' }) })
export const ModelView = Type.Object({ id: Type.String(), spec: ModelSpecSchema, updatedAt: Type.String({ format: 'date-time' }) })

/** Validates a model spec; the detail names every failing field by its JSON pointer (`/colour: Unexpected property`). */
export function validateModelSpec (doc: unknown): Result<ModelSpec, 'GW_MODEL_INVALID'> {
  const errors: string[] = []
  for (const e of Value.Errors(ModelSpecSchema, doc)) {
    if (!errors.some((x) => x.startsWith(`${e.path}: `))) errors.push(`${e.path}: ${e.message}`)
  }
  return errors.length === 0 ? ok(doc as ModelSpec) : fail('GW_MODEL_INVALID', errors.slice(0, 8).join('; '))
}
