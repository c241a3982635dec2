import { isAbsolute, posix } from 'node:path'
import type { Config } from '../../src/config/load.js'

/** The final stage of a Dockerfile, as far as file ownership is concerned. */
export interface RuntimeStage {
  readonly from: string
  readonly workdir: string
  readonly user: string | undefined
  readonly env: Readonly<Record<string, string>>
  /** Directories the RUN steps `chown` to an owner (user name before any `:group`). */
  readonly chowned: ReadonlyArray<{ owner: string, path: string }>
  readonly volumes: readonly string[]
  /** Every FROM image of every stage, with build ARG defaults substituted. */
  readonly images: readonly string[]
}

/** Joins continuation lines and drops comments: one instruction per entry. */
function instructions (dockerfile: string): Array<{ op: string, args: string }> {
  const joined = dockerfile.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n').replace(/\\\n/g, ' ')
  return joined.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((l) => {
    const m = /^(\S+)\s+(.*)$/.exec(l)
    return { op: (m?.[1] ?? l).toUpperCase(), args: m?.[2] ?? '' }
  })
}

function words (args: string): string[] {
  const t = args.trim()
  if (t.startsWith('[')) return JSON.parse(t) as string[]
  return t.split(/\s+/)
}

export function parseRuntimeStage (dockerfile: string): RuntimeStage {
  const args: Record<string, string> = {}
  const images: string[] = []
  let stage: { from: string, workdir: string, user: string | undefined, env: Record<string, string>, chowned: Array<{ owner: string, path: string }>, volumes: string[] } | undefined
  const subst = (s: string) => s.replace(/\$\{?(\w+)\}?/g, (_, k: string) => stage?.env[k] ?? args[k] ?? '')
  for (const { op, args: a } of instructions(dockerfile)) {
    if (op === 'ARG' && stage === undefined) {
      const [k, v] = a.split('=')
      if (k !== undefined) args[k] = v ?? ''
    } else if (op === 'FROM') {
      const image = subst(a.split(/\s+/)[0] ?? '')
      images.push(image)
      stage = { from: image, workdir: '/', user: undefined, env: {}, chowned: [], volumes: [] }
    } else if (stage === undefined) {
      // instructions before the first FROM other than ARG do not exist
    } else if (op === 'WORKDIR') {
      stage.workdir = posix.resolve(stage.workdir, subst(a))
    } else if (op === 'USER') {
      stage.user = subst(a).split(':')[0]
    } else if (op === 'ENV') {
      for (const m of a.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[m[1] as string] = subst((m[2] as string).replace(/^"|"$/g, ''))
    } else if (op === 'VOLUME') {
      stage.volumes.push(...words(a).map(subst))
    } else if (op === 'RUN') {
      for (const cmd of a.split(/&&|;/)) {
        const w = cmd.trim().split(/\s+/)
        if (w[0] !== 'chown') continue
        const rest = w.slice(1).filter((x) => !x.startsWith('-'))
        const owner = (rest[0] ?? '').split(':')[0] as string
        for (const p of rest.slice(1)) stage.chowned.push({ owner, path: posix.resolve(stage.workdir, subst(p)) })
      }
    }
  }
  if (stage === undefined) throw new Error('no FROM in the Dockerfile')
  return { ...stage, images }
}

/** Every path the gateway creates or writes under a configuration (embedded PostgreSQL only without DATABASE_URL). */
export function gatewayWritePaths (config: Config): Record<string, string> {
  return {
    spool: config.spool.dir,
    artifacts: config.ota.artifactDir,
    'signing key': posix.join(config.db.dataDir, 'ota-signing-key.pem'),
    ...(config.db.url === undefined ? { 'embedded PostgreSQL': posix.join(config.db.dataDir, 'pg') } : {}),
  }
}

const under = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith('/') ? dir : dir + '/')

/**
 * Why the runtime user could not write, or would lose, each path: relative
 * paths land in WORKDIR; a path must lie in a directory chowned to the
 * runtime user and in a VOLUME (or `mounts`, the compose volume targets).
 */
export function writeProblems (stage: RuntimeStage, paths: Record<string, string>, mounts: readonly string[] = stage.volumes): string[] {
  const problems: string[] = []
  if (stage.user === undefined || stage.user === 'root' || stage.user === '0') problems.push('the image runs as root')
  for (const [what, raw] of Object.entries(paths)) {
    const p = isAbsolute(raw) ? posix.normalize(raw) : posix.resolve(stage.workdir, raw)
    if (!stage.chowned.some((c) => c.owner === stage.user && under(p, c.path))) problems.push(`${what} (${p}) is not in a directory owned by ${stage.user ?? 'root'}`)
    if (!mounts.some((v) => under(p, v))) problems.push(`${what} (${p}) is not on a volume`)
  }
  return problems
}
