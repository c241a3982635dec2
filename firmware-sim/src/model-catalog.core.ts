import { COOLING } from './faults/effects.core.js'
import { MODELS } from './models.core.js'

/**
 * The simulated maker's model catalog, in the gateway's terms
 * (PUT /models/:id): what a real maker would publish for its models. The
 * gateway does not load it by itself; scoring and demos PUT it when they
 * start a simulated fleet, as an operator would enter a real maker's data.
 */
export interface CatalogEntry {
  readonly id: string
  readonly spec: {
    readonly powertrain: 'BEV' | 'PHEV'
    readonly coolantWarnC: number
    readonly tyrePlacardFrontKPa: number
    readonly tyrePlacardRearKPa: number
    readonly batteryChemistry: 'NMC'
    readonly batteryNominalV: number
  }
}

/** Drive-unit loops of the simulated BEV stay ≤ ~65 °C; its maker warns 10 °C above. */
const BEV_COOLANT_WARN_C = 75
const NMC_NOMINAL_CELL_V = 3.65

export const SIMULATOR_MODEL_CATALOG: readonly CatalogEntry[] = MODELS.map((m) => ({
  id: m.model,
  spec: {
    powertrain: m.powertrain,
    coolantWarnC: m.powertrain === 'BEV' ? BEV_COOLANT_WARN_C : COOLING.warnC,
    tyrePlacardFrontKPa: m.placardKPa,
    tyrePlacardRearKPa: m.placardKPa,
    batteryChemistry: 'NMC',
    batteryNominalV: Math.round(m.cellsInSeries * NMC_NOMINAL_CELL_V),
  },
}))
