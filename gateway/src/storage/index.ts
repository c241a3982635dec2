import storage from './pool.plugin.js'

export default storage
export type { Storage } from './pool.plugin.js'
export type { Queryable, QueryResultLike } from './db.js'
export type { BucketPoint } from './telemetry-rollup.core.js'
export type {
  History,
  HistoryPoint,
  HistoryQuery,
  LatestValue,
  RawPoint,
  TelemetryColumns,
  TelemetryRepository,
} from './telemetry.repository.js'
