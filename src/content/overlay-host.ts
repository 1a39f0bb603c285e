/** The one element Tieline ever adds to a page, and only while a card or the keyboard focus shows. */
export const HOST_TAG = 'tieline-ui';

/**
 * A closed shadow root on an element of our own at the end of `<html>`: the page's CSS cannot reach
 * what is inside, our styles cannot leak out, and the page's scripts cannot walk into it. Parts (the
 * card, the keyboard focus) take the host when they show and let it go when they close; the element
 * is removed when the last part has let go.
 */
export class OverlayHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private readonly users = new Set<string>();

  constructor(private readonly doc: Document) {}

  /** The shadow root, made on first use by `part`. */
  take(part: string): ShadowRoot {
    this.users.add(part);
    if (!this.root || !this.host?.isConnected) {
      const host = this.doc.createElement(HOST_TAG);
      // Inline so that no page rule can hide or move it; `all: initial` keeps inherited styles out.
      host.style.cssText = 'all:initial;position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647;display:block';
      this.root = host.attachShadow({ mode: 'closed' });
      this.doc.documentElement.append(host);
      this.host = host;
    }
    return this.root;
  }

  release(part: string): void {
    this.users.delete(part);
    if (this.users.size === 0) this.remove();
  }

  /** State the page (and tests) may read off our element: the card's frame is closed to them. */
  setState(name: string, value: string | null): void {
    if (value === null) this.host?.removeAttribute(`data-${name}`);
    else this.host?.setAttribute(`data-${name}`, value);
  }

  contains(node: EventTarget | null): boolean {
    return !!this.host && node === this.host;
  }

  remove(): void {
    this.users.clear();
    this.host?.remove();
    this.host = null;
    this.root = null;
  }
}
