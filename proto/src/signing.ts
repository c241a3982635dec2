/**
 * Domain separation for signed messages: a revocation is signed over
 * this prefix followed by its document, so bytes signed as an offer (or as
 * anything else) can never be replayed as a revocation.
 */
export const REVOCATION_SIGNING_CONTEXT = Buffer.from('fleetwire.v1.RevocationDocument\0', 'utf8')

/** The bytes a revocation's signature covers. */
export const revocationSigningInput = (document: Uint8Array): Buffer => Buffer.concat([REVOCATION_SIGNING_CONTEXT, document])

/** The same separation for safety notices (SafetyNotice). */
export const NOTICE_SIGNING_CONTEXT = Buffer.from('fleetwire.v1.NoticeDocument\0', 'utf8')

/** The bytes a safety notice's signature covers. */
export const noticeSigningInput = (document: Uint8Array): Buffer => Buffer.concat([NOTICE_SIGNING_CONTEXT, document])
