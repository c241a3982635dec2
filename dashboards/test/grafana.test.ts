import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteTimescale, type TimescaleTestDb } from '../../gateway/test/support/pglite.js'
import { runMigrations } from '../../gateway/src/storage/migrate.js'

/**
 * The provisioned Grafana dashboards are kept honest by running every panel
 * query (Grafana macros expanded) against the gateway's migrated schema on
 * TimescaleDB (PGlite). Queries on the OTA tables run once those tables
 * exist (OTA migrations, merged from their branch); until then they must
 * fail only because the table is missing.
 */
const GRAFANA = fileURLToPath(new URL('../grafana/', import.meta.url))
const DATASOURCE_UID = 'fleetwire-timescaledb'

interface Panel { title: string, datasource?: { uid: string }, targets?: Array<{ rawSql: string, datasource?: { uid: string } }> }
interface Dashboard { uid: string, title: string, panels: Panel[], templating: { list: Array<{ name: string, query?: string, datasource?: { uid: string } }> } }

const dashboards = readdirSync(`${GRAFANA}dashboards`).filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, d: JSON.parse(readFileSync(`${GRAFANA}dashboards/${f}`, 'utf8')) as Dashboard }))

/** What Grafana's PostgreSQL datasource does to the macros and variables, for a 7-day range and a 1-minute interval. */
function expand (sql: string): string {
  return sql
    .replace(/\$__timeGroupAlias\(([^,]+), \$__interval\)/g, "time_bucket('1 minute', $1) AS time")
    .replace(/\$__timeFilter\(([^)]+)\)/g, "$1 BETWEEN now() - interval '7 days' AND now()")
    .replaceAll('$__timeFrom()', "'" + new Date(Date.now() - 7 * 86_400_000).toISOString() + "'")
    .replaceAll('$__timeTo()', "'" + new Date().toISOString() + "'")
    .replaceAll('$__interval', '1 minute')
    .replaceAll('$vehicle', 'WVWZZZ1JZXW000001')
    .replaceAll('$signal', '1')
}

let t: TimescaleTestDb
beforeAll(async () => {
  t = await createPgliteTimescale()
  await runMigrations(t.conn, { log: pino({ level: 'silent' }), timescale: true })
}, 60_000)
afterAll(async () => { await t?.close() })

describe('Grafana provisioning', () => {
  it('has the four dashboards, unique uids, all on the provisioned datasource', () => {
    expect(dashboards.map((x) => x.file).sort()).toEqual(['alerts.json', 'campaigns.json', 'fleet-health.json', 'signal-history.json'])
    expect(new Set(dashboards.map((x) => x.d.uid)).size).toBe(dashboards.length)
    expect(readFileSync(`${GRAFANA}provisioning/datasources/timescaledb.yaml`, 'utf8')).toContain(`uid: ${DATASOURCE_UID}`)
    for (const { d } of dashboards) {
      for (const p of d.panels) {
        expect(p.datasource?.uid, `${d.title} / ${p.title}`).toBe(DATASOURCE_UID)
        expect(p.targets?.length, `${d.title} / ${p.title}`).toBeGreaterThan(0)
      }
    }
  })

  it('every panel and variable query runs on the migrated schema (TimescaleDB)', async () => {
    const hasOta = (await t.conn.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'ota_campaigns'")).rows[0]?.n === 1
    const queries = dashboards.flatMap(({ d }) => [
      ...d.panels.flatMap((p) => (p.targets ?? []).map((x) => ({ what: `${d.title} / ${p.title}`, sql: x.rawSql }))),
      ...d.templating.list.filter((v) => v.datasource !== undefined && v.query !== undefined).map((v) => ({ what: `${d.title} / $${v.name}`, sql: v.query as string })),
    ])
    expect(queries.length).toBeGreaterThan(20)
    let ran = 0
    for (const q of queries) {
      const needsOta = /\bota_\w+/.test(q.sql)
      if (needsOta && !hasOta) {
        await expect(t.conn.query(expand(q.sql)), q.what).rejects.toThrow(/relation "ota_\w+" does not exist/)
        continue
      }
      await expect(t.conn.query(expand(q.sql)).then(() => 'ok'), q.what).resolves.toBe('ok')
      ran++
    }
    expect(ran).toBeGreaterThanOrEqual(queries.length - 4)
  })
})
