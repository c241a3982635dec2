/** CSV for people's spreadsheets (RFC 4180 quoting, CRLF lines). */

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; formula starts defused for spreadsheets. */
export function csvField (v: string | number | null): string {
  if (v === null) return ''
  let s = String(v)
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export const csvLine = (fields: ReadonlyArray<string | number | null>): string => `${fields.map(csvField).join(',')}\r\n`
