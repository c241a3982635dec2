// Regenerates proto/generated/ from proto/fleetwire/v1/*.proto.
// Static code (instead of loading .proto at run time) gives typed messages
// and the fastest encode/decode protobufjs offers.
import { execFileSync } from 'node:child_process'
import { readdirSync, writeFileSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const protoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = process.argv[2] ?? join(protoRoot, 'generated')
const bin = join(protoRoot, '..', 'node_modules', '.bin')
const files = readdirSync(join(protoRoot, 'fleetwire', 'v1')).filter((f) => f.endsWith('.proto')).sort()
  .map((f) => join(protoRoot, 'fleetwire', 'v1', f))

const js = join(outDir, 'fleetwire.js')
execFileSync(join(bin, 'pbjs'), ['-t', 'static-module', '-w', 'es6', '--es6', '--force-number', '--no-verify', '--no-delimited', '--no-convert', '--no-service', '-p', protoRoot, '-o', js, ...files], { cwd: protoRoot, stdio: 'inherit' })
// pbjs emits a bare 'protobufjs/minimal' import; Node ESM needs the file extension.
writeFileSync(js, readFileSync(js, 'utf8').replace(/from "protobufjs\/minimal"/, 'from "protobufjs/minimal.js"'))
execFileSync(join(bin, 'pbts'), ['-o', join(outDir, 'fleetwire.d.ts'), js], { cwd: protoRoot, stdio: 'inherit' })
