import { pageAddress } from '../core/url';
import { browser } from '../platform/browser';
import type { OverlayHost } from './overlay-host';

/** Where the card points: the mention's box on screen now (it moves as the page scrolls). */
export type Anchor = { key: string; rect: () => DOMRect | null };

const WIDTH = 360;
const GAP = 6;
const MARGIN = 8;

/**
 * The card next to a mention. Its content is an extension page in an iframe, hosted in a closed
 * shadow root: the page's CSS can't restyle it, and the page's scripts can't read what it shows
 * (notes included) because the frame is another origin and gets its data from the background.
 */
export class CardHost {
  private frame: HTMLIFrameElement | null = null;
  /** Our end of the card's private channel (see `open`). */
  private port: MessagePort | null = null;
  private anchor: Anchor | null = null;
  /** The card last closed by a press (its event time): the click of that same press does not reopen it. */
  lastClosed: { key: string; at: number } | null = null;
  // randomUUID is missing on plain-http pages (not a secure context); getRandomValues is not.
  private readonly nonce = Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(16)).join('');

  constructor(
    private readonly doc: Document,
    private readonly overlay: OverlayHost,
    /** The page session's: its listeners go when the session ends. */
    signal: AbortSignal,
    /** Where keyboard focus goes back to when the card closes with Esc. */
    private readonly onClosed: (byKeyboard: boolean) => void,
  ) {
    const win = doc.defaultView!;
    const onPointer = (e: Event) => {
      if (!this.frame || !e.isTrusted || e.composedPath().some((t) => this.overlay.contains(t))) return;
      this.lastClosed = this.anchor ? { key: this.anchor.key, at: e.timeStamp } : null;
      this.close(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && e.isTrusted && this.frame) this.close(true);
    };
    const onScroll = () => this.frame && this.place(this.frame.offsetHeight);
    doc.addEventListener('pointerdown', onPointer, { capture: true, signal });
    doc.addEventListener('keydown', onKey, { capture: true, signal });
    win.addEventListener('resize', onScroll, { passive: true, signal });
  }

  /** The mention the card is open for. */
  get openFor(): string | null {
    return this.frame ? (this.anchor?.key ?? null) : null;
  }

  open(anchor: Anchor, companyId: string): void {
    this.close(false);
    this.anchor = anchor;
    const root = this.overlay.take('card');
    const frame = this.doc.createElement('iframe');
    frame.src = `${browser.runtime.getURL('card.html')}#${encodeURIComponent(companyId)}&${this.nonce}&${encodeURIComponent(pageAddress(location.href))}`;
    frame.title = browser.i18n.getMessage('cardFrameTitle') || 'Tieline card';
    frame.setAttribute('allow', '');
    frame.style.cssText = `border:0;width:${WIDTH}px;height:180px;display:block;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.28);background:transparent;color-scheme:normal`;
    frame.style.position = 'absolute';
    root.append(frame);
    this.frame = frame;
    this.place(180);
    frame.addEventListener('load', () => {
      this.connect(frame);
      frame.focus();
    }, { once: true });
  }

  /**
   * Hand the card one end of a MessageChannel, with the nonce of its URL: from then on the card
   * speaks over the port, so the page can neither read what it says nor speak for it (the card's
   * window messages to its parent used to reach the page's listeners, nonce included).
   */
  private connect(frame: HTMLIFrameElement): void {
    if (frame !== this.frame || !frame.contentWindow) return;
    const channel = new MessageChannel();
    this.port?.close();
    this.port = channel.port1;
    this.port.onmessage = (e: MessageEvent) => {
      if (frame !== this.frame) return;
      const data = e.data as { tieline?: string; height?: number } | null;
      if (data?.tieline === 'close') this.close(true);
      if (data?.tieline === 'height' && typeof data.height === 'number') {
        this.overlay.setState('card', 'ready');
        this.resize(data.height);
      }
    };
    // To the frame's window only. Not by origin: Chrome may serve the card under a dynamic origin that
    // runtime.getURL does not name; the frame sits in our closed shadow root, where the page can't
    // navigate it elsewhere.
    frame.contentWindow.postMessage({ tieline: 'port', nonce: this.nonce }, '*', [channel.port2]);
  }

  private resize(height: number): void {
    this.place(Math.max(80, Math.min(height, 520)));
  }

  /**
   * Below the mention when it fits, else above; when neither side has room, the side with more,
   * with the card made shorter (its content scrolls). Never over the mention, always on screen.
   */
  private place(height: number): void {
    if (!this.anchor || !this.frame) return;
    const win = this.doc.defaultView!;
    const r = this.anchor.rect();
    if (!r) return;
    const vw = win.innerWidth;
    const vh = win.innerHeight;
    const width = Math.min(WIDTH, vw - 2 * MARGIN);
    const below = vh - MARGIN - (r.bottom + GAP);
    const above = r.top - GAP - MARGIN;
    const useBelow = height <= below || (height > above && below >= above);
    const h = Math.max(60, Math.min(height, useBelow ? below : above));
    const top = useBelow ? r.bottom + GAP : r.top - GAP - h;
    const left = Math.max(MARGIN, Math.min(r.left, vw - width - MARGIN));
    this.frame.style.width = `${width}px`;
    this.frame.style.height = `${h}px`;
    this.frame.style.top = `${top + win.scrollY}px`;
    this.frame.style.left = `${left + win.scrollX}px`;
  }

  close(byKeyboard: boolean): void {
    if (!this.frame) return;
    this.frame.remove();
    this.frame = null;
    this.port?.close();
    this.port = null;
    this.overlay.setState('card', null);
    this.overlay.release('card');
    this.onClosed(byKeyboard);
  }
}
