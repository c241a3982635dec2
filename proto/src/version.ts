/**
 * Software version order, as the gateway (compatibility, "newer than what
 * it runs") and the vehicle (anti-rollback) both read it: one definition, so
 * they can never disagree about whether an offer is a downgrade.
 */
/** Semantic version order (major.minor.patch, then a pre-release sorts first). Non-numeric parts compare as text. */
export function compareVersions (a: string, b: string): number {
  const [ma = '', pa] = a.split('-', 2)
  const [mb = '', pb] = b.split('-', 2)
  const xa = ma.split('.')
  const xb = mb.split('.')
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    const sa = xa[i] ?? '0'
    const sb = xb[i] ?? '0'
    const na = Number(sa)
    const nb = Number(sb)
    const d = Number.isFinite(na) && Number.isFinite(nb) ? na - nb : sa.localeCompare(sb)
    if (d !== 0) return Math.sign(d)
  }
  if (pa === pb) return 0
  if (pa === undefined) return 1
  if (pb === undefined) return -1
  return pa < pb ? -1 : 1
}
