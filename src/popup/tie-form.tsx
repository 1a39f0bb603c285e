import { useState } from 'preact/hooks';
import { TIE_KINDS, TIE_STATUSES, tieId, type Company, type Tie, type TieKind, type TieStatus } from '../core/model';
import { cleanCompanyName, companyNamed, MAX_COMPANY_NAME } from '../core/new-company';
import { checkTie, describeProblems, type Problem } from '../core/validate-dataset';
import { sendToBackground } from '../messaging/send';
import { t } from '../platform/i18n';
import { useCompanySearch } from './use-company-search';

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
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const search = useCompanySearch(other, !editing, 8);
  const typedName = cleanCompanyName(other);
  const match = search.current && companyNamed(search.current, other);

  /** What the typed name means: a company's id, or a name for a new company of the user's. */
  const resolveCounterparty = async (): Promise<{ id: string } | { name: string } | { error: string }> => {
    if (!typedName) return { error: other.trim() ? t('formNameTooLong', String(MAX_COMPANY_NAME)) : t('formNameMissing') };
    const found = companyNamed(await search.lookup(), typedName);
    if (found?.id === props.company.id) return { error: t('formSameCompany', props.company.name) };
    return found ? { id: found.id } : { name: typedName };
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError('');
    const problem = await save().catch((err: unknown) => (err instanceof Error ? err.message : String(err)));
    if (problem === null) return props.onDone(true);
    setBusy(false);
    setError(problem);
  };

  /** Check and send the tie; null when saved, else what went wrong. */
  const save = async (): Promise<string | null> => {
    let counterparty = editing ? (mine ? editing.counterparty : editing.company) : '';
    let counterpartyName: string | undefined;
    if (!editing) {
      const resolved = await resolveCounterparty();
      if ('error' in resolved) return resolved.error;
      if ('id' in resolved) counterparty = resolved.id;
      else counterpartyName = resolved.name;
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
    checkTie(tie, 'tie', problems, 'user');
    // A new counterparty has no id yet: the background gives it one.
    const relevant = counterpartyName === undefined ? problems : problems.filter((p) => p.at !== 'tie.counterparty');
    if (relevant.length > 0) return describeProblems(relevant.map((p) => ({ ...p, at: p.at.replace(/^tie\./, '') })));
    await sendToBackground('saveTie', counterpartyName === undefined ? { tie } : { tie, counterpartyName });
    return null;
  };

  const hint = (() => {
    if (editing || !typedName || !search.current) return '';
    if (!match) return t('formNewCompany', typedName);
    if (match.id === props.company.id) return t('formSameCompany', props.company.name);
    // Typed an alias or another spelling: say which company that is.
    return match.name !== typedName ? t('formMatchesCompany', match.name) : '';
  })();

  return (
    <form class="tie-form" onSubmit={submit} aria-label={editing ? t('editTie') : t('addTie')}>
      <label>
        {t('formKind')}
        <select value={kind} onChange={(e) => setKind((e.currentTarget).value as TieKind)}>
          {TIE_KINDS.map((k) => <option value={k}>{t(KIND_LABEL[k], props.company.name)}</option>)}
        </select>
      </label>
      <div class="field">
        <label>
          {t('formCounterparty')}
          <input value={other} disabled={!!editing} list="tie-form-companies" required autoComplete="off" maxLength={MAX_COMPANY_NAME}
            aria-describedby="tie-form-counterparty-hint" onInput={(e) => setOther((e.currentTarget).value)} />
          <datalist id="tie-form-companies">{search.shown.map((c) => <option value={c.name} />)}</datalist>
        </label>
        {/* Always present, so that screen readers announce what it comes to say. */}
        <p id="tie-form-counterparty-hint" class="form-hint" role="status" data-testid="counterparty-hint">{hint}</p>
      </div>
      <div class="row">
        <label>
          {t('formStatus')}
          <select value={status} onChange={(e) => setStatus((e.currentTarget).value as TieStatus)}>
            {TIE_STATUSES.map((s) => <option value={s}>{t(STATUS_LABEL[s])}</option>)}
          </select>
        </label>
        <label>
          {t('formSince')}
          <input value={since} placeholder="2024-05" size={8} onInput={(e) => setSince((e.currentTarget).value)} />
        </label>
        <label>
          {t('formUntil')}
          <input value={until} placeholder="2026-04" size={8} onInput={(e) => setUntil((e.currentTarget).value)} />
        </label>
      </div>
      <label>
        {t('formDetail')}
        <input value={detail} onInput={(e) => setDetail((e.currentTarget).value)} />
      </label>
      <label>
        {t('formSource')}
        <input type="url" value={url} placeholder="https://" onInput={(e) => setUrl((e.currentTarget).value)} />
      </label>
      {error && <p class="form-error" role="alert">{error}</p>}
      <div class="note-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>{t('save')}</button>
        <button type="button" class="btn" onClick={() => props.onDone(false)}>{t('cancel')}</button>
      </div>
    </form>
  );
}
