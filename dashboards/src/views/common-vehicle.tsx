import { formatAgo, formatDateTime } from '../i18n/i18n.js'
import { useNow } from './common.js'

export { Quantity } from './common.js'

/** "12 seconds ago", with the exact time in the tooltip. */
export function formatAgoCell (ts: string | null) {
  return <AgoCell ts={ts} />
}

function AgoCell ({ ts }: { ts: string | null }) {
  const now = useNow(5000)
  return <span title={formatDateTime(ts)}>{formatAgo(ts, now)}</span>
}
