import { readFile } from 'node:fs/promises'
import { createServer, type TLSSocket, type Server } from 'node:tls'
import type { Socket } from 'node:net'

export interface TlsFiles {
  certFile: string
  keyFile: string
  /** Set: client certificates are requested and verified against it (mutual TLS). */
  caFile: string | undefined
}

/**
 * The MQTT-over-TLS listener. A client certificate is optional, so password
 * logins keep working over TLS; one that is presented must chain to the CA
 * (checked here, before MQTT starts) and its CN is what authenticate
 * compares with the client id. `rejectUnauthorized: false` only so that a
 * client *without* a certificate gets through the handshake; an
 * unverifiable certificate is refused in `onSecure`.
 */
export async function createTlsListener (files: TlsFiles, onSecure: (socket: TLSSocket, verifiedCn: string | undefined) => void, onRefused: (socket: TLSSocket, reason: string) => void): Promise<Server> {
  const [cert, key, ca] = await Promise.all([
    readFile(files.certFile),
    readFile(files.keyFile),
    files.caFile === undefined ? undefined : readFile(files.caFile),
  ])
  return createServer({
    cert,
    key,
    ca,
    requestCert: ca !== undefined,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
    // Handshakes are CPU work an attacker can demand; cap the time a socket may take.
    handshakeTimeout: 10_000,
  }, (socket) => {
    const peer = ca === undefined ? undefined : socket.getPeerCertificate()
    const presented = peer !== undefined && peer !== null && Object.keys(peer).length > 0
    if (!presented) return onSecure(socket, undefined)
    if (!socket.authorized) return onRefused(socket, `client certificate not trusted: ${String(socket.authorizationError)}`)
    const cn = peer.subject?.CN
    if (typeof cn !== 'string' || cn === '') return onRefused(socket, 'client certificate has no single CN')
    onSecure(socket, cn)
  })
}

/** The raw socket's address for per-address limits ('unknown' when already closed). */
export function remoteAddressOf (socket: Socket): string {
  return socket.remoteAddress ?? 'unknown'
}
