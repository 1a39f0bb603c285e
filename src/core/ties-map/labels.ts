/** Labels of the ties map: widths without a DOM, and short forms of names that do not fit. */

export type LabelStyle = 'page' | 'counterparty' | 'selected';

export const MAP_FONT_SIZE = 11;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Approximate width of `text` in px in a sans-serif UI font, without a DOM: per-character widths
 * in em, close to Segoe UI / Roboto / Helvetica. Slightly generous on purpose.
 */
export function estimateTextWidth(text: string, fontSize = MAP_FONT_SIZE): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    em += c < 128 ? ASCII_EM[c] : c === 0x2026 ? 0.9 : c >= 0x2e80 ? 1 : 0.6;
  }
  return em * fontSize;
}

/** Width in em of each ASCII character (see estimateTextWidth). */
const ASCII_EM = (() => {
  const t = new Float64Array(128).fill(0.6);
  const set = (chars: string, w: number) => {
    for (const ch of chars) t[ch.charCodeAt(0)] = w;
  };
  set('abcdeghknopqsuvxyz', 0.54);
  set('ABCDEFGHJKLNOPQRSTUVXYZ', 0.68);
  set('0123456789', 0.56);
  set('ftr()[]-/ ', 0.34);
  set('iljI.,:;\'!|', 0.26);
  set('mwMW', 0.86);
  return t;
})();

/** The default `measure`: `estimateTextWidth`, a little wider for the bolder styles. */
export function estimateLabelWidth(text: string, style: LabelStyle): number {
  return estimateTextWidth(text) * (style === 'selected' ? 1.1 : style === 'page' ? 1.03 : 1);
}

/**
 * The label for `name` in `maxWidth` px: the name if it fits; else the longest fitting alias made
 * only of the name's words ("Sequoia" for "Sequoia Capital"), else a fitting acronym ("AWS"),
 * else the name cut with "…". `taken`: labels an alias must not be confused with.
 */
export function fitLabel(
  name: string,
  aliases: readonly string[],
  maxWidth: number,
  measure: (s: string) => number,
  taken: ReadonlySet<string> = new Set(),
): { label: string; truncated: boolean; width: number } {
  const full = measure(name);
  if (full <= maxWidth) return { label: name, truncated: false, width: full };
  const words = new Set(name.toLowerCase().split(/[\s,.&()-]+/).filter(Boolean));
  const usable = (a: string) => a.trim() !== '' && a !== name && !taken.has(a.toLowerCase());
  const ofWords = aliases.filter((a) => usable(a) && a.toLowerCase().split(/[\s,.&()-]+/).filter(Boolean).every((w) => words.has(w)));
  const acronyms = aliases.filter((a) => usable(a) && /^(?=.*[A-Z0-9])[A-Za-z0-9]{2,5}$/.test(a) && (/^[A-Z0-9]+$/.test(a) || /\d/.test(a)));
  for (const group of [ofWords, acronyms]) {
    const fits = group.map((a) => ({ a, w: measure(a) })).filter((x) => x.w <= maxWidth).sort((x, y) => y.w - x.w || byId(x.a, y.a));
    if (fits.length) return { label: fits[0].a, truncated: true, width: fits[0].w };
  }
  return truncateLabel(name, maxWidth, measure);
}

/** `text`, cut with "…" so that it fits in `maxWidth` px as measured by `measure`. */
export function truncateLabel(text: string, maxWidth: number, measure: (s: string) => number): { label: string; truncated: boolean; width: number } {
  const full = measure(text);
  if (full <= maxWidth) return { label: text, truncated: false, width: full };
  const chars = Array.from(text);
  const cut = (n: number) => chars.slice(0, n).join('').replace(/[\s,.&-]+$/, '') + '…';
  let lo = 1;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(cut(mid)) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  const label = cut(lo);
  return { label, truncated: true, width: measure(label) };
}

