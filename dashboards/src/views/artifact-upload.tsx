import { useState } from 'preact/hooks'
import { ApiError } from '../lib/api.js'
import { session } from '../lib/session.js'
import { t, useLanguage } from '../i18n/i18n.js'
import { ErrorBox } from './common.js'

/**
 * Uploads a software package (POST /ota/artifacts: the bytes as
 * application/octet-stream, the metadata in the query; content-addressed,
 * so the same file again answers with the existing artifact).
 */
export function ArtifactUpload ({ onUploaded }: { onUploaded: () => void }) {
  const lang = useLanguage()
  const [file, setFile] = useState<File | undefined>(undefined)
  const [ecu, setEcu] = useState('')
  const [version, setVersion] = useState('')
  const [hardwareIds, setHardwareIds] = useState('')
  const [notes, setNotes] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const [done, setDone] = useState(false)

  async function upload (): Promise<void> {
    if (file === undefined) return
    setBusy(true)
    setError(undefined)
    setDone(false)
    try {
      const q = new URLSearchParams({ ecu, version, hardwareIds })
      if (notes.trim() !== '') q.set('releaseNotes', JSON.stringify({ [lang]: notes.trim() }))
      const res = await fetch(`/ota/artifacts?${q.toString()}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.get()?.token ?? ''}`, 'content-type': 'application/octet-stream' },
        body: file,
      })
      if (!res.ok) {
        const e = await res.json().catch(() => ({})) as { code?: string, message?: string }
        throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText)
      }
      setDone(true)
      onUploaded()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="form" data-testid="artifact-upload" onSubmit={(e) => { e.preventDefault(); void upload() }}>
      <h3>{t('artifact.upload')}</h3>
      <label>{t('artifact.file')}<input type="file" required onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0])} /></label>
      <label>{t('artifact.ecu')}<input required value={ecu} onInput={(e) => setEcu((e.target as HTMLInputElement).value.trim())} /></label>
      <label>{t('artifact.version')}<input required value={version} placeholder="1.2.3" onInput={(e) => setVersion((e.target as HTMLInputElement).value.trim())} /></label>
      <label>{t('artifact.hardwareIds')}<input required value={hardwareIds} onInput={(e) => setHardwareIds((e.target as HTMLInputElement).value)} /></label>
      <label>{t('artifact.releaseNotes')}<textarea rows={2} value={notes} onInput={(e) => setNotes((e.target as HTMLTextAreaElement).value)} /></label>
      <div class="buttons"><button type="submit" disabled={busy || file === undefined}>{t('artifact.submit')}</button>{done && <span class="muted">{t('artifact.done')}</span>}</div>
      <ErrorBox error={error} />
    </form>
  )
}
