import { describe, expect, it } from 'vitest'
import { checkWebhookUrl } from './webhook-url.core.js'

const owner = { admin: false, allowInsecure: false, allowHttp: false }
const admin = { admin: true, allowInsecure: false, allowHttp: false }
const code = (r: ReturnType<typeof checkWebhookUrl>) => r.ok ? 'ok' : r.error.code

describe('checkWebhookUrl', () => {
  it('accepts https for everyone', () => {
    expect(code(checkWebhookUrl('https://hooks.example.com/x', owner))).toBe('ok')
    expect(code(checkWebhookUrl('https://hooks.example.com/x', admin))).toBe('ok')
  })
  it('refuses plain http for a fleet owner, even when it asks for allowInsecure', () => {
    expect(code(checkWebhookUrl('http://hooks.example.com/x', owner))).toBe('GW_WEBHOOK_HTTPS_REQUIRED')
    expect(code(checkWebhookUrl('http://hooks.example.com/x', { ...owner, allowInsecure: true }))).toBe('GW_WEBHOOK_INSECURE_ADMIN_ONLY')
    expect(code(checkWebhookUrl('https://hooks.example.com/x', { ...owner, allowInsecure: true }))).toBe('GW_WEBHOOK_INSECURE_ADMIN_ONLY')
  })
  it('lets an admin register plain http only explicitly', () => {
    expect(code(checkWebhookUrl('http://hooks.example.com/x', admin))).toBe('GW_WEBHOOK_HTTPS_REQUIRED')
    expect(code(checkWebhookUrl('http://hooks.example.com/x', { ...admin, allowInsecure: true }))).toBe('ok')
  })
  it('lets the operator allow http for everyone', () => {
    expect(code(checkWebhookUrl('http://hooks.example.com/x', { ...owner, allowHttp: true }))).toBe('ok')
  })
  it('refuses other schemes, credentials and garbage', () => {
    for (const u of ['ftp://example.com/', 'file:///etc/passwd', 'gopher://x/', 'not a url', 'https://user:pw@example.com/']) {
      expect(code(checkWebhookUrl(u, { ...admin, allowInsecure: true, allowHttp: true })), u).toBe('GW_WEBHOOK_BAD_URL')
    }
  })
})
