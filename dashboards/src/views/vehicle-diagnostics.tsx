import { useState } from 'preact/hooks'
import { api } from '../lib/api.js'
import { formatNumber, t } from '../i18n/i18n.js'
import { Card, ErrorBox } from './common.js'
import { signalLabel } from '../i18n/signals.js'

type Outcome =
  | { kind: 'read_dtc', dtcs: Array<{ code: string, ecuId: string, status: number, freezeFrame: Array<{ signal: string, value: number }> }> }
  | { kind: 'clear_dtc', cleared: number }
  | { kind: 'read_data', did: number, hex: string, text: string }

const hex = (n: number, width: number) => `0x${n.toString(16).toUpperCase().padStart(width, '0')}`

/** The remote diagnostics buttons (UDS 0x19 / 0x14 / 0x22 through the gateway) and the vehicle's answer. */
export function Diagnostics ({ vehicleId, onDone }: { vehicleId: string, onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Outcome | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [confirming, setConfirming] = useState(false)
  const [did, setDid] = useState('F190')

  async function run (path: string, body: object) {
    setBusy(true)
    setError(undefined)
    setResult(undefined)
    try {
      const r = await api<{ commandId: string, result: Outcome }>(`/vehicles/${vehicleId}/diagnostics/${path}`, { method: 'POST', body })
      setResult(r.result)
      onDone()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const didValue = Number.parseInt(did, 16)
  const didValid = /^[0-9a-fA-F]{1,4}$/.test(did)

  return (
    <Card title={t('diag.title')} testid="diagnostics">
      <div class="buttons">
        <button type="button" data-testid="diag-read-dtcs" disabled={busy} onClick={() => void run('read-dtcs', {})}>{t('diag.readDtcs')}</button>
        {!confirming && <button type="button" data-testid="diag-clear-dtcs" disabled={busy} onClick={() => setConfirming(true)}>{t('diag.clearDtcs')}</button>}
        {confirming && (
          <span class="confirm" role="alertdialog">
            {t('diag.clearConfirm')}
            <button type="button" class="danger" data-testid="diag-clear-confirm" onClick={() => { setConfirming(false); void run('clear-dtcs', {}) }}>{t('diag.clearYes')}</button>
            <button type="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
          </span>
        )}
      </div>
      <form class="buttons" onSubmit={(e) => { e.preventDefault(); if (didValid) void run('read-data', { did: didValue }) }}>
        <label>{t('diag.did')}<input data-testid="diag-did" value={did} size={6} onInput={(e) => setDid((e.target as HTMLInputElement).value.trim())} /></label>
        <button type="submit" data-testid="diag-read-did" disabled={busy || !didValid}>{t('diag.readDid')}</button>
      </form>
      {busy && <p class="muted">{t('diag.waiting')}</p>}
      <ErrorBox error={error} />
      {result !== undefined && (
        <div class="diag-result" data-testid="diag-result">
          {result.kind === 'read_dtc' && (result.dtcs.length === 0
            ? <p>{t('diag.noDtcs')}</p>
            : <ul>{result.dtcs.map((x) => <li key={x.code}><strong>{x.code}</strong> · {x.ecuId} · {t('diag.status', { status: hex(x.status, 2) })}{x.freezeFrame.length > 0 ? ` · ${x.freezeFrame.map((f) => `${signalLabel(f.signal)} = ${formatNumber(f.value, 2)}`).join(', ')}` : ''}</li>)}</ul>)}
          {result.kind === 'clear_dtc' && <p>{t('diag.cleared', { count: result.cleared })}</p>}
          {result.kind === 'read_data' && <p>{hex(result.did, 4)}: <code>{result.hex}</code>{result.text === '' ? '' : <> = <strong>{result.text}</strong></>}</p>}
        </div>
      )}
    </Card>
  )
}
