import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { Agent, buildConnector } from 'undici'
import { type AddressClass, type Cidr, checkAddress } from '../address-policy.core.js'

/** A webhook host that resolves (or is) an address outside the allowed set. */
export class RefusedAddressError extends Error {
  constructor (readonly host: string, readonly address: string, readonly cls: AddressClass) {
    super(`${host} resolves to ${address} (${cls}), which webhooks may not reach`)
    this.name = 'RefusedAddressError'
  }
}

/** The name could not be resolved at all. */
export class LookupFailedError extends Error {
  constructor (readonly host: string, cause: unknown) {
    super(`${host} could not be resolved`, { cause })
    this.name = 'LookupFailedError'
  }
}

export interface GuardedAgentOptions {
  /** Networks the operator allowed although they are private, loopback, … (WEBHOOK_ALLOW_PRIVATE_NETWORKS). */
  allowed: readonly Cidr[]
  connectTimeoutMs: number
  /** Replaceable for tests of names that resolve to refused addresses. */
  resolve?: (host: string) => Promise<string[]>
}

/**
 * Resolves a URL host name (or takes an IP literal) and returns the address
 * to connect to; rejects with RefusedAddressError when any address it
 * resolves to is outside the allowed set.
 */
export async function resolveChecked (hostname: string, allowed: readonly Cidr[], resolve: (host: string) => Promise<string[]> = systemResolve): Promise<string> {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
  let addresses: string[]
  if (isIP(host) !== 0) {
    addresses = [host]
  } else {
    try {
      addresses = await resolve(host)
    } catch (err) {
      throw new LookupFailedError(host, err)
    }
    if (addresses.length === 0) throw new LookupFailedError(host, undefined)
  }
  // Every address must pass: a name answering with a public and a loopback address is refused as a whole.
  for (const a of addresses) {
    const v = checkAddress(a, allowed)
    if (!v.ok) throw new RefusedAddressError(host, a, v.cls)
  }
  return addresses[0] as string
}

const systemResolve = async (host: string): Promise<string[]> => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address)

/**
 * An undici dispatcher whose every connection goes through one check: the
 * host is resolved here, each address is judged (address-policy.core.ts),
 * and the socket is opened to the judged address itself — never to a name
 * the system resolves a second time, so DNS rebinding between the check and
 * the connect cannot move the request to 127.0.0.1. TLS still verifies the
 * certificate against the original host name (servername).
 */
export function createGuardedAgent (o: GuardedAgentOptions): Agent {
  const connectTo = buildConnector({ timeout: o.connectTimeoutMs })
  return new Agent({
    connect: (opts, callback) => {
      // Only the socket's address changes: undici takes the TLS server name and the Host header from `host`, the URL's.
      resolveChecked(opts.hostname, o.allowed, o.resolve).then((address) => connectTo({ ...opts, hostname: address }, callback), (err: Error) => callback(err, null))
    },
  })
}
