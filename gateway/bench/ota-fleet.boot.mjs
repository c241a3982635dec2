// Worker entry for bench:ota's vehicle thread: registers tsx, then loads the TypeScript worker.
import { register } from 'tsx/esm/api'
import { workerData } from 'node:worker_threads'

register()
await import(workerData.entry)
