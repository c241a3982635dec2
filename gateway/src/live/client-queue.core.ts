/**
 * What one live client is waiting to receive. Signals are coalesced (only
 * the latest value per vehicle and signal is kept), events are queued up to
 * a bound and then the oldest are dropped and counted, so a slow client
 * costs the server a bounded amount of memory whatever the input rate.
 */
export interface SignalValue {
  readonly signalId: number
  readonly tsMs: number
  readonly value: number
}

export interface LiveEvent {
  readonly topic: string
  readonly payload: unknown
}

export interface ClientQueue {
  /** vehicleId → signalId → latest value not yet sent. */
  readonly signals: Map<string, Map<number, SignalValue>>
  readonly events: LiveEvent[]
  /** Events dropped since the last flush, by topic (sent as "gap" markers). */
  readonly dropped: Map<string, number>
}

export function createClientQueue (): ClientQueue {
  return { signals: new Map(), events: [], dropped: new Map() }
}

export function queueSignal (q: ClientQueue, vehicleId: string, s: SignalValue): void {
  let perVehicle = q.signals.get(vehicleId)
  if (perVehicle === undefined) {
    perVehicle = new Map()
    q.signals.set(vehicleId, perVehicle)
  }
  const prev = perVehicle.get(s.signalId)
  if (prev === undefined || s.tsMs >= prev.tsMs) perVehicle.set(s.signalId, s)
}

export function queueEvent (q: ClientQueue, e: LiveEvent, maxEvents: number): void {
  q.events.push(e)
  while (q.events.length > maxEvents) {
    const oldest = q.events.shift() as LiveEvent
    q.dropped.set(oldest.topic, (q.dropped.get(oldest.topic) ?? 0) + 1)
  }
}

export type OutboundMessage =
  | { type: 'signals', vehicleId: string, values: SignalValue[] }
  | { type: 'event', topic: string, payload: unknown }
  | { type: 'gap', topic: string, dropped: number }

/**
 * Empties the queue into the messages to send, gaps first so the client knows
 * before the newer data. With `withSignals` false the signal values stay for
 * the next tick (events go out at once, signals at the bounded rate).
 */
export function drain (q: ClientQueue, withSignals = true): OutboundMessage[] {
  const out: OutboundMessage[] = []
  for (const [topic, dropped] of q.dropped) out.push({ type: 'gap', topic, dropped })
  q.dropped.clear()
  for (const e of q.events.splice(0)) out.push({ type: 'event', topic: e.topic, payload: e.payload })
  if (!withSignals) return out
  for (const [vehicleId, values] of q.signals) out.push({ type: 'signals', vehicleId, values: [...values.values()] })
  q.signals.clear()
  return out
}

/**
 * Signal fragments serialized once per flush and shared by every client whose
 * queue holds the very same value objects for a vehicle (the hub shares one
 * object per published value among all subscribers). With many dashboards
 * watching the same vehicles this turns N JSON.stringify calls into one.
 */
export type FragmentCache = Map<string, { readonly values: readonly SignalValue[], readonly json: string }>

const sameRefs = (a: readonly SignalValue[], b: readonly SignalValue[]) => a.length === b.length && a.every((v, i) => v === b[i])

/** Empties the queue straight into the JSON text of drain(q) (same content, same order), reusing cached fragments. */
export function drainToJson (q: ClientQueue, cache: FragmentCache): string {
  const parts: string[] = []
  for (const [topic, dropped] of q.dropped) parts.push(JSON.stringify({ type: 'gap', topic, dropped }))
  q.dropped.clear()
  for (const e of q.events.splice(0)) parts.push(JSON.stringify({ type: 'event', topic: e.topic, payload: e.payload }))
  for (const [vehicleId, byId] of q.signals) {
    const values = [...byId.values()]
    const hit = cache.get(vehicleId)
    if (hit !== undefined && sameRefs(hit.values, values)) {
      parts.push(hit.json)
      continue
    }
    const json = JSON.stringify({ type: 'signals', vehicleId, values })
    if (hit === undefined) cache.set(vehicleId, { values, json })
    parts.push(json)
  }
  q.signals.clear()
  return `[${parts.join(',')}]`
}

export function isEmpty (q: ClientQueue, withSignals = true): boolean {
  return (!withSignals || q.signals.size === 0) && q.events.length === 0 && q.dropped.size === 0
}
