import { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, timingSafeEqual, type KeyObject } from 'node:crypto'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Log } from '../common/log.js'

/**
 * The gateway's OTA signing identity: an Ed25519 key (Uptane's "director"
 * role, one key). Offers are signed with it; vehicles pin the public key.
 * Download URLs are authenticated with an HMAC key derived from it, so one
 * secret is configured, and rotating it invalidates outstanding URLs too.
 */
export interface OtaSigner {
  readonly keyId: string
  readonly publicKeyPem: string
  /** The 32-byte raw Ed25519 public key. */
  readonly publicKeyRaw: Buffer
  sign(document: Uint8Array): Buffer
  /** HMAC-SHA256 over a URL's canonical fields. */
  mac(text: string): string
  macMatches(text: string, mac: string): boolean
}

function fromKey (privateKey: KeyObject): OtaSigner {
  const publicKey = createPublicKey(privateKey)
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  const publicKeyRaw = Buffer.from(spki.subarray(spki.length - 32))
  const keyId = createHash('sha256').update(publicKeyRaw).digest('hex').slice(0, 16)
  const macKey = createHash('sha256').update('fleetwire/ota/url/v1').update(privateKey.export({ type: 'pkcs8', format: 'der' })).digest()
  const mac = (text: string) => createHmac('sha256', macKey).update(text).digest('base64url')
  return {
    keyId,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeyRaw,
    sign: (document) => sign(null, document, privateKey),
    mac,
    macMatches (text, given) {
      const want = Buffer.from(mac(text))
      const got = Buffer.from(given)
      return want.length === got.length && timingSafeEqual(want, got)
    },
  }
}

function parseKey (text: string): KeyObject {
  const t = text.trim()
  const key = t.startsWith('-----BEGIN')
    ? createPrivateKey(t)
    : createPrivateKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'pkcs8' })
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`OTA_SIGNING_KEY is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`)
  return key
}

/**
 * The key file's text, refused when group or others may read or write it:
 * whoever reads it can sign offers every vehicle installs (like ssh with a
 * private key, the gateway will not use a key others can read).
 */
async function checkedKeyFile (file: string): Promise<string> {
  const mode = (await stat(file)).mode & 0o777
  if ((mode & 0o077) !== 0) {
    throw new Error(`OTA signing key ${file} is accessible to group or others (mode ${mode.toString(8).padStart(4, '0')}): run \`chmod 600 ${file}\` and start again`)
  }
  return readFile(file, 'utf8')
}

/**
 * The configured key, else the one generated under DATA_DIR on an earlier
 * start, else a new one written there (0600). Generated keys are for
 * development: production configures OTA_SIGNING_KEY from a secret store.
 */
export async function loadSigner (configured: string | undefined, dataDir: string, log: Log): Promise<OtaSigner> {
  if (configured !== undefined) return fromKey(parseKey(configured))
  const file = join(dataDir, 'ota-signing-key.pem')
  const existing = await readFile(file, 'utf8').catch(() => undefined)
  if (existing !== undefined) return fromKey(parseKey(await checkedKeyFile(file)))
  const { privateKey } = generateKeyPairSync('ed25519')
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  await mkdir(dirname(file), { recursive: true })
  try {
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' })
  } catch (err) {
    // Another process (a parallel test, a second gateway) wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fromKey(parseKey(await checkedKeyFile(file)))
    throw err
  }
  const signer = fromKey(privateKey)
  log.warn({ file, keyId: signer.keyId }, 'OTA_SIGNING_KEY not set: generated a development signing key; configure a managed key in production')
  return signer
}
