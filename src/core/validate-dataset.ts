import { foldString } from './normalize';
import { ORIGINS, TIE_KINDS, TIE_STATUSES, tieId, type Company, type Origin, type Tie, SOURCE_TIERS, type SourceTier } from './model';

/** One thing wrong with an input, named so that a person can find and fix it. */
export interface Problem {
  /** Where: `companies[12].aliases[0]`, `ties[3].sources`, `row 7 (name)`. */
  at: string;
  message: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `tieline-<id>` names a company's highlight; these names only style (src/content/marks.css). */
const RESERVED_IDS = new Set(['background', 'focus', 'first']);
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const TICKER = /^[A-Z][A-Z0-9.]*:[A-Z0-9.&-]+$/;
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const MAX_TEXT = 2000;
/**
 * Per-record caps, far above any real company (the bundled ones have at most 4 aliases, 2 tickers,
 * 4 domains), so that one record of a bad file cannot make the matcher or the card huge.
 */
export const MAX_ALIASES = 50;
export const MAX_TICKERS = 20;
export const MAX_DOMAINS = 20;
export const MAX_SOURCES = 50;
const MAX_NAME = 200;
const MAX_URL = 2048;

/** A value as a message may quote it: at most 60 characters. */
export const quote = (v: string) => (v.length > 60 ? `${v.slice(0, 60)}…` : v);

/** Ids are slugs of at most 100 characters (the CSV import makes them from names cut at 80). */
const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= 100 && ID.test(v);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function httpUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Problems of one record's fields, named `at.field`. */
function reporter(at: string, problems: Problem[]): (field: string, message: string) => void {
  return (field, message) => problems.push({ at: `${at}.${field}`, message });
}

function isRecord(raw: unknown, at: string, problems: Problem[]): raw is Record<string, unknown> {
  if (isObject(raw)) return true;
  problems.push({ at, message: 'must be an object' });
  return false;
}

/** Check one company record's shape; returns it normalised, or null with problems added. */
export function checkCompany(raw: unknown, at: string, problems: Problem[], defaultOrigin: Origin): Company | null {
  const start = problems.length;
  const bad = reporter(at, problems);
  if (!isRecord(raw, at, problems)) return null;
  if (!isId(raw.id)) bad('id', 'must be a lowercase slug like "amazon-web-services" (at most 100 characters)');
  else if (RESERVED_IDS.has(raw.id)) bad('id', `"${raw.id}" is reserved: pages name their highlights tieline-${raw.id} for styling`);
  if (typeof raw.name !== 'string' || raw.name.trim() === '' || raw.name.length > MAX_NAME || /[\n\0]/.test(raw.name)) bad('name', 'must be a non-empty one-line text');
  for (const field of ['aliases', 'tickers', 'domains', 'ambiguous'] as const) {
    if (raw[field] !== undefined && !isStringArray(raw[field])) bad(field, 'must be a list of texts');
  }
  const tooMany = (field: 'aliases' | 'tickers' | 'domains', max: number) => {
    const v = raw[field];
    if (Array.isArray(v) && v.length > max) bad(field, `has ${v.length} entries; at most ${max}`);
    return Array.isArray(v) && v.length > max;
  };
  const manyAliases = tooMany('aliases', MAX_ALIASES);
  const manyTickers = tooMany('tickers', MAX_TICKERS);
  const manyDomains = tooMany('domains', MAX_DOMAINS);
  if (Array.isArray(raw.ambiguous) && raw.ambiguous.length > MAX_ALIASES + 1) bad('ambiguous', `has ${raw.ambiguous.length} entries; at most ${MAX_ALIASES + 1}`);
  if (!manyAliases && isStringArray(raw.aliases) && raw.aliases.some((a) => a.trim() === '' || a.length > MAX_NAME || /[\n\0]/.test(a))) bad('aliases', `has an empty, multi-line or over-long alias (at most ${MAX_NAME} characters)`);
  // Bad values are quoted shortened: a 10 MB "ticker" must not make a 10 MB message.
  if (!manyTickers && isStringArray(raw.tickers)) raw.tickers.forEach((t, i) => (t.length <= 40 && TICKER.test(t)) || bad(`tickers[${i}]`, `"${quote(t)}" is not EXCHANGE:SYMBOL`));
  if (!manyDomains && isStringArray(raw.domains)) raw.domains.forEach((d, i) => (d.length <= 253 && DOMAIN.test(d)) || bad(`domains[${i}]`, `"${quote(d)}" is not a domain`));
  if (raw.parent !== undefined && raw.parent !== null && !isId(raw.parent)) bad('parent', 'must be a company id or null');
  if (raw.description !== undefined && (typeof raw.description !== 'string' || raw.description.length > MAX_TEXT)) bad('description', 'must be a text');
  if (raw.category !== undefined && (typeof raw.category !== 'string' || raw.category.length > 100)) bad('category', 'must be a short text');
  if (raw.origin !== undefined && !ORIGINS.includes(raw.origin as Origin)) bad('origin', `must be one of ${ORIGINS.join(', ')}`);
  if (problems.length > start) return null;
  const names = [raw.name as string, ...((raw.aliases as string[] | undefined) ?? [])];
  const ambiguous = (raw.ambiguous as string[] | undefined) ?? [];
  ambiguous.forEach((a, i) => names.includes(a) || bad(`ambiguous[${i}]`, `"${quote(a)}" is not the name or an alias`));
  if (problems.length > start) return null;
  return {
    id: raw.id as string,
    name: (raw.name as string).trim(),
    aliases: ((raw.aliases as string[] | undefined) ?? []).map((a) => a.trim()),
    tickers: (raw.tickers as string[] | undefined) ?? [],
    domains: (raw.domains as string[] | undefined) ?? [],
    parent: (raw.parent as string | null | undefined) ?? null,
    description: (raw.description as string | undefined) ?? '',
    ambiguous,
    category: (raw.category as string | undefined) ?? 'other',
    origin: (raw.origin as Origin | undefined) ?? defaultOrigin,
    ...(raw.edited === true ? { edited: true } : {}),
  };
}

/** Check one tie record's shape; returns it normalised (with its id), or null with problems added. */
export function checkTie(raw: unknown, at: string, problems: Problem[], defaultOrigin: Origin): Tie | null {
  const start = problems.length;
  const bad = reporter(at, problems);
  if (!isRecord(raw, at, problems)) return null;
  for (const field of ['company', 'counterparty'] as const) {
    if (!isId(raw[field])) bad(field, 'must be a company id');
  }
  if (raw.company === raw.counterparty) bad('counterparty', 'must differ from company');
  if (!TIE_KINDS.includes(raw.kind as Tie['kind'])) bad('kind', `must be one of ${TIE_KINDS.join(', ')}`);
  if (!TIE_STATUSES.includes(raw.status as Tie['status'])) bad('status', `must be one of ${TIE_STATUSES.join(', ')}`);
  for (const field of ['since', 'until'] as const) {
    const v = raw[field];
    if (v !== undefined && v !== null && (typeof v !== 'string' || !DATE.test(v))) bad(field, 'must be YYYY, YYYY-MM, YYYY-MM-DD or null');
  }
  if (raw.status === 'ended' && !raw.until) bad('until', 'an ended tie needs its end date');
  if (typeof raw.since === 'string' && typeof raw.until === 'string' && raw.until < raw.since) bad('until', 'is before since');
  if (raw.detail !== undefined && (typeof raw.detail !== 'string' || raw.detail.length > MAX_TEXT)) bad('detail', 'must be a text');
  if (raw.exclusive !== undefined && typeof raw.exclusive !== 'boolean') bad('exclusive', 'must be true or false');
  const origin = (raw.origin as Origin | undefined) ?? defaultOrigin;
  if (!ORIGINS.includes(origin)) bad('origin', `must be one of ${ORIGINS.join(', ')}`);
  if (!Array.isArray(raw.sources)) bad('sources', 'must be a list');
  else if (raw.sources.length > MAX_SOURCES) bad('sources', `has ${raw.sources.length} sources; at most ${MAX_SOURCES}`);
  else {
    if (raw.sources.length === 0 && origin === 'bundled') bad('sources', 'a bundled tie needs at least one source');
    raw.sources.forEach((s: unknown, i: number) => {
      if (!isObject(s)) return bad(`sources[${i}]`, 'must be an object');
      // Only http(s): a javascript: or data: "source" would run or show anything when clicked.
      if (!httpUrl(s.url) || (s.url as string).length > MAX_URL) bad(`sources[${i}].url`, `must be an http(s) URL (at most ${MAX_URL} characters)`);
      if (s.title !== undefined && (typeof s.title !== 'string' || s.title.length > MAX_TEXT)) bad(`sources[${i}].title`, 'must be a text');
      if (s.date !== undefined && s.date !== '' && (typeof s.date !== 'string' || !DATE.test(s.date))) bad(`sources[${i}].date`, 'must be a date');
      if (s.tier !== undefined && !SOURCE_TIERS.includes(s.tier as SourceTier)) bad(`sources[${i}].tier`, `must be one of ${SOURCE_TIERS.join(', ')}`);
    });
  }
  const asOf = raw.asOf;
  if (origin === 'bundled' && (typeof asOf !== 'string' || !DATE.test(asOf))) bad('asOf', 'a bundled tie needs an as-of date');
  else if (asOf !== undefined && asOf !== null && asOf !== '' && (typeof asOf !== 'string' || !DATE.test(asOf))) bad('asOf', 'must be a date');
  if (problems.length > start) return null;
  const tie = {
    company: raw.company as string,
    counterparty: raw.counterparty as string,
    kind: raw.kind as Tie['kind'],
    status: raw.status as Tie['status'],
    since: (raw.since as string | null | undefined) ?? null,
    until: (raw.until as string | null | undefined) ?? null,
    exclusive: raw.exclusive === true,
    detail: (raw.detail as string | undefined) ?? '',
    sources: (raw.sources as Record<string, unknown>[]).map((s) => ({
      url: s.url as string,
      title: (s.title as string | undefined) ?? '',
      date: (s.date as string | undefined) ?? '',
      ...(s.tier !== undefined ? { tier: s.tier as SourceTier } : {}),
    })),
    asOf: (asOf as string | undefined) ?? '',
    origin,
  };
  return {
    id: typeof raw.id === 'string' && raw.id.length > 0 && raw.id.length < 300 ? raw.id : tieId(tie),
    ...tie,
    ...(raw.edited === true ? { edited: true } : {}),
    ...(raw.dismissed === true ? { dismissed: true } : {}),
  };
}

/** Checks across records: unique ids, known parents and counterparties, one company per name, no twin ties. */
export function checkReferences(companies: readonly Company[], ties: readonly Tie[], known: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(known);
  const seen = new Map<string, number>();
  companies.forEach((c, i) => {
    if (seen.has(c.id)) problems.push({ at: `companies[${i}].id`, message: `"${c.id}" is used twice (also companies[${seen.get(c.id)}])` });
    seen.set(c.id, i);
    ids.add(c.id);
  });
  companies.forEach((c, i) => {
    if (c.parent !== null && !ids.has(c.parent)) problems.push({ at: `companies[${i}].parent`, message: `unknown company "${c.parent}"` });
    if (c.parent === c.id) problems.push({ at: `companies[${i}].parent`, message: 'a company cannot be its own parent' });
  });
  const nameOwner = new Map<string, string>();
  companies.forEach((c, i) => {
    const ambiguous = new Set(c.ambiguous);
    for (const name of new Set([c.name, ...c.aliases])) {
      const key = foldString(name);
      const owner = nameOwner.get(key);
      if (owner !== undefined && owner !== c.id && !ambiguous.has(name)) {
        problems.push({ at: `companies[${i}]`, message: `name "${name}" also belongs to "${owner}"; keep it on one company or mark it ambiguous` });
      } else if (owner === undefined) nameOwner.set(key, c.id);
    }
  });
  const tieKeys = new Map<string, number>();
  ties.forEach((t, i) => {
    if (!ids.has(t.company)) problems.push({ at: `ties[${i}].company`, message: `unknown company "${t.company}"` });
    if (!ids.has(t.counterparty)) problems.push({ at: `ties[${i}].counterparty`, message: `unknown company "${t.counterparty}"` });
    if (tieKeys.has(t.id)) problems.push({ at: `ties[${i}]`, message: `same tie as ties[${tieKeys.get(t.id)}] (${t.id})` });
    tieKeys.set(t.id, i);
  });
  return problems;
}

/** Format the first problems for a person: `companies[3].id: must be a lowercase slug`. */
export function describeProblems(problems: readonly Problem[], max = 5): string {
  const lines = problems.slice(0, max).map((p) => `${p.at}: ${p.message}`);
  if (problems.length > max) lines.push(`… and ${problems.length - max} more`);
  return lines.join('\n');
}
