import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connect } from 'node:net'

export interface HaproxyBackend {
  name: string
  host: string
  mqttPort: number
  httpPort: number
  /** MQTT over TLS port of the instance (TLS passthrough); undefined = no TLS. */
  mqttsPort?: number | undefined
}

export interface HaproxyPorts {
  bindHost: string
  mqttPort: number
  httpPort: number
  mqttsPort?: number | undefined
}

/**
 * The load balancer in front of the gateway instances (the same shape as
 * deploy/haproxy.cfg):
 * - MQTT (and MQTT over TLS, passed through untouched) in TCP mode, least
 *   connections, each connection prefixed with a PROXY protocol v2 header so
 *   the gateway's per-address limits and bans see the vehicle, not the
 *   balancer. Health checks send the header too (a LOCAL command).
 * - HTTP (REST, dashboards, /live and MQTT over WebSocket) in HTTP mode with
 *   X-Forwarded-For, which the gateways trust from the balancer (TRUST_PROXY).
 * A failed connect is retried on another instance (`option redispatch`), so a
 * vehicle reconnecting after its instance died lands on a live one at once.
 */
export function haproxyConfig (ports: HaproxyPorts, backends: readonly HaproxyBackend[]): string {
  const mqtt = backends.map((b) => `  server ${b.name} ${b.host}:${b.mqttPort} send-proxy-v2 check check-send-proxy inter 1s fall 2 rise 2`)
  const http = backends.map((b) => `  server ${b.name} ${b.host}:${b.httpPort} check inter 1s fall 2 rise 2`)
  const tls = backends.filter((b) => b.mqttsPort !== undefined).map((b) => `  server ${b.name} ${b.host}:${b.mqttsPort} send-proxy-v2 check check-send-proxy inter 1s fall 2 rise 2`)
  return [
    'global',
    // No fixed maxconn: haproxy derives it from the open-file limit it is given (ulimit -n).
    '',
    'defaults',
    '  timeout connect 2s',
    // MQTT keep-alive is up to a few minutes; WebSockets and MQTT idle between pings.
    '  timeout client 10m',
    '  timeout server 10m',
    '  timeout tunnel 1h',
    '  option redispatch',
    '  retries 3',
    '',
    'frontend mqtt',
    '  mode tcp',
    `  bind ${ports.bindHost}:${ports.mqttPort}`,
    '  default_backend gateways_mqtt',
    '',
    'backend gateways_mqtt',
    '  mode tcp',
    '  balance leastconn',
    ...mqtt,
    '',
    ...(ports.mqttsPort === undefined || tls.length === 0
      ? []
      : ['frontend mqtts', '  mode tcp', `  bind ${ports.bindHost}:${ports.mqttsPort}`, '  default_backend gateways_mqtts', '',
          'backend gateways_mqtts', '  mode tcp', '  balance leastconn', ...tls, '']),
    'frontend http',
    '  mode http',
    `  bind ${ports.bindHost}:${ports.httpPort}`,
    '  option forwardfor',
    '  default_backend gateways_http',
    '',
    'backend gateways_http',
    '  mode http',
    '  balance roundrobin',
    '  option httpchk GET /healthz',
    ...http,
    '',
  ].join('\n')
}

/** Debian's haproxy in the foreground on a generated configuration. */
export class HaproxyProcess {
  private constructor (private readonly child: ChildProcess, private readonly dir: string, readonly ports: HaproxyPorts) {}

  /** For CPU accounting in the benches. */
  get pid (): number | undefined {
    return this.child.pid
  }

  static async start (ports: HaproxyPorts, backends: readonly HaproxyBackend[]): Promise<HaproxyProcess> {
    const dir = await mkdtemp(path.join(tmpdir(), 'fleetwire-haproxy-'))
    const file = path.join(dir, 'haproxy.cfg')
    await writeFile(file, haproxyConfig(ports, backends))
    const child = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000) })
    const p = new HaproxyProcess(child, dir, ports)
    const until = Date.now() + 10_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`haproxy exited: ${stderr}`)
      const ok = await new Promise<boolean>((resolve) => {
        const s = connect(ports.httpPort, ports.bindHost === '0.0.0.0' ? '127.0.0.1' : ports.bindHost, () => { s.end(); resolve(true) })
        s.once('error', () => resolve(false))
      })
      if (ok) return p
      if (Date.now() > until) throw new Error(`haproxy did not listen: ${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  async stop (): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve))
      this.child.kill('SIGTERM')
      await exited
    }
    await rm(this.dir, { recursive: true, force: true })
  }
}
