import type { ContentSettings } from '../core/settings';

const STYLE_ID = 'tieline-mark-style';

/**
 * The look of marks. Marks live in the page, so this one small style element does too; it only
 * selects our own tag and goes when Tieline is turned off.
 */
export function installMarkStyle(doc: Document, style: ContentSettings['style']): () => void {
  const el = doc.createElement('style');
  el.id = STYLE_ID;
  el.textContent =
    style === 'background'
      ? 'tieline-mark[data-company]{background:rgba(45,212,191,.22);border-radius:2px;cursor:pointer;color:inherit}'
      : 'tieline-mark[data-company]{text-decoration:underline dotted rgba(15,118,110,.9) 2px;text-underline-offset:3px;cursor:pointer;color:inherit}';
  el.textContent +=
    'tieline-mark[data-company]:hover{background:rgba(45,212,191,.3)}' +
    'tieline-mark[data-company]:focus-visible{outline:2px solid #0f766e;outline-offset:1px;border-radius:2px}';
  (doc.head ?? doc.documentElement).append(el);
  return () => el.remove();
}
