import type { FastifyRequest } from 'fastify'
import { resolveLanguage } from '@fleetwire/i18n'

/**
 * The reader's language: `?lang=` when given, else the first tag of
 * Accept-Language, resolved through the catalogue's fallback chain (exact
 * tag, language, English).
 */
export function requestLanguage (req: FastifyRequest): string {
  const q = (req.query as Record<string, unknown> | undefined)?.lang
  const header = req.headers['accept-language']
  const first = typeof header === 'string' ? header.split(',')[0]?.split(';')[0]?.trim() : undefined
  return resolveLanguage(typeof q === 'string' && q !== '' ? q : first)
}
