import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  readonly from: string
  readonly to: string[]
  /** Headers and body as sent, quoted-printable and encoded words decoded. */
  readonly text: string
  header(name: string): string | undefined
}

export interface TestSmtp {
  readonly url: string
  readonly mails: ReceivedMail[]
  /** The next `n` messages are refused with a temporary error (451) after DATA. */
  failNext(n: number): void
  close(): Promise<void>
}

/** Quoted-printable soft breaks and =XX bytes, and =?UTF-8?Q|B?…?= words, back to UTF-8 text (`raw` holds the bytes as latin1). */
function decode (raw: string): string {
  const bytes = (s: string) => s.replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
  // [RFC 2047 §6.2] white space between adjacent encoded words is not displayed.
  const words = raw.replace(/(\?=)\s+(=\?)/g, '$1$2').replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('latin1') : bytes(data.replace(/_/g, ' ')))
  return Buffer.from(bytes(words.replace(/=\r?\n/g, '')), 'latin1').toString('utf8')
}

/** A real SMTP server in the test process (no TLS, no auth), collecting what it receives. */
export async function startTestSmtp (): Promise<TestSmtp> {
  const mails: ReceivedMail[] = []
  let failing = 0
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData (stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (failing > 0) {
          failing--
          const err = Object.assign(new Error('try again later'), { responseCode: 451 })
          return callback(err)
        }
        const text = decode(Buffer.concat(chunks).toString('latin1'))
        const head = text.split(/\r?\n\r?\n/, 1)[0] ?? ''
        mails.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address).sort(),
          text,
          header: (name) => new RegExp(`^${name}:(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ').trim(),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as { port: number }).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failNext: (n) => { failing = n },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
