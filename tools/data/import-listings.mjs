// Builds src/data/companies/listed-*.json from the US stock listings in ../shared/data/listings/
// (NASDAQ and NYSE symbol directories, S&P 500 constituents; ODC-PDDL-1.0).
//   node tools/data/import-listings.mjs [LISTINGS_DIR]
// Keeps common stock only, one record per company, names cleaned the way news writes them, and
// never a second record for a company the hand-made files already have (by ticker or by name).
// Deterministic: the same listings and hand-made files give the same output. Writes a review log
// to tools/data/import-listings-review.tsv (skipped duplicates, renamed collisions, ambiguous names).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBrandWords, ambiguityReason as reason } from './ambiguity.mjs';

const ambiguityReason = (n) => reason(n, { properNouns: true, large: true });
/** Listed companies named after a product, token or person that news mostly means otherwise: keep the legal name. */
const LEGAL_NAME_ONLY = new Set(['solana', 'bonk', 'nakamoto', 'ethzilla', 'bitmine', 'sharplink', 'manchester united', 'atlanta braves']);
// (Listed owners of sports clubs: the club's name is the team's, not the company's; see POLICY.md.)

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// ../shared beside the checkout; a worktree one level deeper finds it one level up.
const LISTINGS = resolve(
  process.argv.slice(2).find((a) => !a.startsWith('--')) ?? [join(ROOT, '../shared/data/listings'), join(ROOT, '../../shared/data/listings')].find((d) => existsSync(d)) ?? '../shared/data/listings',
);
const OUT_DIR = join(ROOT, 'src/data/companies');
const MAX_PER_FILE = 1400;
const log = [];

// ---------- CSV ----------
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
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
  const [head, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}
const readCsv = (f) => parseCsv(readFileSync(join(LISTINGS, f), 'utf8'));

// ---------- what is common stock of an operating company ----------
/** Securities that are not common stock. */
const NOT_COMMON =
  /\b(warrants?|rights?|preferred|preference|notes?|debentures?|bonds?|due \d{4}|ETNs?|exchange[- ]traded|contingent value|capital securities|trust preferred|subordinated|perpetual|redeemable|convertible|depositary shares?,? each representing (a|one) ?1\/|interest in a share|when[- ]issued|tracking)\b|%/i;
/** Units are SPAC units unless they are a partnership's common units. */
const UNITS = /\bunits?\b/i;
const LP_UNITS = /common units|representing limited partner|limited partnership units|partnership units/i;
/** Companies that are not operating companies a reader meets in the news. */
const NOT_COMPANY = new RegExp(
  [
    String.raw`\bfunds?\b`, String.raw`\bETF\b`, String.raw`\bETN\b`, String.raw`\bportfolios?\b`, String.raw`\bmunicipal\b`,
    String.raw`closed[- ]end`, String.raw`\bacquisitions?\b`, String.raw`blank check`, String.raw`\bSPAC\b`,
    String.raw`\bmerger (corp|sub)`, String.raw`capital corp\.?\s+[IVX]+\b`, String.raw`\bholdings? corp\.?\s+[IVX]+\b`,
    String.raw`royalty trust`, String.raw`\b(bitcoin|ether|ethereum|solana|xrp|crypto|gold|silver|platinum|palladium|oil|gas|currency) trust\b`,
    String.raw`grantor trust`, String.raw`liquidating trust`, String.raw`\bgrayscale\b`, String.raw`\bishares\b`, String.raw`\bproshares\b`,
    String.raw`\bdirexion\b`, String.raw`\bspdr\b`, String.raw`\babrdn\b`, String.raw`\bnuveen\b`, String.raw`eaton vance`, String.raw`\bpimco\b`,
    String.raw`\bcalamos\b`, String.raw`\bgabelli\b`, String.raw`\btempleton\b`, String.raw`western asset`, String.raw`\bvirtus\b.*\b(income|dividend|convertible)`,
    String.raw`\bincome (strategies|opportunities|securities|shares)\b`, String.raw`\bdividend (income|growth|opportunit)`,
    String.raw`\b(high|municipal|floating rate|senior) income\b`, String.raw`\bopportunities trust\b`, String.raw`\bincome trust\b`,
    String.raw`\bstrategic income\b`, String.raw`\btarget term\b`, String.raw`\bterm trust\b`, String.raw`\btest (issue|stock|company)\b`,
    String.raw`\bcef\b`, String.raw`\btrust units\b`, String.raw`\b(corp|corporation|inc|co|company|ltd)\.?\s+[IVX]+$`, String.raw`(?<!realty )\bincome\b`, String.raw`\bcredit (strategies|opportunities)\b`,
  ].join('|'),
  'i',
);
/** Trusts that are operating companies (REITs, banks): "Arbor Realty Trust", "Northern Trust". */
const OPERATING_TRUST = /\b(realty|reit|propert|hospitality|residential|apartment|industrial|real estate|homes|office|mortgage|lodging|storage|bank|bancorp|financial|healthcare|medical|net lease|retail|land|farmland|timber|infrastructure|northern trust|wilmington|investment trust|power|energy|water|shipping)\b/i;

// ---------- names ----------
const SECURITY_WORDS =
  /\s*[-–,]?\s*\b(class [a-z]\b|series [a-z0-9]+\b|common\b|ordinary\b|american depositary|american depository|ADS\b|ADR\b|new york registry|depositary|depository|sponsored|subordinate voting|restricted voting|multiple voting|voting|non-voting|limited partnership units?|units?\b|shares?\b|capital stock|registered|beneficial interest|new\)?$)/i;
const LEGAL = new Set(
  ('inc incorporated corp corporation co company ltd limited llc l.l.c lp l.p plc p.l.c s.a sa s.a.b n.v nv ag se asa ab a/s ' +
    's.p.a spa b.v oyj sab de c.v cv s.e a.s n.a pbc s.a.p.i tbk bhd k.k saa s.a.a pjsc jsc ltda kgaa gmbh holdings holding hldgs hldg').split(' '),
);
const HOLDING = new Set(['holdings', 'holding', 'hldgs', 'hldg']);
const KEEP_CAPS = new Set(
  ('AECOM AGCO CACI CSX NCR NVR PTC UDR BXP AMETEK ASML USANA KKR IDEX EPAM HEICO ANSYS NMI BRT IRSA ' +
    'CBRE DXC EQT FMC ICF MSCI NRG ONEOK PPG RPM SEI TTEC UGI WEX XPEL').split(' '),
);
const SMALL = new Set(['of', 'and', 'the', 'for', 'de', 'del', 'la', 'le', 'du', 'des', 'et', 'y', 'in', 'on', 'at', 'to', 'a', 'an']);

function dictWordLower() {
  const words = new Set();
  for (const w of readFileSync('/usr/share/dict/words', 'utf8').split('\n')) if (w && w === w.toLowerCase()) words.add(w);
  return words;
}
const DICT = dictWordLower();
const VOWEL = /[AEIOUY]/;

function titleToken(tok, allCapsName, first) {
  const letters = tok.replace(/[^A-Za-z]/g, '');
  if (letters.length === 0 || letters !== letters.toUpperCase()) return tok; // mixed case: as the company writes it
  if (/\d/.test(tok) || KEEP_CAPS.has(tok)) return tok;
  const lower = tok.toLowerCase();
  if (!first && SMALL.has(lower) && allCapsName) return lower;
  const cap = (w) => w.replace(/[A-Za-z][A-Za-z']*/g, (p) => p[0].toUpperCase() + p.slice(1).toLowerCase());
  if (letters.length <= 3) {
    // "AIR", "ALL", "NEW" in an all-caps name are words; "ABM", "AES" are acronyms.
    return allCapsName && DICT.has(lower) && letters.length === 3 ? cap(tok) : tok;
  }
  if (letters.length === 4) return DICT.has(lower) || (allCapsName && VOWEL.test(letters.slice(1, 3))) ? cap(tok) : tok;
  if (!VOWEL.test(letters)) return tok;
  return cap(tok);
}

function titleCase(name) {
  return titleCaseWords(name).replace(/\.Com\b/g, '.com');
}
function titleCaseWords(name) {
  const letters = name.replace(/[^A-Za-z]/g, '');
  const allCaps = letters.length > 0 && letters === letters.toUpperCase();
  return name
    .split(/(\s+)/)
    .map((t, i) => (/^\s+$/.test(t) ? t : t.split('-').map((p, j) => titleToken(p, allCaps, i === 0 && j === 0)).join('-')))
    .join('');
}

/** "Allstate Corporation (The) Common Stock" → { legal: "The Allstate Corporation", base: "Allstate" , holdingForm } */
function cleanName(raw) {
  let s = raw.replace(/\s+/g, ' ').replace(/,(?=\S)/g, ', ').replace(/([a-z])(Common Stock)/, '$1 $2').trim();
  let the = false;
  s = s.replace(/\s*\(the\)/i, () => ((the = true), ''));
  s = s.replace(/\s*\([^)]*\)?/g, ' ').replace(/^joint stock company\s+/i, '').trim();
  let saWord = null;
  if (/\sS\.\s?A\.|\ssociedad an[oó]nima\b/i.test(s)) saWord = 'S.A.';
  s = s.replace(/,?\s+sociedad an[oó]nima\b.*$/i, '').replace(/,?\s+S\.\s?A\.(?:\s?[A-Z]{1,4}\.)*(?:\s.*)?$/, '');
  s = s.replace(/\s+(NY registry|new york registry|sponsored|sponosred|unsponsored|trading under|cmn shs)\b.*$/i, '');
  // "Sunstone Hotel Investors, Inc. Sunstone Hotel Investors": nothing after the legal suffix belongs to the name.
  // ("Service Corporation International" is one name: only a repeat is cut.)
  const m = s.match(/^(.*?\b(?:Inc\.?|Incorporated|Corp\.|Corporation|PLC|plc|N\.V\.|S\.A\.(?: ?B\. de C\.V\.)?|Ltd\.|Limited|S\.A\.P\.I\.))(?:,)?\s+(?!of\b|&)(\S+).*$/);
  if (m && (m[2].toLowerCase() === s.split(' ')[0].toLowerCase() || /^(new|trading|name)\b/i.test(m[2]))) s = m[1];
  const cut = s.search(SECURITY_WORDS);
  if (cut > 0) s = s.slice(0, cut);
  s = s.replace(/[\s,.\-–]+$/, '').replace(/\s+/g, ' ').trim();
  s = s.replace(/^the\s+/i, () => ((the = true), ''));
  const legal = (the ? 'The ' : '') + s;
  // Strip legal suffixes from the end, one at a time ("Holdings, Inc." → "").
  let tokens = s.split(' ');
  let withHolding = null;
  const stripped = [];
  for (;;) {
    const last = tokens[tokens.length - 1];
    const key = last.toLowerCase().replace(/[.,]+$/g, '').replace(/^[,]+/, '');
    const prev = tokens.length >= 2 ? tokens[tokens.length - 2].toLowerCase().replace(/[.,]+$/g, '') : '';
    if (tokens.length >= 2 && (key === 'c.v' || key === 'cv') && (prev === 'de')) {
      tokens = tokens.slice(0, -2);
      continue;
    }
    if (tokens.length >= 3 && (key === 'co' || key === 'company') && (prev === '&' || prev === 'and')) {
      stripped.unshift(`& ${last.replace(/[,.]+$/g, '')}`);
      tokens = tokens.slice(0, -2);
      continue;
    }
    if (tokens.length >= 2 && LEGAL.has(key)) {
      if (HOLDING.has(key) && withHolding === null) withHolding = tokens.join(' ').replace(/[,.]+$/, '');
      stripped.unshift(last.replace(/^,+|[,.]+$/g, ''));
      tokens = tokens.slice(0, -1);
      continue;
    }
    break;
  }
  let base = tokens.join(' ').replace(/[\s,&\-–]+$/, '').replace(/,$/, '').trim();
  if (withHolding) withHolding = withHolding.replace(/,\s*$/, '');
  // The name with its first legal word, for names that are ordinary words alone: "Ball Corporation", "Team Inc".
  if (stripped.length === 0 && saWord) stripped.push(saWord);
  const suffixForm = stripped.length > 0 && base ? `${base} ${stripped[0]}` : null;
  return {
    legal: titleCase(legal.replace(/,\s*(?=(Inc|Corp|Ltd|LLC|L\.?P|PLC|N\.?V|S\.?A)\b)/i, ' ')),
    base: titleCase(base),
    holdingForm: withHolding ? titleCase(withHolding) : null,
    suffixForm: suffixForm ? titleCase(suffixForm) : null,
  };
}

export const fold = (s) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
/** A name without "The" and legal suffixes, for comparing companies: "The Walt Disney Company" = "Walt Disney". */
export function nameKey(name) {
  let t = fold(name).split(' ');
  if (t[0] === 'the' && t.length > 1) t = t.slice(1);
  const suffix = new Set(['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'lp', 'plc', 'sa', 'nv', 'ag', 'se', 'holdings', 'holding', 'group']);
  while (t.length > 1 && suffix.has(t[t.length - 1])) t = t.slice(0, -1);
  return t.join(' ');
}
const slug = (s) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

// ---------- S&P 500 categories and descriptions ----------
const GICS_CATEGORY = {
  Semiconductors: 'chips',
  'Semiconductor Materials & Equipment': 'chips',
  'Application Software': 'software',
  'Systems Software': 'software',
  'IT Consulting & Other Services': 'software',
  'Health Care Technology': 'software',
  'Technology Hardware, Storage & Peripherals': 'hardware',
  'Electronic Components': 'hardware',
  'Electronic Equipment & Instruments': 'hardware',
  'Electronic Manufacturing Services': 'hardware',
  'Communications Equipment': 'hardware',
  'Technology Distributors': 'hardware',
  'Consumer Electronics': 'hardware',
  'Internet Services & Infrastructure': 'internet',
  'Interactive Media & Services': 'internet',
  'Data Center REITs': 'cloud',
  'Movies & Entertainment': 'media',
  Publishing: 'media',
  Broadcasting: 'media',
  'Cable & Satellite': 'media',
  Advertising: 'media',
  'Interactive Home Entertainment': 'media',
  'Integrated Telecommunication Services': 'telecom',
  'Wireless Telecommunication Services': 'telecom',
  'Telecom Tower REITs': 'telecom',
  'Automobile Manufacturers': 'auto',
  'Automotive Parts & Equipment': 'auto',
  'Transaction & Payment Processing Services': 'fintech',
  'Financial Exchanges & Data': 'fintech',
  'Consumer Finance': 'fintech',
  'Asset Management & Custody Banks': 'investor',
  'Broadline Retail': 'retail',
  'Consumer Staples Merchandise Retail': 'retail',
  'Food Retail': 'retail',
  'Home Improvement Retail': 'retail',
  'Apparel Retail': 'retail',
  'Computer & Electronics Retail': 'retail',
  'Other Specialty Retail': 'retail',
  'Automotive Retail': 'retail',
  'Homefurnishing Retail': 'retail',
  'Drug Retail': 'retail',
};
/** Name keywords for companies outside the S&P 500; `other` when nothing is clear. */
const KEYWORD_CATEGORY = [
  [/\bsemiconductors?\b|\bmicroelectronics\b/i, 'chips'],
  [/\bsoftware\b/i, 'software'],
  [/\b(telecom|telecommunications|wireless)\b/i, 'telecom'],
  [/\bpayments?\b/i, 'fintech'],
  [/\b(media|broadcasting|publishing|entertainment|studios|pictures)\b/i, 'media'],
  [/\b(motors|automotive)\b/i, 'auto'],
  [/\b(asset management|capital management|investment management)\b/i, 'investor'],
];
/** "Oil & Gas Exploration & Production" → "oil & gas exploration & production"; acronyms ("REITs") stay. */
const lowerWords = (s) => s.split(' ').map((w) => (/^[A-Z]{2,}s?$/.test(w) ? w : w.toLowerCase())).join(' ');

function describe(rec) {
  const ex = { NASDAQ: 'the Nasdaq', NYSE: 'the New York Stock Exchange', NYSEAMERICAN: 'NYSE American' };
  const exchanges = [...new Set(rec.tickers.map((t) => ex[t.split(':')[0]]))].join(' and ');
  if (rec.sp) {
    const hq = rec.sp['Headquarters Location'];
    const sub = rec.sp['GICS Sub-Industry'];
    return `S&P 500 company in ${lowerWords(sub)} (${rec.sp['GICS Sector']}), headquartered in ${hq}.`;
  }
  if (rec.ads) return `Company whose American depositary shares trade on ${exchanges}.`;
  if (rec.lp) return `Partnership whose common units trade on ${exchanges}.`;
  return `Company listed on ${exchanges}.`;
}

// ---------- existing (hand-made) companies ----------
const handFiles = readdirSync(OUT_DIR).filter((f) => f.endsWith('.json') && !f.startsWith('listed-')).sort();
const existing = handFiles.flatMap((f) => JSON.parse(readFileSync(join(OUT_DIR, f), 'utf8')).map((c) => ({ ...c, file: f })));
addBrandWords(existing.flatMap((c) => [c.name, ...c.aliases]));
const usedIds = new Set(existing.map((c) => c.id));
const existingBySymbol = new Map();
for (const c of existing) for (const t of c.tickers) {
  const [exch, sym] = t.split(':');
  if (/^(NASDAQ|NYSE|NYSEAMERICAN|AMEX)$/.test(exch)) existingBySymbol.set(sym, c);
}
const existingByName = new Map();
const existingFolded = new Set();
for (const c of existing) {
  for (const n of [c.name, ...c.aliases]) {
    if (!existingByName.has(nameKey(n))) existingByName.set(nameKey(n), c);
    existingFolded.add(fold(n));
  }
}

// ---------- read the listings ----------
const EXCHANGE = { N: 'NYSE', A: 'NYSEAMERICAN' };
const securities = [];
for (const r of readCsv('nasdaq-listed-symbols.csv')) {
  if (r.ETF !== 'N' || r['Test Issue'] !== 'N') continue;
  const sec = r['Security Name'].includes(' - ') ? r['Security Name'].slice(r['Security Name'].indexOf(' - ') + 3) : r['Security Name'];
  securities.push({ symbol: r.Symbol, exchange: 'NASDAQ', company: r['Company Name'], security: sec, full: r['Security Name'] });
}
for (const r of readCsv('other-listed.csv')) {
  if (r.ETF !== 'N' || r['Test Issue'] !== 'N' || !EXCHANGE[r.Exchange]) continue;
  securities.push({ symbol: r['ACT Symbol'], exchange: EXCHANGE[r.Exchange], company: r['Security Name'], security: r['Security Name'], full: r['Security Name'] });
}
const sp500 = new Map(readCsv('sp500-constituents.csv').map((r) => [r.Symbol, r]));

// Group by company (cleaned name); drop non-common securities and non-companies.
const groups = new Map();
const spacNames = new Set();
for (const s of securities) {
  const { base, legal, holdingForm, suffixForm } = cleanName(s.company);
  const key = fold(base);
  if (/\bunits?,? each consisting|\bunits?$/i.test(s.full) && !LP_UNITS.test(s.full)) spacNames.add(key);
  if (/\brights?\b/i.test(s.security) && !/voting rights/i.test(s.security)) spacNames.add(key);
  if (s.symbol.includes('$') || /\.(W|WS|U|R|RT|WI)$/.test(s.symbol) || /\.WS\./.test(s.symbol)) continue;
  if (NOT_COMMON.test(s.security) && !/^common/i.test(s.security.replace(/^.*?(common)/i, '$1'))) continue;
  if (NOT_COMMON.test(s.security)) continue;
  if (UNITS.test(s.security) && !LP_UNITS.test(s.security)) continue;
  const nm = `${s.company}`;
  if (NOT_COMPANY.test(nm)) continue;
  if (/\btrust\b/i.test(base) && !OPERATING_TRUST.test(nm)) continue;
  if (!groups.has(key)) groups.set(key, { key, base, legal, holdingForm, suffixForm, securities: [] });
  groups.get(key).securities.push(s);
}

// ---------- build records ----------
/** Listed companies whose name is also a hand-made record's but that are other companies (checked by hand). */
/** Closed-end funds whose names do not say so. */
const CLOSED_END_FUNDS = new Set(['TY', 'SOR', 'GAM', 'CET']);
const DIFFERENT_COMPANY = new Set(['FTHM', 'HLIT', 'RS', 'ROG', 'EQT']);
/** S&P 500 companies that a hand-made record has without its US ticker: added with --add-tickers. */
const tickerAdds = [];
const records = [];
// (argv: [LISTINGS_DIR] [--add-tickers])
const newFolded = new Map(); // folded name → record id (new records)
let skippedDup = 0;
for (const g of [...groups.values()].sort((a, b) => a.key.localeCompare(b.key))) {
  if (spacNames.has(g.key) && g.securities.every((s) => /class a ordinary|ordinary shares/i.test(s.security))) {
    log.push(`spac?\t${g.base}\tunits or rights listed: dropped`);
    continue;
  }
  const tickers = [...new Set(g.securities.map((s) => `${s.exchange}:${s.symbol}`))].sort();
  if (g.securities.some((s) => CLOSED_END_FUNDS.has(s.symbol))) {
    log.push(`fund\t${g.base}\t${tickers.join(' ')}: closed-end fund, dropped`);
    continue;
  }
  const symbols = g.securities.map((s) => s.symbol);
  const sp = symbols.map((s) => sp500.get(s)).find(Boolean) ?? null;
  // Dedupe: ticker first, then name.
  const bySym = symbols.map((s) => existingBySymbol.get(s)).find(Boolean);
  if (bySym) {
    skippedDup++;
    log.push(`dup-ticker\t${g.base}\t${tickers.join(' ')} = ${bySym.id}`);
    continue;
  }
  const spName = sp ? cleanName(sp.Security).base.replace(/\s*\((class [a-z])\)$/i, '') : null;
  const candidates = [spName, g.base, g.legal].filter(Boolean);
  const byName = symbols.some((sym) => DIFFERENT_COMPANY.has(sym)) ? null : candidates.map((n) => existingByName.get(nameKey(n))).find(Boolean);
  if (byName) {
    if (sp && !byName.tickers.some((t) => /^(NASDAQ|NYSE|NYSEAMERICAN):/.test(t))) tickerAdds.push({ id: byName.id, file: byName.file, tickers });
    skippedDup++;
    const hasUs = byName.tickers.some((t) => /^(NASDAQ|NYSE|NYSEAMERICAN):/.test(t));
    log.push(`dup-name\t${g.base}\t${tickers.join(' ')} = ${byName.id} (${byName.file})${hasUs ? ' [has another US ticker: check]' : ''}`);
    continue;
  }
  let name = spName && nameKey(spName) === nameKey(g.base) ? spName : spName ?? g.base;
  if (LEGAL_NAME_ONLY.has(nameKey(name))) name = g.legal.replace(/^The /, '');
  // "Lilly (Eli)" style S&P names: keep the listing's.
  if (/[()]/.test(name)) name = g.base;
  const aliases = [];
  // A bare name that is an ordinary word: keep the longer form news also uses ("Match Group", not "Match";
  // the S&P list's "Hartford" → the listing's "Hartford Insurance Group").
  if (ambiguityReason(name) && g.base !== name && nameKey(g.base).startsWith(nameKey(name) + ' ') && !ambiguityReason(g.base)) name = g.base;
  if (ambiguityReason(name) && g.holdingForm && !ambiguityReason(g.holdingForm)) name = g.holdingForm;
  // Still an ordinary word, a place or a name ("Ball", "Star", "Orion"): a listed company goes by its
  // name with the legal word ("Ball Corporation", "Star Holdings", "Orion S.A."), which no menu,
  // headline or sentence uses in another sense; the bare word is not an alias.
  let legalName = false;
  // (A phrase of several ordinary words, "Cable One", "Essential Utilities", keeps its name, marked
  // ambiguous: in Title Case it is rarely anything else, and the context rules decide.)
  const why = ambiguityReason(name);
  if (why && (!/\s/.test(name) || !['common words', 'generic phrase'].includes(why))) {
    const longer = [g.holdingForm, g.suffixForm].find((n) => n && fold(n).startsWith(`${fold(name)} `));
    if (longer) {
      name = longer;
      legalName = true;
    }
  }
  if (g.holdingForm && g.holdingForm !== name && nameKey(g.holdingForm) === nameKey(name) && fold(g.holdingForm) !== fold(name)) aliases.push(g.holdingForm);
  if (spName && fold(spName) !== fold(name) && !aliases.includes(spName) && !legalName) aliases.push(spName);
  if (legalName) {
    // The short forms of the legal word that news also writes: "Ball Corp", "Team Inc", "Eastern Co".
    const short = { Corporation: 'Corp', Incorporated: 'Inc', Company: 'Co', Limited: 'Ltd' };
    const last = name.split(' ').pop();
    if (short[last]) aliases.push(`${name.slice(0, -last.length)}${short[last]}`);
  }
  if (/^the /i.test(g.legal) && fold(g.legal.replace(/^the /i, '')) !== fold(name)) {
    // "The Walt Disney Company": the "The" form is how such companies name themselves.
  }
  // Too short or a number: use the fuller form.
  if (name.replace(/[^A-Za-z]/g, '').length < 3 || /^\d+$/.test(name)) {
    if (g.legal.replace(/[^A-Za-z]/g, '').length >= 3) name = g.legal;
    else {
      log.push(`too-short\t${g.base}\t${tickers.join(' ')}: dropped`);
      continue;
    }
  }
  // A name another company (hand-made or new) already uses: different company (the tickers differ), so
  // use the fuller legal form; if that collides too, leave it out for a person to look at.
  // No alias that is an ordinary word or name: the record keeps its distinctive name instead.
  let names = [name, ...aliases.filter((a) => a.replace(/[^A-Za-z]/g, '').length >= 3 && !ambiguityReason(a))];
  const taken = (n) => existingFolded.has(fold(n)) || newFolded.has(fold(n));
  if (taken(name)) {
    const alt = [g.holdingForm, g.legal].find((n) => n && !taken(n));
    if (!alt) {
      log.push(`collision\t${name}\t${tickers.join(' ')}: name taken, dropped`);
      continue;
    }
    log.push(`renamed\t${name} → ${alt}\t${tickers.join(' ')}`);
    name = alt;
    names = [alt];
  }
  names = [...new Set(names.filter((n) => !taken(n) || n === name))];
  const ambiguous = names.filter((n) => ambiguityReason(n));
  for (const n of ambiguous) log.push(`ambiguous\t${n}\t${ambiguityReason(n)}`);
  let id = slug(name);
  if (!id || usedIds.has(id)) id = `${slug(name)}-${slug(symbols[0])}`;
  for (let k = 2; usedIds.has(id); k++) id = `${slug(name)}-${k}`;
  usedIds.add(id);
  for (const n of names) newFolded.set(fold(n), id);
  const ads = g.securities.every((s) => /deposit(a|o)ry|\bADS\b|\bADR\b/i.test(s.security));
  const lp = g.securities.every((s) => LP_UNITS.test(s.security));
  const category = sp
    ? GICS_CATEGORY[sp['GICS Sub-Industry']] ?? 'other'
    : KEYWORD_CATEGORY.find(([re]) => re.test(g.legal))?.[1] ?? 'other';
  const rec = { id, name, aliases: names.slice(1), tickers, domains: [], parent: null, description: '', ambiguous, category };
  rec.description = describe({ tickers, sp, ads, lp });
  records.push(rec);
}

// ---------- write ----------
for (const f of readdirSync(OUT_DIR)) if (f.startsWith('listed-') && f.endsWith('.json')) rmSync(join(OUT_DIR, f));
const letter = (r) => {
  const c = fold(r.name)[0] ?? '0';
  return /[a-z]/.test(c) ? c : '0';
};
records.sort((a, b) => fold(a.name).localeCompare(fold(b.name)) || a.id.localeCompare(b.id));
const byLetter = new Map();
for (const r of records) byLetter.set(letter(r), [...(byLetter.get(letter(r)) ?? []), r]);
let chunk = [];
let from = null;
let to = null;
const flush = () => {
  if (chunk.length === 0) return;
  const file = `listed-${from}${from === to ? '' : `-${to}`}.json`;
  writeFileSync(join(OUT_DIR, file), JSON.stringify(chunk, null, 2) + '\n');
  console.log(`${file}: ${chunk.length}`);
  chunk = [];
};
for (const l of [...byLetter.keys()].sort()) {
  const list = byLetter.get(l);
  if (chunk.length > 0 && chunk.length + list.length > MAX_PER_FILE) flush();
  if (chunk.length === 0) from = l;
  to = l;
  chunk.push(...list);
}
flush();
for (const t of tickerAdds) log.push(`ticker-for-existing\t${t.id}\t${t.tickers.join(' ')}${process.argv.includes('--add-tickers') ? ' (added)' : ''}`);
if (process.argv.includes('--add-tickers')) {
  for (const file of new Set(tickerAdds.map((t) => t.file))) {
    const path = join(OUT_DIR, file);
    const list = JSON.parse(readFileSync(path, 'utf8'));
    for (const t of tickerAdds.filter((x) => x.file === file)) {
      const c = list.find((x) => x.id === t.id);
      for (const tk of t.tickers) if (!c.tickers.includes(tk)) c.tickers.push(tk);
    }
    writeFileSync(path, JSON.stringify(list, null, 2) + '\n');
  }
}
writeFileSync(join(ROOT, 'tools/data/import-listings-review.tsv'), log.sort().join('\n') + '\n');
console.log(`${securities.length} securities, ${groups.size} companies after filters, ${skippedDup} already in the dataset, ${records.length} written`);
