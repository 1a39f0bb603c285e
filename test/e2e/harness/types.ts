/** What an e2e test needs from a browser, the same for Chromium (Playwright) and Firefox (Puppeteer). */
export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Run script source in the page (not subject to the page's CSP): for injecting test tools. */
  evaluateSource(source: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  /** A real mouse click at viewport coordinates, with modifier keys held ('Alt', 'Shift'...). */
  clickAt(x: number, y: number, modifiers?: string[]): Promise<void>;
  press(key: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  /** Poll `fn` in the page until it returns a truthy value. */
  waitUntil<A>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  /** Choose a file in an <input type=file>. */
  upload(selector: string, filePath: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** A frame of this page whose URL contains `part` (the card iframe). */
  frame(part: string): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: 'chromium' | 'firefox';
  /** Origin of the extension's pages: chrome-extension://ID or moz-extension://UUID. */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Open one of the extension's own pages (popup.html, options.html) in a tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  close(): Promise<void>;
  /**
   * Run an extension command (keyboard shortcut) through the background's own listener, returning
   * its shortcut; null where the browser gives tests no way in (Firefox).
   */
  runCommand?(name: string): Promise<string>;
  /** Stop the extension's background now, as the browser does when it is idle; absent where tests can't (Firefox). */
  stopBackground?(): Promise<void>;
  /**
   * Call `listener` with the URL of every request the browser reports from now on: in Chromium all
   * pages, frames and (with PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1) service workers of the
   * context; in Firefox the requests of the pages this harness opens (WebDriver BiDi sees no
   * extension background).
   */
  watchRequests(listener: (url: string) => void): void;
}

/** Hosts that tests serve locally: default news sites, mapped to 127.0.0.1. */
export const NEWS_HOST = 'techcrunch.com';
export const OTHER_HOST = 'example-news.test';
