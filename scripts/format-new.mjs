// npm run format: Biome's formatter on the files that are new against main
// (committed on this branch, staged, or untracked), or on the paths given.
// Biome cannot keep the house style's space before function parentheses, so
// existing files are not reformatted wholesale.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const biome = fileURLToPath(new URL('../node_modules/@biomejs/biome/bin/biome', import.meta.url))
const git = (...args) =>
  execFileSync('git', args, { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l !== '')
const given = process.argv.slice(2)
const files =
  given.length > 0
    ? given
    : [...new Set([...git('diff', '--name-only', '--diff-filter=A', 'main'), ...git('ls-files', '--others', '--exclude-standard')])].filter(
        (f) => /\.(ts|tsx|mjs|js|css)$/.test(f) && existsSync(f),
      )
if (files.length === 0) {
  process.stdout.write('format: no new files against main (pass paths to format others)\n')
  process.exit(0)
}
const r = spawnSync(process.execPath, [biome, 'format', '--write', ...files], { stdio: 'inherit' })
process.exit(r.status ?? 1)
