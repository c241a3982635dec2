import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['gateway/test/support/postgres.global-setup.ts'],
    include: ['**/*.test.ts'],
    // ota-and-tenants needs the OTA and users APIs of other branches: the integrator enables it at merge.
    exclude: ['**/node_modules/**', 'dashboards/test/ota-and-tenants.browser.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
