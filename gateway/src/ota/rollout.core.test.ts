import { describe, expect, it } from 'vitest'
import { canTransition, transition, UPDATE_STATES, type UpdateState } from './rollout.core.js'

const at = (state: UpdateState, reason: string | null = null) => ({ state, reason })

describe('per-vehicle update state machine', () => {
  it('walks the happy path from opt-in to success', () => {
    const path: Array<[UpdateState, Parameters<typeof transition>[1], UpdateState]> = [
      ['pending_opt_in', { kind: 'owner_opted_in' }, 'queued'],
      ['queued', { kind: 'offer_sent' }, 'offered'],
      ['offered', { kind: 'report', state: 'awaiting_consent', reason: '' }, 'awaiting_consent'],
      ['awaiting_consent', { kind: 'report', state: 'postponed', reason: '' }, 'postponed'],
      ['postponed', { kind: 'report', state: 'downloading', reason: '' }, 'downloading'],
      ['downloading', { kind: 'report', state: 'downloaded', reason: '' }, 'downloaded'],
      ['downloaded', { kind: 'report', state: 'installing', reason: '' }, 'installing'],
      ['installing', { kind: 'report', state: 'verifying', reason: '' }, 'verifying'],
      ['verifying', { kind: 'report', state: 'succeeded', reason: '' }, 'succeeded'],
    ]
    for (const [from, input, to] of path) expect(transition(at(from), input)).toEqual({ kind: 'applied', to, reason: expect.any(String) })
  })

  it('rejects a report that does not fit the current state, and says why', () => {
    const r = transition(at('queued'), { kind: 'report', state: 'succeeded', reason: '' })
    expect(r.kind).toBe('rejected')
    expect(r.kind === 'rejected' && r.detail).toContain('queued')
    expect(transition(at('succeeded'), { kind: 'report', state: 'downloading', reason: '' }).kind).toBe('rejected')
    expect(transition(at('cancelled'), { kind: 'report', state: 'installing', reason: '' }).kind).toBe('rejected')
  })

  it('a vehicle confirms a revocation of a cancelled update, and cannot revoke one that still runs', () => {
    expect(transition(at('cancelled', 'campaign_cancelled'), { kind: 'report', state: 'revoked', reason: '' })).toEqual({ kind: 'unchanged' })
    for (const s of ['offered', 'awaiting_consent', 'downloading'] as const) {
      expect(transition(at(s), { kind: 'report', state: 'revoked', reason: '' }).kind).toBe('rejected')
    }
  })

  it('treats a repeated report as unchanged (idempotent)', () => {
    expect(transition(at('downloading'), { kind: 'report', state: 'downloading', reason: '' })).toEqual({ kind: 'unchanged' })
    expect(transition(at('failed', 'hash_mismatch'), { kind: 'report', state: 'rejected', reason: 'hash_mismatch' })).toEqual({ kind: 'unchanged' })
    expect(transition(at('cancelled'), { kind: 'cancel', reason: 'x' })).toEqual({ kind: 'unchanged' })
  })

  it('maps an offer rejected by the vehicle to failed with the vehicle\'s reason', () => {
    expect(transition(at('offered'), { kind: 'report', state: 'rejected', reason: 'signature_invalid' })).toEqual({ kind: 'applied', to: 'failed', reason: 'signature_invalid' })
  })

  it('lets only the owner undo an owner opt-out, and not after the offer went out', () => {
    expect(transition(at('queued'), { kind: 'owner_opted_out' })).toEqual({ kind: 'applied', to: 'declined', reason: 'owner_opted_out' })
    expect(transition(at('declined', 'owner_opted_out'), { kind: 'owner_opted_in' })).toEqual({ kind: 'applied', to: 'queued', reason: 'owner_opted_in' })
    expect(transition(at('declined', 'vehicle_declined'), { kind: 'owner_opted_in' }).kind).toBe('rejected')
    expect(transition(at('downloading'), { kind: 'owner_opted_out' }).kind).toBe('rejected')
  })

  it('retries only failures, and only a retry re-queues a timed-out vehicle', () => {
    expect(transition(at('rolled_back'), { kind: 'retry', reason: 'manual_retry' })).toEqual({ kind: 'applied', to: 'queued', reason: 'manual_retry' })
    expect(transition(at('succeeded'), { kind: 'retry', reason: 'manual_retry' }).kind).toBe('rejected')
    // A vehicle that comes back after a timeout may still finish the update it was doing.
    expect(transition(at('timed_out'), { kind: 'report', state: 'verifying', reason: '' })).toMatchObject({ kind: 'applied', to: 'verifying' })
  })

  it('never leaves a terminal success or cancellation', () => {
    for (const to of UPDATE_STATES) {
      expect(canTransition('succeeded', to)).toBe(false)
      expect(canTransition('cancelled', to)).toBe(false)
    }
  })

  it('times out only in-progress states', () => {
    expect(transition(at('downloading'), { kind: 'timeout' })).toMatchObject({ kind: 'applied', to: 'timed_out' })
    expect(transition(at('awaiting_consent'), { kind: 'timeout' }).kind).toBe('rejected')
    expect(transition(at('queued'), { kind: 'timeout' }).kind).toBe('rejected')
  })
})
