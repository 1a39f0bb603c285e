import { useEffect, useState } from 'preact/hooks';
import { decodeImportBytes, MAX_IMPORT_BYTES, MAX_IMPORT_MB } from '../core/export-format';
import type { DataInfo, ImportResult } from '../messaging/protocol';
import { sendToBackground } from '../messaging/send';
import { t } from '../platform/i18n';

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export, import and reset; every outcome is said in words, failures name the first problems. */
export function DataSection() {
  const [info, setInfo] = useState<DataInfo | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[] } | null>(null);
  const [keepNotes, setKeepNotes] = useState(true);
  const [clearHistory, setClearHistory] = useState(true);
  const [confirming, setConfirming] = useState(false);
  // How many imports have answered: a new answer with the same words is still a new answer.
  const [answers, setAnswers] = useState(0);
  const refresh = () => void sendToBackground('getDataInfo', {}).then(setInfo, () => undefined);
  useEffect(refresh, []);

  const onExport = async () => {
    const { fileName, json } = await sendToBackground('exportData', {});
    download(fileName, json);
    setMessage({ kind: 'ok', text: t('exported', fileName) });
  };
  const onImport = async (file: File | undefined) => {
    if (!file) return;
    // Refused by its size before a byte is read: a huge file would stall the page and the message.
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({ kind: 'error', text: t('importTooLarge', [file.name, (file.size / 1_000_000).toFixed(1), String(MAX_IMPORT_MB)]) });
      setAnswers((n) => n + 1);
      return;
    }
    const decoded = decodeImportBytes(new Uint8Array(await file.arrayBuffer()));
    const res: ImportResult = decoded.ok
      ? await sendToBackground('importData', { fileName: file.name, text: decoded.text })
      : { ok: false, total: 1, problems: [decoded.problem] };
    if (res.ok) setMessage({ kind: 'ok', text: t('imported', [String(res.companies), String(res.ties), String(res.notes)]) });
    else
      setMessage({
        kind: 'error',
        text: t('importRejected', [file.name, String(res.total)]),
        details: res.problems.map((p) => `${p.at}: ${p.message}`),
      });
    setAnswers((n) => n + 1);
    refresh();
  };
  const onReset = async () => {
    setConfirming(false);
    await sendToBackground('resetData', { keepNotes, clearHistory });
    setMessage({ kind: 'ok', text: keepNotes ? t('resetDoneKeptNotes') : t('resetDone') });
    refresh();
  };

  return (
    <fieldset>
      <legend>{t('data')}</legend>
      {info && (
        <p class="muted" data-testid="data-info">
          {t('dataInfo', [String(info.companies), String(info.ties), String(info.notes), info.datasetVersion])}
        </p>
      )}
      <p>
        <button type="button" class="btn" onClick={() => void onExport()}>{t('exportButton')}</button>{' '}
        <label class="btn file-btn">
          {t('importButton')}
          <input type="file" accept=".json,.csv,application/json,text/csv" class="visually-hidden" data-testid="import-file"
            onChange={(e) => {
              const input = e.currentTarget;
              void onImport(input.files?.[0]).finally(() => (input.value = ''));
            }} />
        </label>
      </p>
      <p class="muted">{t('importHelp')}</p>
      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} class={`message ${message.kind}`} data-testid="data-message" data-answers={answers}>
          <p>{message.text}</p>
          {message.details && <ul>{message.details.map((d) => <li>{d}</li>)}</ul>}
        </div>
      )}
      {confirming ? (
        <div class="confirm" role="group" aria-label={t('resetButton')}>
          <p>{t('resetConfirm')}</p>
          <label><input type="checkbox" checked={keepNotes} onChange={(e) => setKeepNotes((e.currentTarget).checked)} /> {t('keepNotes')}</label>{' '}
          <label><input type="checkbox" data-testid="clear-history" checked={clearHistory} onChange={(e) => setClearHistory((e.currentTarget).checked)} /> {t('clearHistory')}</label>
          <button type="button" class="btn btn-danger" onClick={() => void onReset()}>{t('resetConfirmButton')}</button>{' '}
          <button type="button" class="btn" onClick={() => setConfirming(false)}>{t('cancel')}</button>
        </div>
      ) : (
        <p><button type="button" class="btn" onClick={() => setConfirming(true)}>{t('resetButton')}</button></p>
      )}
    </fieldset>
  );
}
