import { CATALOG_VERSION, signalByName } from '@fleetwire/proto'
import { compileCodePattern } from './code-pattern.core.js'
import type { Rule } from './rule.schema.js'

/** Most buckets a window may hold: bounds the memory of every windowed rule per vehicle. */
export const MAX_WINDOW_BUCKETS = 256
/** Buckets of a slope window, and of a forecast window without bucketS. */
export const DEFAULT_WINDOW_BUCKETS = 64

/**
 * Checks a schema-valid rule against the catalog and for internal
 * consistency (hysteresis the right way round, windows that fit in memory).
 * Each message starts with the JSON pointer of the field at fault.
 */
export function semanticErrors (rule: Rule): string[] {
  const errors: string[] = []
  const k = rule.kind
  const needsSignal = k.type !== 'dtc' && k.type !== 'silence'
  if (needsSignal) {
    if (rule.signal === undefined) errors.push(`/signal: required for ${k.type} rules`)
    else checkSignal(errors, '/signal', rule.signal)
  } else {
    if (rule.signal !== undefined) errors.push(`/signal: not used by ${k.type} rules`)
    if (rule.derived !== undefined) errors.push(`/derived: not used by ${k.type} rules`)
  }
  checkDerived(errors, rule)
  rule.when?.signalRange?.forEach((r, i) => {
    const at = `/when/signalRange/${i}`
    checkSignal(errors, `${at}/signal`, r.signal)
    if (r.min === undefined && r.max === undefined) errors.push(`${at}: needs min or max`)
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) errors.push(`${at}/max: must be >= min (${r.min})`)
  })

  switch (k.type) {
    case 'threshold':
      if (rule.clearDelayS !== undefined) errors.push('/clearDelayS: threshold rules set their clear duration in /kind/clearForS')
      if (k.op === 'above' && k.clear > k.raise) errors.push(`/kind/clear: must be <= raise (${k.raise}) for op 'above', so that hysteresis holds`)
      if (k.op === 'below' && k.clear < k.raise) errors.push(`/kind/clear: must be >= raise (${k.raise}) for op 'below', so that hysteresis holds`)
      break
    case 'slope':
      if (k.clearPerDay !== undefined && (k.op === 'above' ? k.clearPerDay > k.perDay : k.clearPerDay < k.perDay)) {
        errors.push(`/kind/clearPerDay: must be ${k.op === 'above' ? '<=' : '>='} perDay (${k.perDay}) for op '${k.op}'`)
      }
      checkSpan(errors, k.windowS, k.minSpanS)
      break
    case 'ewma':
    case 'cohort':
      if (k.clearK !== undefined && k.clearK > k.k) errors.push(`/kind/clearK: must be <= k (${k.k})`)
      break
    case 'forecast': {
      if (k.clearHorizonS !== undefined && k.clearHorizonS < k.horizonS) errors.push(`/kind/clearHorizonS: must be >= horizonS (${k.horizonS})`)
      if (k.bucketS !== undefined) {
        const buckets = Math.ceil(k.windowS / k.bucketS)
        if (buckets > MAX_WINDOW_BUCKETS) errors.push(`/kind/bucketS: the window would hold ${buckets} buckets; at most ${MAX_WINDOW_BUCKETS}`)
        if (buckets < 3) errors.push('/kind/bucketS: the window must hold at least 3 buckets')
      }
      checkSpan(errors, k.windowS, k.minSpanS)
      break
    }
    case 'dtc': {
      if (rule.clearDelayS !== undefined) errors.push('/clearDelayS: dtc rules clear when the code clears (events are discrete)')
      const m = compileCodePattern(k.codePattern)
      if (typeof m === 'string') errors.push(`/kind/codePattern: ${m}`)
      break
    }
    case 'silence':
      break
  }
  return errors
}

function checkSignal (errors: string[], at: string, name: string): void {
  if (signalByName(name) === undefined) errors.push(`${at}: unknown signal '${name}' (not in catalog ${CATALOG_VERSION})`)
}

function checkDerived (errors: string[], rule: Rule): void {
  const d = rule.derived
  if (d === undefined || rule.signal === undefined) return
  if (d.minus === undefined && d.compensateTemperature === undefined) errors.push('/derived: needs minus or compensateTemperature')
  const base = signalByName(rule.signal)
  if (d.minus !== undefined) {
    const m = signalByName(d.minus)
    if (m === undefined) checkSignal(errors, '/derived/minus', d.minus)
    else if (d.minus === rule.signal) errors.push('/derived/minus: must differ from /signal')
    else if (base !== undefined && m.unit !== base.unit) errors.push(`/derived/minus: unit ${m.unit} differs from the signal's ${base.unit}`)
  }
  if (d.compensateTemperature !== undefined) {
    const t = signalByName(d.compensateTemperature)
    if (t === undefined) checkSignal(errors, '/derived/compensateTemperature', d.compensateTemperature)
    else if (t.unit !== 'celsius') errors.push(`/derived/compensateTemperature: needs a temperature in celsius, got ${t.unit}`)
    if (base !== undefined && base.unit !== 'kPa') errors.push(`/derived/compensateTemperature: applies to a pressure in kPa; /signal is in ${base.unit}`)
  }
  if (d.temperatureFallback !== undefined) {
    const t = signalByName(d.temperatureFallback)
    if (d.compensateTemperature === undefined) errors.push('/derived/temperatureFallback: needs /derived/compensateTemperature')
    if (t === undefined) checkSignal(errors, '/derived/temperatureFallback', d.temperatureFallback)
    else if (t.unit !== 'celsius') errors.push(`/derived/temperatureFallback: needs a temperature in celsius, got ${t.unit}`)
    else if (d.temperatureFallback === d.compensateTemperature) errors.push('/derived/temperatureFallback: must differ from /derived/compensateTemperature')
  }
}

function checkSpan (errors: string[], windowS: number, minSpanS: number | undefined): void {
  if (minSpanS !== undefined && minSpanS > windowS) errors.push(`/kind/minSpanS: must be <= windowS (${windowS})`)
}
