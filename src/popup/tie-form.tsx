import { useEffect, useState } from 'preact/hooks';
import { TIE_KINDS, TIE_STATUSES, tieId, type Company, type Tie, type TieKind, type TieStatus } from '../core/model';
import { checkTie, describeProblems, type Problem } from '../core/validate-dataset';
import { sendToBackground } from '../messaging/send';
import { t } from '../platform/i18n';

const KIND_LABEL: Record<TieKind, string> = { cloud: 'formKindCloud', investor: 'formKindInvestor', parent: 'formKindParent', partner: 'formKindPartner' };
const STATUS_LABEL: Record<TieStatus, string> = { active: 'statusActive', ended: 'statusEnded', reported: 'statusReported' };

/**
 * Add a tie, or change one. A change to a bundled tie is kept as the user's edit (dataset updates
 * then leave it alone); a new tie is the user's own.
 */
export function TieForm(props: { company: Company; tie?: Tie; otherName?: string; onDone: (saved: boolean) => void }) {
  const editing = props.tie;
  const mine = !editing || editing.company === props.company.id;
  const [kind, setKind] = useState<TieKind>(editing?.kind ?? 'cloud');
  const [status, setStatus] = useState<TieStatus>(editing?.status ?? 'active');
  const [other, setOther] = useState(props.otherName ?? '');
  const [since, setSince] = useState(editing?.since ?? '');
  const [until, setUntil] = useState(editing?.until ?? '');
  const [detail, setDetail] = useState(editing?.detail ?? '');
  const [url, setUrl] = useState(editing?.sources[0]?.url ?? '');
  const [options, setOptions] = useState<Company[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!other.trim() || editing) return;
    const timer = setTimeout(() => void sendToBackground('searchCompanies', { query: other, limit: 8 }).then(setOptions, () => undefined), 120);
    return () => clearTimeout(timer);
  }, [other]);

  const submit = async (e: Event) => {
    e.preventDefault();
    let counterparty = editing ? (mine ? editing.counterparty : editing.company) : '';
    if (!editing) {
      const found = options.find((c) => c.name.toLowerCase() === other.trim().toLowerCase()) ?? options[0];
      if (!found || found.id === props.company.id) return setError(t('formUnknownCompany', other.trim()));
      counterparty = found.id;
    }
    const base = mine ? { company: props.company.id, counterparty } : { company: counterparty, counterparty: props.company.id };
    const sources = url.trim() ? [{ url: url.trim(), title: editing?.sources[0]?.title ?? '', date: editing?.sources[0]?.date ?? '' }, ...(editing?.sources.slice(1) ?? [])] : (editing?.sources ?? []);
    const draft = {
      ...(editing ?? {}),
      ...base,
      kind,
      status,
      since: since.trim() || null,
      until: until.trim() || null,
      detail: detail.trim(),
      exclusive: editing?.exclusive ?? false,
      sources,
      asOf: new Date().toISOString().slice(0, 10),
      origin: editing?.origin ?? 'user',
    };
    const tie = { ...draft, id: editing?.id ?? tieId(draft) };
    const problems: Problem[] = [];
    if (!checkTie(tie, 'tie', problems, 'user')) return setError(describeProblems(problems.map((p) => ({ ...p, at: p.at.replace(/^tie\./, '') }))));
    try {
      await sendToBackground('saveTie', { tie });
      props.onDone(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form class="tie-form" onSubmit={submit} aria-label={editing ? t('editTie') : t('addTie')}>
      <label>
        {t('formKind')}
        <select value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as TieKind)}>
          {TIE_KINDS.map((k) => <option value={k}>{t(KIND_LABEL[k], props.company.name)}</option>)}
        </select>
      </label>
      <label>
        {t('formCounterparty')}
        <input value={other} disabled={!!editing} list="tie-form-companies" required autoComplete="off"
          onInput={(e) => setOther((e.currentTarget as HTMLInputElement).value)} />
        <datalist id="tie-form-companies">{options.map((c) => <option value={c.name} />)}</datalist>
      </label>
      <div class="row">
        <label>
          {t('formStatus')}
          <select value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as TieStatus)}>
            {TIE_STATUSES.map((s) => <option value={s}>{t(STATUS_LABEL[s])}</option>)}
          </select>
        </label>
        <label>
          {t('formSince')}
          <input value={since} placeholder="2024-05" size={8} onInput={(e) => setSince((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('formUntil')}
          <input value={until} placeholder="2026-04" size={8} onInput={(e) => setUntil((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      <label>
        {t('formDetail')}
        <input value={detail} onInput={(e) => setDetail((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label>
        {t('formSource')}
        <input type="url" value={url} placeholder="https://" onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
      </label>
      {error && <p class="form-error" role="alert">{error}</p>}
      <div class="note-actions">
        <button type="submit" class="btn btn-primary">{t('save')}</button>
        <button type="button" class="btn" onClick={() => props.onDone(false)}>{t('cancel')}</button>
      </div>
    </form>
  );
}
