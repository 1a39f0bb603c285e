import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITES, matchPatternsFor, parseSiteInput, userSitesFrom } from '../../src/core/default-sites';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[] };

describe('default sites', () => {
  it('are exactly the hosts of manifest.json content_scripts matches', () => {
    const matches = manifest.content_scripts.flatMap((c) => c.matches);
    expect([...matches].sort()).toEqual(DEFAULT_SITES.flatMap(matchPatternsFor).sort());
  });

  it('has no duplicates and only lower-case hosts without www.', () => {
    expect(new Set(DEFAULT_SITES).size).toBe(DEFAULT_SITES.length);
    for (const h of DEFAULT_SITES) expect(h).toMatch(/^(?!www\.)[a-z0-9.-]+\.[a-z]+$/);
  });

  it('match patterns cover the host and its subdomains', () => {
    expect(matchPatternsFor('example.com')).toEqual(['*://example.com/*', '*://*.example.com/*']);
  });
});

describe('parseSiteInput', () => {
  const ok = (input: string, added: string[] = []) => parseSiteInput(input, added);
  it('accepts hosts and page addresses, dropping www., path, port and case', () => {
    expect(ok('example.com')).toEqual({ ok: true, host: 'example.com' });
    expect(ok('https://www.example.com/path?q=1#x')).toEqual({ ok: true, host: 'example.com' });
    expect(ok('  HTTP://News.Example.CO.UK  ')).toEqual({ ok: true, host: 'news.example.co.uk' });
    expect(ok('example.com:8080/a')).toEqual({ ok: true, host: 'example.com' });
    expect(ok('example.com.')).toEqual({ ok: true, host: 'example.com' });
    expect(ok('example-news.test')).toEqual({ ok: true, host: 'example-news.test' });
    expect(ok('bücher.de')).toEqual({ ok: true, host: 'xn--bcher-kva.de' });
  });
  it('refuses empty input, other schemes and things that are not a site', () => {
    expect(ok('   ')).toMatchObject({ ok: false, error: 'empty' });
    expect(ok('ftp://example.com')).toMatchObject({ ok: false, error: 'scheme' });
    expect(ok('javascript:alert(1)')).toMatchObject({ ok: false, error: 'scheme' });
    expect(ok('file:///etc/passwd')).toMatchObject({ ok: false, error: 'scheme' });
    for (const bad of ['localhost', 'localhost:3000', '127.0.0.1', 'http://[::1]/', '*.example.com', 'exa mple.com', 'example..com', '-bad.com', 'http://', 'com'])
      expect(ok(bad), bad).toMatchObject({ ok: false, error: 'invalid' });
  });
  it('refuses default sites (and their subdomains) and sites already added', () => {
    expect(ok('https://www.techcrunch.com/2024/x')).toMatchObject({ ok: false, error: 'default', host: 'techcrunch.com' });
    expect(ok('edition.cnn.com')).toMatchObject({ ok: false, error: 'default' });
    expect(ok('example.com', ['example.com'])).toMatchObject({ ok: false, error: 'added' });
    expect(ok('blog.example.com', ['example.com'])).toMatchObject({ ok: false, error: 'added' });
    expect(ok('example.com', ['blog.example.com'])).toEqual({ ok: true, host: 'example.com' });
  });
});

describe('userSitesFrom', () => {
  it('keeps valid hosts, once, sorted', () => {
    expect(userSitesFrom(['b.com', 'a.com', 'b.com', 3, 'not a host', 'localhost'])).toEqual(['a.com', 'b.com']);
    expect(userSitesFrom(undefined)).toEqual([]);
    expect(userSitesFrom({})).toEqual([]);
  });
});
