import { createContext } from 'preact'
import { useContext, useEffect, useRef } from 'preact/hooks'
import type { LiveClient, LiveMessage } from '../lib/live.js'

export const LiveContext = createContext<LiveClient | undefined>(undefined)

/** Subscribes the component to a live topic for as long as it is mounted (and the topic stays the same). */
export function useLiveTopic (topic: string | undefined, onMessage: (m: LiveMessage) => void): void {
  const live = useContext(LiveContext)
  const handler = useRef(onMessage)
  handler.current = onMessage
  useEffect(() => {
    if (live === undefined || topic === undefined) return
    return live.subscribe(topic, (m) => handler.current(m))
  }, [live, topic])
}
