// Builds the dashboards when dist/ is missing or older than any source file
// (npm start runs this first, so a fresh checkout or an edit is never served stale).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const built = join(root, 'dist', 'index.html')

function newest (path) {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))))
}

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(root, p)).filter(existsSync)
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs
if (stale || process.argv.includes('--force')) {
  process.stdout.write('building the dashboards (vite build)…\n')
  const r = spawnSync(process.execPath, [join(root, '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
