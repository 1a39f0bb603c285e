import { browser } from '../platform/browser';
import type { OverlayHost } from './overlay-host';
import { STYLE_HIGHLIGHTS, type Painted } from './painter';
import { rectOf } from './range-rect';

/**
 * Keyboard access to painted mentions, which are text, not elements: the `Alt+Shift+J` command moves
 * a visible focus highlight (`tieline-focus`) from mention to mention. DOM focus sits on a button
 * of ours over the mention, inside the closed shadow root, whose name tells a screen reader which
 * company it is; Enter opens the card, Esc leaves. The host goes when the focus leaves.
 */
export class KeyboardFocus {
  private readonly highlight = new Highlight();
  private button: HTMLButtonElement | null = null;
  private status: HTMLElement | null = null;
  private current: Painted | null = null;
  private index = -1;

  constructor(
    private readonly doc: Document,
    private readonly overlay: OverlayHost,
    private readonly mentions: () => Painted[],
    private readonly names: (companyId: string) => string,
    private readonly activate: (p: Painted) => void,
  ) {}

  get focused(): Painted | null {
    return this.current;
  }

  /** Focus the mention after the focused one (the first on the page at first); false when there is none. */
  next(): boolean {
    const all = this.mentions();
    if (all.length === 0) return false;
    const at = this.current ? all.findIndex((p) => p.range === this.current!.range) : -1;
    this.index = at >= 0 ? (at + 1) % all.length : Math.min(Math.max(this.index, -1) + 1, all.length - 1) % all.length;
    this.show(all[this.index]);
    return true;
  }

  /** Give focus back to the mention (after its card closed with Esc). */
  refocus(): void {
    if (this.current && this.button) this.button.focus({ preventScroll: true });
  }

  leave(): void {
    if (!this.current) return;
    this.current = null;
    this.highlight.clear();
    if (CSS.highlights.get(STYLE_HIGHLIGHTS.focus) === this.highlight) CSS.highlights.delete(STYLE_HIGHLIGHTS.focus);
    this.button = this.status = null;
    this.overlay.release('focus');
  }

  private show(p: Painted): void {
    this.current = p;
    this.highlight.clear();
    this.highlight.add(p.range);
    CSS.highlights.set(STYLE_HIGHLIGHTS.focus, this.highlight);
    const root = this.overlay.take('focus');
    if (!this.button) this.build(root);
    const name = this.names(p.companyId);
    this.button!.setAttribute('aria-label', browser.i18n.getMessage('focusedMention', name) || name);
    this.status!.textContent = name;
    const r = rectOf(p);
    if (r) {
      const win = this.doc.defaultView!;
      if (r.top < 0 || r.bottom > win.innerHeight) win.scrollBy({ top: r.top - win.innerHeight / 2, behavior: 'instant' });
      this.place();
    }
    this.button!.focus({ preventScroll: true });
  }

  private place(): void {
    const r = this.current && rectOf(this.current);
    if (!r || !this.button) return;
    const win = this.doc.defaultView!;
    Object.assign(this.button.style, {
      top: `${r.top + win.scrollY - 2}px`,
      left: `${r.left + win.scrollX - 2}px`,
      width: `${r.width + 4}px`,
      height: `${r.height + 4}px`,
    });
  }

  private build(root: ShadowRoot): void {
    const button = this.doc.createElement('button');
    button.type = 'button';
    // Invisible but for the focus ring: the mention itself shows through, painted as focused.
    button.style.cssText =
      'all:initial;position:absolute;box-sizing:border-box;border-radius:3px;background:transparent;cursor:pointer;outline:2px solid #0f766e;outline-offset:0';
    button.addEventListener('keydown', (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        if (this.current) this.activate(this.current);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.leave();
      }
    });
    button.addEventListener('click', (e) => {
      if (e.isTrusted && this.current) this.activate(this.current);
    });
    // Tab away from it: the page's own focus order takes over, and our element goes.
    button.addEventListener('blur', () => {
      setTimeout(() => {
        if (this.button && root.activeElement !== this.button && !this.cardOpen()) this.leave();
      }, 0);
    });
    const status = this.doc.createElement('div');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.style.cssText = 'all:initial;position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)';
    root.append(button, status);
    this.button = button;
    this.status = status;
  }

  /** Set by the page session: while the card is open, focus is in the card and the mention stays marked. */
  cardOpen: () => boolean = () => false;
}
