import type { SegmentKind, VehicleState } from './vehicle-state.core.js'

const KM_PER_DEG = 111.32
const AIR_DENSITY = 1.2
const G = 9.81
/** Pad wear (percent) per kJ the friction brakes dissipate on one front wheel. */
export const PAD_WEAR_PCT_PER_KJ = 1.6e-4

interface SegmentProfile { kmh: [number, number], stopEveryS: number, lengthS: [number, number] }
const SEGMENTS: Record<SegmentKind, SegmentProfile> = {
  urban: { kmh: [28, 55], stopEveryS: 75, lengthS: [60, 360] },
  suburban: { kmh: [55, 82], stopEveryS: 260, lengthS: [120, 600] },
  highway: { kmh: [92, 128], stopEveryS: Number.POSITIVE_INFINITY, lengthS: [300, 1500] },
}

export interface DriveStep {
  /** Power drawn from the traction battery (negative = charging it), kW. */
  batteryKW: number
  /** Energy the friction brakes turned into heat and pad wear, kJ. */
  frictionKJ: number
  arrived: boolean
}

/** Remaining distance to the destination, km (flat-earth: fine within a city). */
export function remainingKm (v: VehicleState): number {
  const dy = (v.destLat - v.lat) * KM_PER_DEG
  const dx = (v.destLon - v.lon) * KM_PER_DEG * Math.cos((v.lat * Math.PI) / 180)
  return Math.sqrt(dx * dx + dy * dy)
}

/**
 * One driving step: a target speed per road segment with red lights in
 * town, first-order acceleration, road-load power (aero, rolling, inertia),
 * regeneration with friction braking below it, a PHEV engine that runs when
 * the pack is low or power demand is high, and motion toward the destination.
 */
export function stepDrive (v: VehicleState, dtS: number, ambientC: number): DriveStep {
  const r = v.rng
  const m = v.model
  const left = remainingKm(v)
  v.segRemainingS -= dtS
  if (v.segRemainingS <= 0) newSegment(v, left)
  const seg = SEGMENTS[v.segKind]
  let target = v.segTargetKmh
  if (v.stopRemainingS > 0) {
    v.stopRemainingS -= dtS
    target = 0
  } else if (r.chance(dtS / seg.stopEveryS)) {
    v.stopRemainingS = r.range(10, 50)
    target = 0
  }
  if (left < 0.6) target = Math.min(target, 25)

  const v0 = v.speedKmh / 3.6
  const tau = target / 3.6 > v0 ? 7 : 4
  let v1 = v0 + (target / 3.6 - v0) * (1 - Math.exp(-dtS / tau))
  if (target > 0) v1 += r.normal(0, 0.25)
  v1 = Math.max(0, v1)
  const accel = (v1 - v0) / dtS
  const vAvg = (v0 + v1) / 2
  const stepKm = (vAvg * dtS) / 1000

  const arrived = stepKm >= left
  moveToward(v, Math.min(stepKm, left), left)
  v.speedKmh = arrived ? 0 : v1 * 3.6
  v.odometerKm += Math.min(stepKm, left)

  const wheelKW = (0.5 * AIR_DENSITY * m.cdA * vAvg ** 3 + m.massKg * G * m.crr * vAvg + m.massKg * accel * vAvg) / 1000
  let motorKW: number
  let frictionKW = 0
  if (wheelKW >= 0) {
    motorKW = Math.min(wheelKW / 0.9, m.maxMotorKW)
  } else {
    const regenLimit = vAvg < 2.5 ? 0 : m.powertrain === 'BEV' ? 70 : 40
    const regenWheel = Math.max(wheelKW, -regenLimit)
    motorKW = regenWheel * 0.75
    frictionKW = regenWheel - wheelKW
  }
  v.motorKW = motorKW
  v.brakeOn = frictionKW > 0.3 || accel < -1.2
  const auxKW = 0.4 + 0.06 * Math.abs(ambientC - 21)
  const demandKW = motorKW + auxKW
  let batteryKW = demandKW
  if (m.powertrain === 'PHEV') batteryKW = stepEngine(v, dtS, demandKW)
  return { batteryKW, frictionKJ: frictionKW * dtS, arrived }
}

/** PHEV charge-sustaining: engine on below ~16 % SoC or above 75 kW demand, with hysteresis. */
function stepEngine (v: VehicleState, dtS: number, demandKW: number): number {
  const m = v.model
  if (!v.engineOn && (v.socPct < 16 || demandKW > 75) && v.fuelPct > 0.5) v.engineOn = true
  else if (v.engineOn && ((v.socPct > 19 && demandKW < 60) || v.fuelPct <= 0.5)) v.engineOn = false
  if (!v.engineOn) {
    v.engineRpm = 0
    return demandKW
  }
  const engineKW = Math.max(0, demandKW) + (v.socPct < 18 ? 10 : 0)
  v.engineRpm = Math.min(6000, 1100 + engineKW * 40 + v.rng.normal(0, 40))
  const litres = (engineKW * dtS) / 3600 / (0.3 * 8.9)
  v.fuelPct = Math.max(0, v.fuelPct - (litres / m.tankL) * 100)
  return demandKW - engineKW
}

function newSegment (v: VehicleState, leftKm: number): void {
  const r = v.rng
  const u = r.next()
  v.segKind = leftKm > 8 ? (u < 0.6 ? 'highway' : u < 0.9 ? 'suburban' : 'urban') : leftKm > 3 ? (u < 0.5 ? 'suburban' : 'urban') : 'urban'
  const p = SEGMENTS[v.segKind]
  v.segTargetKmh = r.range(p.kmh[0], p.kmh[1])
  v.segRemainingS = r.range(p.lengthS[0], p.lengthS[1])
}

/** Heads for the destination along a gently winding line (no road network). */
function moveToward (v: VehicleState, km: number, leftKm: number): void {
  if (km >= leftKm) {
    v.lat = v.destLat
    v.lon = v.destLon
    return
  }
  v.wigglePhase += km * 0.9
  const cosLat = Math.cos((v.lat * Math.PI) / 180)
  const bearing = Math.atan2((v.destLon - v.lon) * cosLat, v.destLat - v.lat) + 0.35 * Math.sin(v.wigglePhase) * Math.min(1, leftKm / 2)
  v.lat += (km * Math.cos(bearing)) / KM_PER_DEG
  v.lon += (km * Math.sin(bearing)) / (KM_PER_DEG * cosLat)
}
