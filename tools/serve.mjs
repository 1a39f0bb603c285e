// A tiny static server for tests, demos and benchmarks: files from given folders, on 127.0.0.1.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };

/**
 * Serve `mounts` ({ '/prefix': '/abs/dir' }). `blockScripts` sends a CSP that stops the pages' own
 * scripts (saved news pages), as the corpus README advises: everywhere (true) or under the given
 * path prefixes. Resolves to { port, close }.
 */
export function serve(mounts, { blockScripts = false, port = 0 } = {}) {
  const blocked = (path) => (Array.isArray(blockScripts) ? blockScripts.some((p) => path.startsWith(p)) : blockScripts);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(mounts).sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    if (!prefix) return void res.writeHead(404).end('not found');
    const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(mounts[prefix], rel));
      const headers = { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (blocked(path)) headers['content-security-policy'] = "script-src 'none'";
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ port: server.address().port, close: () => new Promise((r) => server.close(r)) }));
  });
}
