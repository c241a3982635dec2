/**
 * @fleetwire/firmware-sim: simulated telematics units on the Fleetwire wire
 * contract (proto/ + MQTT). Library entry: start N vehicles in-process.
 */
export { startFleet, faultSelection, type Fleet, type FleetOptions } from './fleet.js'
export { startDemoFleet, demoFaults, demoVins, formatBackfillProgress, backfillProgress, DEMO_FLEET, type DemoFleetOptions, type BackfillProgress } from './demo.js'
export type { FleetStats } from './fleet-stats.js'
export { planFleet, type PlanOptions, type VehicleSpec, type VehicleInit, type EcuInfo } from './fleet-plan.core.js'
export { MARKETS, type Market, type City } from './markets.core.js'
export { MODELS, type ModelSpec } from './models.core.js'
export { SIMULATOR_MODEL_CATALOG, type CatalogEntry } from './model-catalog.core.js'
export { parseScenarioFile, validateScenario, type ScenarioFile, type SensorEffect } from './scenarios/scenario-file.core.js'
export { FAULTS, FAULT_KINDS, type FaultKind, type FaultDefinition, type WarningRule } from './faults/fault-types.core.js'
export type { PlannedFault, PlannedWarning } from './faults/plan-faults.core.js'
export { parseFraction, parseScenario, NO_FAULTS, type FaultSelection, type ScenarioFault } from './faults/scenario.core.js'
export { buildVin, isValidVin, vinCheckDigit } from './vin.core.js'
export { createSimClock, pinnedSimStart, MAX_HORIZON_MS, type SimClock } from './sim-clock.core.js'
export { provisionAll, readCredentialsFile, restRegistrar, writeCredentialsFile, type Registrar, type VehicleRegistration } from './provision.js'
export { buildGroundTruth, writeGroundTruth, type GroundTruth, type GroundTruthFault } from './ground-truth.js'
export { handleUdsRequest, UDS_HANDLERS, NRC, DID, type CommandCodec, type UdsContext, type UdsHandler } from './diagnostics-handlers.js'
export { createDtcMemory, DTC_STATUS, dtcToBytes, bytesToDtc, type DtcEvent, type DtcMemory, type DtcRecord } from './dtc-memory.core.js'
export type { SimLogger } from './log.js'
export { protobufCommandCodec } from './command-codec.js'
