import { generateKeyPairSync } from 'node:crypto'
import { type TestGateway, startGateway } from '../helper.js'
import { createTestDatabase, type TestDatabase } from '../support/postgres.js'
import { RedisServer } from '../../scripts/cluster/redis-server.js'

/** One OTA signing key for every instance of a test cluster (a cluster refuses to start without one). */
export const CLUSTER_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')

export function clusterEnv (redisUrl: string, instanceId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { REDIS_URL: redisUrl, INSTANCE_ID: instanceId, OTA_SIGNING_KEY: CLUSTER_SIGNING_KEY, CLUSTER_LEASE_S: '3', DEMO_VEHICLES: '0', ...extra }
}

/** Gateway instances in this process on one test database and one redis-server: the cluster tests' common set-up. */
export interface InProcessCluster {
  readonly redis: RedisServer
  readonly db: TestDatabase
  readonly gws: TestGateway[]
  close(): Promise<void>
}

export async function startInProcessCluster (ids: readonly string[], extra: Record<string, string> = {}): Promise<InProcessCluster> {
  const redis = await RedisServer.start()
  const db = await createTestDatabase()
  const gws: TestGateway[] = []
  // Each instance has its own data directory (startGateway): nothing shared on disk.
  for (const id of ids) gws.push(await startGateway(clusterEnv(redis.url, id, extra), db.url))
  return {
    redis, db, gws,
    async close () {
      for (const g of gws) await g.close()
      await db.drop()
      await redis.close()
    },
  }
}
