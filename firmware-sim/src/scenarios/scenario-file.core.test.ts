import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { signalId } from '@fleetwire/proto'
import { parseScenarioFile, validateScenario } from './scenario-file.core.js'
import { compileSensorEffects } from './sensor-effects.core.js'
import { mulberry32 } from '../prng.core.js'

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url))
const INSULATION = signalId('Vehicle.Fleetwire.TractionBattery.InsulationResistance')
const TYRE = signalId('Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure')

describe('scenario files', () => {
  it('every shipped scenario is valid; some are tuning sets, some held out', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThanOrEqual(3)
    const parsed = files.map((f) => parseScenarioFile(readFileSync(DIR + f, 'utf8'), f))
    for (const p of parsed) if (!p.ok) throw new Error(p.error.detail)
    expect(parsed.filter((p) => p.ok && p.value.role === 'tuning').length).toBeGreaterThanOrEqual(1)
    expect(parsed.filter((p) => p.ok && p.value.role === 'held-out').length).toBeGreaterThanOrEqual(1)
  })

  it('refuses a bad scenario naming every bad field', () => {
    const r = validateScenario({ name: '', role: 'maybe', ambientOffsetC: 99, colour: 1, sensors: [{ signal: 'Vehicle.Nope', dropout: 2, drift: { phi: 1 } }] })
    expect(r.ok).toBe(false)
    const detail = r.ok ? '' : r.error.detail
    for (const p of ['/name', '/role', '/ambientOffsetC', '/colour', '/sensors/0/signal', '/sensors/0/dropout', '/sensors/0/drift']) expect(detail).toContain(`${p}:`)
    const curves = validateScenario({
      name: 'x',
      role: 'held-out',
      baselines: { fleet: { tyreInflation: [1.2, 0.9] }, models: { 'FW-Z9': {}, 'FW-E1': { cellSpreadMv: -1, colour: 1 } }, extra: 1 },
      faultCurves: { 'pad-wear': { shape: 'zigzag' }, 'flat-battery': {}, 'slow-tyre-leak': { shape: 'intermittent' } },
    })
    const curveDetail = curves.ok ? '' : curves.error.detail
    for (const p of ['/baselines/fleet/tyreInflation', '/baselines/models/FW-Z9', '/baselines/models/FW-E1/cellSpreadMv', '/baselines/models/FW-E1/colour', '/baselines/extra', '/faultCurves/pad-wear/shape', '/faultCurves/flat-battery', '/faultCurves/slow-tyre-leak/shape']) expect(curveDetail).toContain(`${p}:`)
    expect(parseScenarioFile('{ nope', 'x.json')).toMatchObject({ ok: false, error: { detail: expect.stringContaining('x.json: not JSON') } })
  })
})

describe('sensor effects', () => {
  const rngOf = (seed: number) => {
    const r = mulberry32(seed)
    return { normal: () => r.normal(0, 1), uniform: () => r.next() }
  }

  it('drop, quantise, add relative noise and drift, by exact name or by prefix', () => {
    const fx = compileSensorEffects([
      { signal: 'Vehicle.Fleetwire.TractionBattery.InsulationResistance', relativeNoise: 0.26 },
      { signal: 'Vehicle.Chassis.Axle.', quantum: 2, dropout: 0.5 },
    ])
    if (fx === undefined) throw new Error('no effects compiled')
    const r = rngOf(1)
    const owner = {}
    const ins = Array.from({ length: 2000 }, (_, i) => fx.apply(owner, r.normal, r.uniform, INSULATION, 1000, i * 60_000))
    const sd = Math.sqrt(ins.reduce((s, x) => s + (x - 1000) ** 2, 0) / ins.length)
    expect(sd).toBeGreaterThan(220)
    expect(sd).toBeLessThan(300)
    const tyre = Array.from({ length: 2000 }, (_, i) => fx.apply(owner, r.normal, r.uniform, TYRE, 250.7, i * 60_000))
    const kept = tyre.filter((x) => !Number.isNaN(x))
    expect(kept.length / tyre.length).toBeGreaterThan(0.45)
    expect(kept.length / tyre.length).toBeLessThan(0.55)
    expect(new Set(kept)).toEqual(new Set([250]))
    // a signal no entry matches passes unchanged
    expect(fx.apply(owner, r.normal, r.uniform, signalId('Vehicle.Speed'), 42, 0)).toBe(42)
  })

  it('freeze a stuck sensor at its last reading for the given hours', () => {
    const fx = compileSensorEffects([{ signal: 'Vehicle.Fleetwire.TractionBattery.InsulationResistance', stuck: { perDay: 1, hours: 6 } }])
    if (fx === undefined) throw new Error('no effects compiled')
    const r = rngOf(2)
    const owner = {}
    const out = Array.from({ length: 3 * 24 * 12 }, (_, i) => fx.apply(owner, r.normal, r.uniform, INSULATION, 5000 - i, i * 300_000))
    // runs of identical readings while the true value keeps falling
    let longest = 0
    for (let i = 1, run = 1; i < out.length; i++) longest = Math.max(longest, run = out[i] === out[i - 1] ? run + 1 : 1)
    expect(longest).toBeGreaterThanOrEqual(6 * 12)
  })
})
