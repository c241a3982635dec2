import { type Result, fail, ok } from '../common/result.js'

/**
 * Request/response correlation for remote diagnostics: every command waits
 * under its correlation id until the vehicle answers or its deadline
 * passes. Pure: the clock is passed in.
 */
export interface PendingCommand<T> {
  readonly correlationId: string
  readonly vehicleKey: number
  readonly deadlineMs: number
  readonly waiter: T
}

export type SettleFailure = 'GW_DIAG_UNKNOWN_CORRELATION' | 'GW_DIAG_WRONG_VEHICLE'

export function createSessionTable<T> () {
  const pending = new Map<string, PendingCommand<T>>()
  return {
    open (cmd: PendingCommand<T>): void {
      pending.set(cmd.correlationId, cmd)
    },
    /** A response: only the vehicle the command was sent to may answer it (a late answer after the deadline is unknown). */
    settle (correlationId: string, vehicleKey: number): Result<PendingCommand<T>, SettleFailure> {
      const cmd = pending.get(correlationId)
      if (cmd === undefined) return fail('GW_DIAG_UNKNOWN_CORRELATION', `no command ${correlationId} is waiting (answered already or timed out)`)
      if (cmd.vehicleKey !== vehicleKey) return fail('GW_DIAG_WRONG_VEHICLE', `command ${correlationId} was not sent to this vehicle`)
      pending.delete(correlationId)
      return ok(cmd)
    },
    /** Removes and returns every command whose deadline has passed. */
    expire (nowMs: number): Array<PendingCommand<T>> {
      const out: Array<PendingCommand<T>> = []
      for (const [id, cmd] of pending) {
        if (cmd.deadlineMs <= nowMs) {
          pending.delete(id)
          out.push(cmd)
        }
      }
      return out
    },
    size: (): number => pending.size,
  }
}
