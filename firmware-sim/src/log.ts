/** The slice of a pino logger the simulator uses; pass `pino()` or a child of the caller's logger. */
export interface SimLogger {
  debug(obj: object, msg: string): void
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export const SILENT_LOGGER: SimLogger = { debug () {}, info () {}, warn () {}, error () {} }
