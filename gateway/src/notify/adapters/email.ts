import nodemailer from 'nodemailer'

export interface Mail {
  readonly to: readonly string[]
  readonly subject: string
  readonly text: string
  /** Lets a mail client (or the test) recognise a repeat of the same notification. */
  readonly eventId: string
  readonly language: string
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message for at least one recipient; rejects otherwise. */
  send(m: Mail): Promise<{ accepted: number }>
  close(): void
}

/**
 * SMTP through nodemailer. `url` carries host, port, credentials and TLS
 * (smtp:// upgrades with STARTTLS when offered, smtps:// is implicit TLS);
 * short timeouts so that a dead server costs one retry, not minutes.
 */
export function createSmtpMailer (smtp: { readonly url: string, readonly from: string }): Mailer {
  const transport = nodemailer.createTransport({ url: smtp.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
  return {
    async send (m) {
      const info = await transport.sendMail({
        from: smtp.from,
        to: [...m.to],
        subject: m.subject,
        text: m.text,
        headers: { 'X-Fleetwire-Event-Id': m.eventId, 'Content-Language': m.language },
      })
      const accepted = info.accepted.length
      if (accepted === 0) throw new Error(`SMTP server accepted no recipient (rejected: ${info.rejected.length})`)
      return { accepted }
    },
    close: () => transport.close(),
  }
}
