// Command-line switches for Debian's Chromium in tests and benchmarks: headless in a container,
// quiet (no background traffic), and never on the network: every host resolves to the local test
// server or nowhere.

/** Where Debian puts the Chromium binary (`TIELINE_CHROMIUM` or `CHROMIUM_PATH` overrides). */
export const CHROMIUM_PATH = process.env.TIELINE_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/**
 * @param {{ extensionDir?: string; hosts?: string[]; port?: number; extra?: string[] }} options
 *   `hosts` are served by 127.0.0.1:`port`; any other host does not resolve.
 */
export function chromiumArgs({ extensionDir, hosts = [], port, extra = [] } = {}) {
  const mapped = hosts.map((h) => `MAP ${h} 127.0.0.1:${port}, `).join('');
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...extra,
    `--host-resolver-rules=${mapped}MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
  ];
}
