import { type Result, fail, ok } from '../common/result.js'

export type WebhookUrlFailure = 'GW_WEBHOOK_HTTPS_REQUIRED' | 'GW_WEBHOOK_INSECURE_ADMIN_ONLY' | 'GW_WEBHOOK_BAD_URL'

/**
 * Registration rules for a webhook URL. Fleet owners' webhooks must use
 * https (their events leave the operator's network); an admin may register
 * plain http by saying so (`allowInsecure`), and the operator may allow it
 * for everyone (WEBHOOK_ALLOW_HTTP, for test receivers). Where the host
 * points is checked separately, at registration and again at every
 * connection (address-policy.core.ts).
 */
export function checkWebhookUrl (raw: string, who: { admin: boolean, allowInsecure: boolean, allowHttp: boolean }): Result<URL, WebhookUrlFailure> {
  if (who.allowInsecure && !who.admin) return fail('GW_WEBHOOK_INSECURE_ADMIN_ONLY', 'only an admin may register a plain-http webhook (allowInsecure)')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fail('GW_WEBHOOK_BAD_URL', 'url is not a valid URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('GW_WEBHOOK_BAD_URL', 'url must be https://')
  // Credentials in the URL would be stored and shown in lists; the signature header authenticates the gateway instead.
  if (url.username !== '' || url.password !== '') return fail('GW_WEBHOOK_BAD_URL', 'url must not contain credentials')
  if (url.protocol === 'http:' && !who.allowHttp && !(who.admin && who.allowInsecure)) {
    return fail('GW_WEBHOOK_HTTPS_REQUIRED', who.admin ? 'webhooks must use https:// (an admin may pass allowInsecure: true for plain http)' : 'webhooks must use https://')
  }
  return ok(url)
}
