import { generateKeyPairSync } from 'node:crypto'

/** One OTA signing key for every instance of a test cluster (a cluster refuses to start without one). */
export const CLUSTER_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')

export function clusterEnv (redisUrl: string, instanceId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { REDIS_URL: redisUrl, INSTANCE_ID: instanceId, OTA_SIGNING_KEY: CLUSTER_SIGNING_KEY, CLUSTER_LEASE_S: '3', DEMO_VEHICLES: '0', ...extra }
}
