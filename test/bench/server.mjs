// Static server for the benchmark, on 127.0.0.1: the corpus under `/`, the bench's own assets
// (matchers, name lists) under `/__bench/`. Like tools/serve.mjs, but charset-aware: a saved
// page that declares its charset in a <meta> (one corpus page is gb2312) gets `text/html` with no
// charset, so its <meta> decides; every other page is sent as UTF-8, as the corpus README says.
// Corpus pages get `Content-Security-Policy: script-src 'none'`: the pages' own scripts never run.
// The bench's instrumentation does not need the page to allow scripts: it runs through CDP
// (Playwright's addInitScript / page.evaluate), which CSP does not govern.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8' };
const META_CHARSET = /<meta[^>]+charset\s*=/i;

export function serveBench({ corpus, assets }) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const isAsset = path.startsWith('/__bench/');
    const root = isAsset ? assets : corpus;
    const rel = normalize(isAsset ? path.slice('/__bench/'.length) : path).replace(/^(\.\.[/\\])+/, '');
    try {
      const file = join(root, rel);
      let body = cache.get(file);
      if (!body) {
        body = await readFile(file);
        if (isAsset) cache.set(file, body);
      }
      const headers = { 'cache-control': 'no-store' };
      if (extname(rel) === '.html') {
        headers['content-type'] = META_CHARSET.test(body.subarray(0, 4096).toString('latin1')) ? 'text/html' : 'text/html; charset=utf-8';
        headers['content-security-policy'] = "script-src 'none'";
      } else {
        headers['content-type'] = TYPES[extname(rel)] ?? 'application/octet-stream';
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: server.address().port, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) }),
    );
  });
}
