import type { ContentSettings } from '../core/user-settings';

/**
 * What a mark carries besides its company: keyboard and screen-reader roles, and its look
 * (marks.css draws the underline, or the background when the user chose it).
 */
export function decorateMark(mark: HTMLElement, first: boolean, look: ContentSettings['style']): void {
  // Only the first mark of a company is a Tab stop: a page with 40 mentions is not 40 stops.
  mark.tabIndex = first ? 0 : -1;
  mark.setAttribute('role', 'button');
  mark.setAttribute('aria-haspopup', 'dialog');
  if (look === 'background') mark.dataset.look = 'background';
}
