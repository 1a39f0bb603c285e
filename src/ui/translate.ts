/**
 * User-facing strings for the shared components. ui/ may not reach the browser, so each page that
 * owns a UI hands in its translator (`browser.i18n`) once at start with `setTranslator`; until then a
 * key stands for itself (as in unit tests).
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;

let translate: Translate = (key) => key;

export function setTranslator(fn: Translate): void {
  translate = fn;
}

export function t(key: string, substitutions?: string | string[]): string {
  return translate(key, substitutions);
}
