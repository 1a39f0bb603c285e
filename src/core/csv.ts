import type { Company } from './model';
import { MAX_IMPORT_RECORDS } from './export-format';
import { checkCompany, checkReferences, quote, type Problem } from './validate-dataset';

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns rows of fields. */
export function parseCsv(text: string): string[][] {
  return readCsv(text).rows;
}

/**
 * The rows, and the line where a quoted field opened and never closed (null if none): without
 * it, one stray quote would silently swallow the rest of the file into a single field.
 */
function readCsv(text: string): { rows: string[][]; unclosedQuoteLine: number | null } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((r) => r.some((f) => f.trim() !== '')), unclosedQuoteLine: quoted ? quoteLine : null };
}

export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    // After the cut: a long name cut at a space must not end its id in "-".
    .replace(/^-+|-+$/g, '');
}

const list = (v: string | undefined) => (v ?? '').split(/[;|]/).map((x) => x.trim()).filter(Boolean);

/**
 * Companies from a CSV with a header row: `name` (required), and optionally `aliases`, `domains`,
 * `tickers` (several values separated by `;`), `id`, `parent`, `description`. Problems name the row
 * (1 = the header) and the field.
 */
export function companiesFromCsv(text: string, known: ReadonlySet<string> = new Set()): { companies: Company[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const { rows, unclosedQuoteLine } = readCsv(text);
  if (unclosedQuoteLine !== null) return { companies: [], problems: [{ at: `line ${unclosedQuoteLine}`, message: 'a quoted field starts here and is never closed (a stray " ?)' }] };
  if (rows.length === 0) return { companies: [], problems: [{ at: 'file', message: 'is empty' }] };
  // The same checks as a JSON import: record cap first, then each row, then across rows.
  if (rows.length - 1 > MAX_IMPORT_RECORDS) return { companies: [], problems: [{ at: 'file', message: `has more than ${MAX_IMPORT_RECORDS} records` }] };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (rows.length === 1) return { companies: [], problems: [{ at: 'file', message: 'has a header row but no companies' }] };
  if (col('name') < 0) return { companies: [], problems: [{ at: 'row 1', message: 'needs a "name" column (and optionally aliases, domains, tickers)' }] };
  const columns = new Set(['id', 'name', 'aliases', 'domains', 'tickers', 'parent', 'description']);
  header.forEach((h, i) => columns.has(h) || problems.push({ at: `row 1, column ${i + 1}`, message: `unknown column "${quote(h)}"` }));
  const companies: Company[] = [];
  const rowOf: number[] = [];
  rows.slice(1).forEach((r, k) => {
    const at = `row ${k + 2}`;
    const get = (name: string) => (col(name) >= 0 ? (r[col(name)] ?? '').trim() : undefined);
    const name = get('name') ?? '';
    if (!name) return problems.push({ at: `${at} (name)`, message: 'is empty' });
    const sub: Problem[] = [];
    const c = checkCompany(
      {
        id: get('id') || slugify(name),
        name,
        aliases: list(get('aliases')),
        domains: list(get('domains')).map((d) => d.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '')),
        tickers: list(get('tickers')).map((t) => t.toUpperCase().replace(/\s+/g, '')),
        parent: get('parent') || null,
        description: get('description') ?? '',
      },
      at,
      sub,
      'user',
    );
    // "row 3.tickers[0]" reads better as "row 3 (tickers)".
    problems.push(...sub.map((p) => ({ at: p.at.replace(/^(row \d+)\.([a-z]+).*$/, '$1 ($2)'), message: p.message })));
    if (c) {
      companies.push(c);
      rowOf.push(k + 2);
    }
  });
  // Duplicate ids, unknown parents, one name on two companies; "companies[3]" is "row N" here.
  const across = checkReferences(companies, [], known);
  const toRow = (s: string) => s.replace(/companies\[(\d+)\]/g, (_, i: string) => `row ${rowOf[Number(i)]}`);
  problems.push(...across.map((p) => ({ at: toRow(p.at).replace(/^(row \d+)\.([a-z]+)$/, '$1 ($2)'), message: toRow(p.message) })));
  return { companies, problems };
}
