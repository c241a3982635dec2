import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connect } from 'node:net'
import { freePort } from '../../test/support/free-port.js'

/** Debian's redis-server on a free port and a temporary directory (no persistence: Redis holds nothing that cannot be rebuilt). */
export class RedisServer {
  private constructor (private child: ChildProcess, readonly port: number, private readonly dir: string) {}

  /** For CPU accounting in the benches (undefined after a stop). */
  get pid (): number | undefined {
    return this.child.pid
  }

  get url (): string {
    return `redis://127.0.0.1:${this.port}`
  }

  static async start (port?: number): Promise<RedisServer> {
    const dir = await mkdtemp(path.join(tmpdir(), 'fleetwire-redis-'))
    const p = port ?? await freePort()
    const server = new RedisServer(RedisServer.spawn(p, dir), p, dir)
    await server.waitListening()
    return server
  }

  private static spawn (port: number, dir: string): ChildProcess {
    return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' })
  }

  private async waitListening (): Promise<void> {
    const until = Date.now() + 10_000
    for (;;) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = connect(this.port, '127.0.0.1', () => { s.end(); resolve(true) })
        s.once('error', () => resolve(false))
      })
      if (ok) return
      if (Date.now() > until) throw new Error(`redis-server did not listen on ${this.port}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  /** Stops the server (SIGTERM); restart() brings it back on the same port. */
  async stop (): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    const exited = new Promise((resolve) => this.child.once('exit', resolve))
    this.child.kill('SIGTERM')
    await exited
  }

  async restart (): Promise<void> {
    await this.stop()
    this.child = RedisServer.spawn(this.port, this.dir)
    await this.waitListening()
  }

  async close (): Promise<void> {
    await this.stop()
    await rm(this.dir, { recursive: true, force: true })
  }
}
