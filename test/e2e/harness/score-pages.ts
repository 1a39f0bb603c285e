/**
 * Scoring painted mentions against the hand-labelled page set (test/fixtures/pages/labels/), under
 * docs/detection.md. Labels count mentions per span text; what a browser painted is compared text by
 * text after the same normalisation (possessive, leading "The", legal suffix, closing punctuation,
 * letter case: labels were counted on `innerText`, which applies the page's `text-transform`, while
 * a painted range holds the text as written in the DOM, "Dow Jones" under a style that shows "DOW JONES").
 */
export interface LabelledPage {
  id: string;
  mentions: { text: string; company: string; tech: boolean; count: number }[];
  traps: { text: string; why: string; count: number }[];
}

export interface PageScore {
  id: string;
  tp: number;
  fp: number;
  fn: number;
  techTp: number;
  techLabelled: number;
  trapHits: string[];
  falsePositives: string[];
  missed: string[];
}

const SUFFIX = /[,\s]+(inc|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|s\.a|nv|n\.v|se|group)\.?$/i;

export function normalizeSpan(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  t = t.replace(/['’]s$/u, '').replace(/['’]$/u, '');
  t = t.replace(/^the /i, '');
  for (let i = 0; i < 2 && SUFFIX.test(t); i++) t = t.replace(SUFFIX, '');
  return t.replace(/[.,;:]+$/, '').trim().toLowerCase();
}

function countBy<T>(items: T[], key: (x: T) => string, n: (x: T) => number = () => 1): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + n(x));
  return m;
}

export function scorePage(label: LabelledPage, painted: [string, string][]): PageScore {
  const got = countBy(painted, ([, t]) => normalizeSpan(t));
  const want = countBy(label.mentions, (m) => normalizeSpan(m.text), (m) => m.count);
  const wantTech = countBy(label.mentions.filter((m) => m.tech), (m) => normalizeSpan(m.text), (m) => m.count);
  const traps = countBy(label.traps, (t) => normalizeSpan(t.text), (t) => t.count);
  const s: PageScore = { id: label.id, tp: 0, fp: 0, fn: 0, techTp: 0, techLabelled: 0, trapHits: [], falsePositives: [], missed: [] };
  for (const [text, n] of got) {
    const w = want.get(text) ?? 0;
    const tp = Math.min(n, w);
    s.tp += tp;
    if (n > w) {
      s.fp += n - w;
      s.falsePositives.push(`${text} ×${n - w}`);
      const trapped = Math.min(n - w, traps.get(text) ?? 0);
      if (trapped > 0) s.trapHits.push(`${text} ×${trapped}`);
    }
    const tech = wantTech.get(text) ?? 0;
    s.techTp += Math.min(tp, tech);
  }
  for (const [text, w] of want) {
    const n = got.get(text) ?? 0;
    if (w > n) {
      s.fn += w - n;
      s.missed.push(`${text} ×${w - n}`);
    }
  }
  for (const [, w] of wantTech) s.techLabelled += w;
  return s;
}

export interface Totals {
  pages: number;
  precision: number;
  recall: number;
  techRecall: number;
  trapHits: number;
  tp: number;
  fp: number;
  fn: number;
}

export function totals(scores: PageScore[]): Totals {
  const sum = (f: (s: PageScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const tp = sum((s) => s.tp);
  const fp = sum((s) => s.fp);
  const fn = sum((s) => s.fn);
  return {
    pages: scores.length,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    techRecall: sum((s) => s.techTp) / Math.max(1, sum((s) => s.techLabelled)),
    trapHits: scores.reduce((n, s) => n + s.trapHits.reduce((k, h) => k + Number(h.split('×')[1]), 0), 0),
    tp,
    fp,
    fn,
  };
}
