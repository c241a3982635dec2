import type { AuthenticateError, AedesOptions } from 'aedes'
import type { Client, PublishPacket, Subscription } from 'aedes'

/**
 * The broker's hooks are written as async functions; aedes wants callbacks.
 * This is the only place that bridges the two, so a thrown error can never
 * escape into aedes' own call stack (aedes #324, #612: a throw there kills
 * the process).
 */
export type AsyncAuthenticate = (client: Client, username: string | undefined, password: Buffer | undefined) => Promise<void>
export type AsyncAuthorizePublish = (client: Client | null, packet: PublishPacket) => Promise<void>
export type AsyncAuthorizeSubscribe = (client: Client, sub: Subscription) => Promise<Subscription | null>

export function adaptAuthenticate (fn: AsyncAuthenticate): NonNullable<AedesOptions['authenticate']> {
  return (client, username, password, done) => {
    fn(client, username ?? undefined, password ?? undefined).then(
      () => done(null, true),
      (err: AuthenticateError) => done(err, false))
  }
}

export function adaptAuthorizePublish (fn: AsyncAuthorizePublish): NonNullable<AedesOptions['authorizePublish']> {
  return (client, packet, done) => {
    fn(client, packet).then(() => done(null), (err: Error) => done(err))
  }
}

export function adaptAuthorizeSubscribe (fn: AsyncAuthorizeSubscribe): NonNullable<AedesOptions['authorizeSubscribe']> {
  return (client, sub, done) => {
    fn(client, sub).then((granted) => done(null, granted), (err: Error) => done(err))
  }
}

/** An authentication refusal with its CONNACK return code ([MQTT-3.2.2.3]). */
export function connackError (returnCode: 2 | 3 | 4 | 5, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError
}
