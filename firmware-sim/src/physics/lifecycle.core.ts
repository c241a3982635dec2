import { checkHardFailures, updateFaults } from '../faults/monitor.core.js'
import { crank, tyreGaugeKPa } from './body.core.js'
import { AWAKE_AFTER_PARK_MS, CHECK_IN_MS, PERIODIC_WAKE_MS, chargeOnArrival, chooseDestination, planDeparture, type ChargePlan } from './daily-life.core.js'
import { emitCrank, emitDue, type PhysicsSink } from './emit.core.js'
import { ambientTempC, weatherOffsetC } from './ambient.core.js'
import type { SimConfig, VehicleState } from './vehicle-state.core.js'

const MIN = 60_000
const MAX_TRIP_MS = 4 * 3_600_000

/**
 * The vehicle's day as a state machine:
 *   asleep ──wake──► parked ──departure──► driving ──arrival──► parked | charging
 *   parked ──idle──► asleep;  charging ──full──► parked (or back on the road)
 * Every transition is reported to the sink (the unit sends a birth, or a
 * death certificate before sleeping).
 */
export function onStepEnd (v: VehicleState, cfg: SimConfig, sink: PhysicsSink, arrived: boolean): void {
  const t = v.t
  switch (v.phase) {
    case 'driving':
      if (arrived || t - v.tripStartMs > MAX_TRIP_MS) return arrive(v, cfg, sink)
      if (v.model.powertrain === 'BEV' && v.socPct < 10) return startCharging(v, cfg, sink, { kw: v.model.dcChargeKW, targetPct: 80, dc: true }, 'road')
      return
    case 'charging':
      if (v.socPct >= v.chargeTargetPct) {
        if (v.place === 'road') return startDriving(v, cfg, sink, false, false)
        return park(v, cfg, sink)
      }
      if (t >= v.nextDepartureMs) {
        if (v.socPct >= 30 || v.model.powertrain === 'PHEV') return startDriving(v, cfg, sink, false, true)
        v.nextDepartureMs = t + 60 * MIN
      }
      return
    case 'parked':
      if (t >= v.nextDepartureMs) {
        if (v.model.powertrain === 'BEV' && v.socPct < 15) {
          v.nextDepartureMs = t + 90 * MIN
          return startCharging(v, cfg, sink, { kw: v.place === 'home' ? v.model.acChargeKW : v.model.dcChargeKW, targetPct: 80, dc: v.place !== 'home' }, v.place)
        }
        return startDriving(v, cfg, sink, true, true)
      }
      if (t >= v.phaseEndMs) return sleep(v, sink)
      return
    case 'asleep':
      return
  }
}

/** The unit wakes (periodic check-in or a departure): 12 V dip, faults checked, a full snapshot. */
export function wake (v: VehicleState, cfg: SimConfig, sink: PhysicsSink): void {
  const t = v.t
  crank(v, v.ambientC)
  emitCrank(v, sink, cfg)
  checkHardFailures(v, t, 'wake', (e) => sink.dtc(e))
  v.nextFastMs = t
  v.nextSlowMs = t
  if (t >= v.nextDepartureMs) return startDriving(v, cfg, sink, false, true)
  v.phase = 'parked'
  v.phaseEndMs = cfg.keepAwake ? Number.POSITIVE_INFINITY : t + CHECK_IN_MS
  sink.power('parked', t)
  emitDue(v, cfg, sink)
}

function startDriving (v: VehicleState, cfg: SimConfig, sink: PhysicsSink, withCrank: boolean, newTrip: boolean): void {
  const t = v.t
  if (withCrank) {
    crank(v, v.ambientC)
    emitCrank(v, sink, cfg)
    checkHardFailures(v, t, 'wake', (e) => sink.dtc(e))
  }
  if (newTrip) {
    const d = chooseDestination(v, t)
    v.destLat = d.lat
    v.destLon = d.lon
    v.destKind = d.kind
    v.tripStartMs = t
  }
  v.phase = 'driving'
  v.ignitionOn = true
  v.chargeKW = 0
  v.dcCharging = false
  v.segRemainingS = 0
  v.stopRemainingS = 0
  resample(v, t, cfg.driveFastMs, cfg.driveSlowMs)
  sink.power('driving', t)
}

function arrive (v: VehicleState, cfg: SimConfig, sink: PhysicsSink): void {
  v.place = v.destKind
  v.speedKmh = 0
  v.motorKW = 0
  v.brakeOn = false
  v.engineOn = false
  v.engineRpm = 0
  v.ignitionOn = false
  if (v.model.powertrain === 'PHEV' && v.fuelPct < 15) v.fuelPct = 100 // filled up on the way
  v.nextFastMs = v.t // the trip's end is always reported
  v.nextDepartureMs = planDeparture(v, v.t)
  const plan = chargeOnArrival(v)
  if (plan !== undefined) return startCharging(v, cfg, sink, plan, v.place)
  park(v, cfg, sink)
}

function startCharging (v: VehicleState, _cfg: SimConfig, sink: PhysicsSink, plan: ChargePlan, place: VehicleState['place']): void {
  v.place = place
  v.speedKmh = 0
  v.motorKW = 0
  v.ignitionOn = false
  v.phase = 'charging'
  v.chargeKW = plan.kw
  v.chargeTargetPct = plan.targetPct
  v.dcCharging = plan.dc
  sink.power('charging', v.t)
}

function park (v: VehicleState, cfg: SimConfig, sink: PhysicsSink): void {
  v.phase = 'parked'
  v.ignitionOn = false
  v.chargeKW = 0
  v.dcCharging = false
  v.currentA = 0
  v.phaseEndMs = cfg.keepAwake ? Number.POSITIVE_INFINITY : v.t + AWAKE_AFTER_PARK_MS
  sink.power('parked', v.t)
}

/** Entering a denser sampling: the next samples come no later than one new period from now. */
function resample (v: VehicleState, t: number, fastMs: number, slowMs: number): void {
  v.nextFastMs = Math.min(v.nextFastMs, (Math.floor(t / fastMs) + 1) * fastMs)
  v.nextSlowMs = Math.min(v.nextSlowMs, (Math.floor(t / slowMs) + 1) * slowMs)
}

function sleep (v: VehicleState, sink: PhysicsSink): void {
  v.phase = 'asleep'
  v.phaseEndMs = Math.min(v.nextDepartureMs, v.t + PERIODIC_WAKE_MS)
  v.currentA = 0
  sink.power('asleep', v.t)
}

/**
 * Where each vehicle is when the simulation starts: about a third driving,
 * some charging, the rest just parked (and about to sleep), so a new fleet
 * shows live data at once.
 */
export function start (v: VehicleState, cfg: SimConfig, sink: PhysicsSink): void {
  const t = v.t
  const ambient = ambientTempC(v.spec.city, t, weatherOffsetC(t, v.spec.init.weatherPhase))
  v.ambientC = ambient
  v.packTempC = ambient + 2
  v.coolantC = ambient
  v.cabinC = ambient
  for (let i = 0; i < 4; i++) {
    v.tyreTempC[i] = ambient
    // The tyres were inflated to their cold (20 °C) pressure; at the start's ambient they read
    // differently. Reporting the 20 °C value at, say, 5 °C looked like a 17 kPa drop within the first
    // hours of every run: a slow leak on all four wheels of healthy vehicles.
    v.tyreKPa[i] = tyreGaugeKPa(v.tyreColdKPa[i] as number, ambient)
  }
  updateFaults(v, t)
  v.nextDepartureMs = planDeparture(v, t)
  const u = v.rng.next()
  if (u < 0.3) {
    startDriving(v, cfg, sink, true, true)
  } else if (u < 0.45 && v.socPct < 85) {
    startCharging(v, cfg, sink, { kw: v.model.acChargeKW, targetPct: 90, dc: false }, 'home')
  } else {
    park(v, cfg, sink)
    if (!cfg.keepAwake) v.phaseEndMs = t + v.rng.range(1, 10) * MIN
  }
  v.nextFastMs = t
  v.nextSlowMs = t
  emitDue(v, cfg, sink)
}
