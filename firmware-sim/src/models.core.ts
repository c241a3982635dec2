import type { EcuSpec } from './fleet-plan.core.js'

/** The vehicle models of the simulated fleet and the constants of their physics. */
export type Powertrain = 'BEV' | 'PHEV'

export interface ModelSpec {
  readonly model: string
  readonly powertrain: Powertrain
  readonly massKg: number
  /** Drag area Cd·A (m²) and rolling resistance coefficient. */
  readonly cdA: number
  readonly crr: number
  /** Usable pack energy when new (kWh); cells in series; pack resistance (Ω). */
  readonly packKWh: number
  readonly cellsInSeries: number
  readonly packOhm: number
  readonly maxMotorKW: number
  readonly acChargeKW: number
  readonly dcChargeKW: number
  /** Tyre placard pressure (cold, 20 °C), kPa gauge. */
  readonly placardKPa: number
  /** PHEV: tank size (L) and consumption when the engine runs (L/100 km). */
  readonly tankL: number
  readonly fuelLPer100Km: number
  readonly ecus: readonly EcuSpec[]
}

export const MODELS: readonly ModelSpec[] = Object.freeze([
  {
    model: 'FW-E1',
    powertrain: 'BEV',
    massKg: 2100,
    cdA: 0.62,
    crr: 0.009,
    packKWh: 77,
    cellsInSeries: 96,
    packOhm: 0.08,
    maxMotorKW: 220,
    acChargeKW: 11,
    dcChargeKW: 135,
    placardKPa: 250,
    tankL: 0,
    fuelLPer100Km: 0,
    ecus: [
      { ecuId: 'BMS', hardwareId: 'FW-BMS-77-A2', versions: ['3.4.1', '3.5.0', '3.5.2'] },
      { ecuId: 'VCU', hardwareId: 'FW-VCU-E1-B1', versions: ['5.1.0', '5.2.3'] },
      { ecuId: 'TCU', hardwareId: 'FW-TCU-4G-C3', versions: ['2.8.0', '2.9.1'] },
      { ecuId: 'BCM', hardwareId: 'FW-BCM-E1-A1', versions: ['1.12.0'] },
      { ecuId: 'TPMS', hardwareId: 'FW-TPMS-433', versions: ['1.3.2'] },
      { ecuId: 'ESC', hardwareId: 'FW-ESC-9-B', versions: ['7.0.4', '7.1.0'] },
    ],
  },
  {
    model: 'FW-P1',
    powertrain: 'PHEV',
    massKg: 1850,
    cdA: 0.6,
    crr: 0.01,
    packKWh: 17.8,
    cellsInSeries: 96,
    packOhm: 0.15,
    maxMotorKW: 110,
    acChargeKW: 3.7,
    dcChargeKW: 50,
    placardKPa: 240,
    tankL: 45,
    fuelLPer100Km: 6.5,
    ecus: [
      { ecuId: 'BMS', hardwareId: 'FW-BMS-18-P1', versions: ['2.2.0', '2.3.1'] },
      { ecuId: 'ECM', hardwareId: 'FW-ECM-15T-A', versions: ['9.0.2', '9.1.0'] },
      { ecuId: 'VCU', hardwareId: 'FW-VCU-P1-A3', versions: ['4.0.7'] },
      { ecuId: 'TCU', hardwareId: 'FW-TCU-4G-C3', versions: ['2.8.0', '2.9.1'] },
      { ecuId: 'BCM', hardwareId: 'FW-BCM-P1-A1', versions: ['1.11.4'] },
      { ecuId: 'TPMS', hardwareId: 'FW-TPMS-433', versions: ['1.3.2'] },
      { ecuId: 'ESC', hardwareId: 'FW-ESC-9-B', versions: ['7.0.4'] },
    ],
  },
])

export function modelSpec (model: string): ModelSpec {
  const m = MODELS.find((x) => x.model === model)
  if (m === undefined) throw new Error(`unknown model ${model}`)
  return m
}
