import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateTextWidth, fitLabel, layoutTiesMap, type MapInput, type MapLayout } from '../../src/core/ties-map';
import type { Tie, TieKind, TieStatus } from '../../src/core/model';

function tie(company: string, kind: TieKind, counterparty: string, more: Partial<Tie> = {}): Tie {
  return {
    id: `${company}|${kind}|${counterparty}|${more.since ?? ''}|${more.status ?? 'active'}`,
    company, counterparty, kind, status: 'active', since: null, until: null, exclusive: false,
    detail: '', sources: [], asOf: '2026-01-01', origin: 'bundled', ...more,
  };
}

/** A deterministic pseudo-random sequence (the layout must not need one; the fixtures do). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const CLOUDS = ['aws', 'azure', 'gcp', 'oci', 'coreweave', 'lambda'];
const NAMES: Record<string, string> = {
  aws: 'Amazon Web Services', azure: 'Microsoft Azure', gcp: 'Google Cloud', oci: 'Oracle Cloud Infrastructure',
  coreweave: 'CoreWeave', lambda: 'Lambda',
};

/** `n` page companies and `nTies` ties to clouds and investors (some shared, some ended). */
function scenario(n = 30, nTies = 200, nInvestors = 60, seed = 7): MapInput {
  const rnd = lcg(seed);
  const pageCompanies = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: i % 7 === 0 ? `Company With A Rather Long Name ${i}` : `Company ${i}` }));
  const names: Record<string, string> = { ...NAMES };
  for (let i = 0; i < nInvestors; i++) names[`inv${i}`] = i % 5 === 0 ? `Investor Partners Capital Fund ${i}` : `Investor ${i}`;
  const statuses: TieStatus[] = ['active', 'active', 'active', 'active', 'reported', 'ended'];
  const ties: Tie[] = [];
  for (let i = 0; i < nTies; i++) {
    const p = `p${Math.floor(rnd() * n)}`;
    const status = statuses[Math.floor(rnd() * statuses.length)];
    if (rnd() < 0.3) ties.push(tie(p, 'cloud', CLOUDS[Math.floor(rnd() * CLOUDS.length)], { status, since: String(2000 + i), exclusive: rnd() < 0.1 }));
    else ties.push(tie(p, 'investor', `inv${Math.floor(rnd() ** 2 * nInvestors)}`, { status, since: String(2000 + i) }));
  }
  return { pageCompanies, ties, names, selected: null, width: 356, height: 300 };
}

const node = (l: MapLayout, id: string) => l.nodes.find((n) => n.id === id);

afterEach(() => vi.restoreAllMocks());

describe('layoutTiesMap', () => {
  it('is deterministic and uses no randomness', () => {
    const random = vi.spyOn(Math, 'random');
    const a = layoutTiesMap(scenario());
    const b = layoutTiesMap(scenario());
    expect(random).not.toHaveBeenCalled();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.nodes.length).toBeGreaterThan(30);
  });

  it('places every page company, and every node, inside the box', () => {
    for (const [n, seed] of [[30, 1], [30, 2], [12, 3], [45, 4], [1, 5]] as const) {
      const input = scenario(n, 200, 60, seed);
      const l = layoutTiesMap(input);
      expect(l.width).toBeLessThanOrEqual(input.width);
      expect(l.height).toBeLessThanOrEqual(input.height);
      const pages = l.nodes.filter((x) => x.role === 'page');
      expect(pages.map((x) => x.id).sort()).toEqual(input.pageCompanies.map((c) => c.id).sort());
      for (const x of l.nodes) {
        expect(x.box.x, x.id).toBeGreaterThanOrEqual(0);
        expect(x.box.y, x.id).toBeGreaterThanOrEqual(0);
        expect(x.box.x + x.box.w, x.id).toBeLessThanOrEqual(l.width + 0.5);
        expect(x.box.y + x.box.h, x.id).toBeLessThanOrEqual(l.height + 0.5);
      }
    }
  });

  it('keeps nodes apart: 30 page companies and 24 counterparties', () => {
    const l = layoutTiesMap(scenario(30, 200, 60));
    expect(l.nodes.filter((x) => x.role === 'page')).toHaveLength(30);
    expect(l.nodes.filter((x) => x.role === 'counterparty')).toHaveLength(24);
    for (let i = 0; i < l.nodes.length; i++) {
      for (let j = i + 1; j < l.nodes.length; j++) {
        const a = l.nodes[i];
        const b = l.nodes[j];
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} ~ ${b.id}`).toBeGreaterThanOrEqual(14);
        // Boxes (pills, labels) never overlap.
        const overlapX = Math.min(a.box.x + a.box.w, b.box.x + b.box.w) - Math.max(a.box.x, b.box.x);
        const overlapY = Math.min(a.box.y + a.box.h, b.box.y + b.box.h) - Math.max(a.box.y, b.box.y);
        expect(overlapX > 0.5 && overlapY > 0.5, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  it('draws only ties that touch a page company', () => {
    const input: MapInput = {
      pageCompanies: [{ id: 'openai', name: 'OpenAI' }, { id: 'anthropic', name: 'Anthropic' }],
      ties: [
        tie('openai', 'cloud', 'azure'),
        tie('anthropic', 'investor', 'amazon'),
        tie('amazon', 'investor', 'openai'),
        tie('mistral', 'cloud', 'azure'), // neither end on the page
        tie('netflix', 'cloud', 'aws'),
        tie('openai', 'cloud', 'oracle', { dismissed: true }),
      ],
      names: { azure: 'Microsoft Azure', amazon: 'Amazon' },
      selected: null,
      width: 356,
      height: 300,
    };
    const l = layoutTiesMap(input);
    expect(l.edges.map((e) => e.id).sort()).toEqual(['amazon|investor|openai', 'anthropic|investor|amazon', 'openai|cloud|azure']);
    expect(l.nodes.map((x) => x.id).sort()).toEqual(['amazon', 'anthropic', 'azure', 'openai']);
    for (const e of l.edges) expect(input.pageCompanies.some((p) => p.id === e.from || p.id === e.to)).toBe(true);
    expect(node(l, 'azure')!.name).toBe('Microsoft Azure');
    expect(node(l, 'azure')!.side).toBe('left');
    expect(node(l, 'amazon')!.side).toBe('right');
    expect(l.omittedCounterparties).toBe(0);
  });

  it('caps counterparties, keeping the most connected (and the selected one)', () => {
    const pageCompanies = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, name: `P${i}` }));
    const ties: Tie[] = [];
    // inv0 ties to every page company, inv1 to 9 of them, ..., inv8 to two; inv9..inv39 to one each.
    for (let i = 0; i < 9; i++) for (let j = 0; j < 10 - i; j++) ties.push(tie(`p${j}`, 'investor', `inv${i}`));
    ties.push(tie('p9', 'investor', 'inv9'));
    for (let i = 10; i < 40; i++) ties.push(tie(`p${i % 10}`, 'investor', `inv${i}`));
    const base = { pageCompanies, ties, names: {}, selected: null, width: 356, height: 300 };

    const l = layoutTiesMap(base);
    const cps = l.nodes.filter((x) => x.role === 'counterparty').map((x) => x.id);
    expect(cps).toHaveLength(24);
    expect(l.omittedCounterparties).toBe(16);
    expect(l.omittedEdges).toBe(16);
    for (let i = 0; i < 9; i++) expect(cps).toContain(`inv${i}`);
    expect(l.edges.every((e) => l.nodes.some((x) => x.id === e.to))).toBe(true);

    const five = layoutTiesMap({ ...base, maxCounterparties: 5 });
    expect(five.nodes.filter((x) => x.role === 'counterparty').map((x) => x.id).sort()).toEqual(['inv0', 'inv1', 'inv2', 'inv3', 'inv4']);
    expect(five.omittedCounterparties).toBe(35);

    const sel = layoutTiesMap({ ...base, maxCounterparties: 5, selected: 'inv39' });
    expect(sel.nodes.map((x) => x.id)).toContain('inv39');
    expect(sel.nodes.filter((x) => x.role === 'counterparty')).toHaveLength(5);
  });

  it('merges ties per (company, kind, counterparty): the strongest status wins', () => {
    const input: MapInput = {
      pageCompanies: [{ id: 'openai', name: 'OpenAI' }, { id: 'x', name: 'X' }],
      ties: [
        tie('openai', 'cloud', 'azure', { status: 'ended', since: '2019', exclusive: true }),
        tie('openai', 'cloud', 'azure', { status: 'active', since: '2025' }),
        tie('openai', 'cloud', 'azure', { status: 'reported', since: '2026' }),
        tie('openai', 'investor', 'azure', { status: 'ended' }), // another kind: another edge
        tie('x', 'cloud', 'oci', { status: 'ended', since: '2020' }),
        tie('x', 'cloud', 'oci', { status: 'reported', since: '2024', exclusive: true }),
        tie('x', 'cloud', 'gcp', { status: 'ended', since: '2021', exclusive: true }),
      ],
      names: {},
      selected: null,
      width: 356,
      height: 300,
    };
    const l = layoutTiesMap(input);
    const e = Object.fromEntries(l.edges.map((x) => [x.id, x]));
    expect(Object.keys(e).sort()).toEqual(['openai|cloud|azure', 'openai|investor|azure', 'x|cloud|gcp', 'x|cloud|oci']);
    expect(e['openai|cloud|azure']).toMatchObject({ status: 'active', exclusive: false, from: 'openai', to: 'azure', kind: 'cloud' });
    expect(e['openai|cloud|azure'].ties).toHaveLength(3);
    expect(e['x|cloud|oci']).toMatchObject({ status: 'reported', exclusive: true });
    expect(e['x|cloud|gcp']).toMatchObject({ status: 'ended', exclusive: true });
    expect(l.statuses).toEqual(['active', 'reported', 'ended']);
    expect(l.kinds).toEqual(['cloud', 'investor']);
    // Two edges between the same two nodes do not lie on top of each other.
    expect(e['openai|cloud|azure'].path).not.toBe(e['openai|investor|azure'].path);
  });

  it('marks the selected node, its neighbours and its edges', () => {
    const input = scenario(30, 200, 60);
    const sel = layoutTiesMap({ ...input, selected: 'p3' });
    const p3 = node(sel, 'p3')!;
    expect(p3.selected).toBe(true);
    const mine = sel.edges.filter((e) => e.from === 'p3' || e.to === 'p3');
    expect(mine.length).toBeGreaterThan(0);
    expect(sel.edges.filter((e) => e.selected)).toEqual(mine);
    const related = sel.nodes.filter((x) => x.related).map((x) => x.id).sort();
    expect(related).toEqual([...new Set(['p3', ...mine.map((e) => (e.from === 'p3' ? e.to : e.from))])].sort());
    // Selecting a shown node moves nothing.
    const none = layoutTiesMap(input);
    expect(sel.nodes.map((x) => [x.id, x.x, x.y, x.box.w])).toEqual(none.nodes.map((x) => [x.id, x.x, x.y, x.box.w]));
  });

  it('edges start and end at their nodes', () => {
    const l = layoutTiesMap(scenario());
    for (const e of l.edges) {
      const a = node(l, e.from)!;
      const b = node(l, e.to)!;
      expect(Math.abs(e.y1 - a.y)).toBeLessThanOrEqual(6);
      expect(Math.abs(e.y2 - b.y)).toBeLessThanOrEqual(6);
      expect(e.x1).toBeGreaterThanOrEqual(a.box.x - 0.5);
      expect(e.x1).toBeLessThanOrEqual(a.box.x + a.box.w + 0.5);
      expect(e.path).toMatch(/^M[\d.]+ [\d.]+C/);
    }
  });

  it('truncates long labels to fit, with an ellipsis, and prefers a fitting alias', () => {
    const l = layoutTiesMap(scenario());
    const long = node(l, 'p0')!;
    expect(long.name).toBe('Company With A Rather Long Name 0');
    expect(long.truncated).toBe(true);
    expect(long.label.endsWith('…')).toBe(true);
    expect(estimateTextWidth(long.label)).toBeLessThanOrEqual(long.box.w);
    const m = (s: string) => s.length * 6;
    expect(fitLabel('Amazon Web Services', ['AWS'], 60, m)).toEqual({ label: 'AWS', truncated: true, width: 18 });
    expect(fitLabel('Microsoft Azure', ['Azure', 'MS'], 60, m).label).toBe('Azure');
    expect(fitLabel('Sequoia Capital', ['Sequoia', 'King'], 60, m).label).toBe('Sequoia');
    expect(fitLabel('Bezos Expeditions', ['Explore Investments', 'King'], 60, m).label).toBe('Bezos Exp…');
    expect(fitLabel('Salesforce Ventures', ['Salesforce'], 60, m, new Set(['salesforce'])).label).toBe('Salesforc…');
    expect(fitLabel('Short', ['S'], 60, m)).toEqual({ label: 'Short', truncated: false, width: 30 });
  });

  it('uses less height when there is little to show', () => {
    const l = layoutTiesMap({
      pageCompanies: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
      ties: [tie('a', 'cloud', 'aws')],
      names: NAMES,
      selected: null,
      width: 356,
      height: 300,
    });
    expect(l.height).toBeLessThan(120);
    expect(l.nodes).toHaveLength(3);
    expect(node(l, 'b')!.degree).toBe(0);
    expect(layoutTiesMap({ ...scenario(), pageCompanies: [] }).nodes).toHaveLength(0);
  });

  it('is fast: 30 page companies and 200 ties in under 5 ms', () => {
    const input = scenario(30, 200, 60);
    // A reference workload (sort 20k numbers, 20k map updates) that takes about 3 ms on an ordinary
    // laptop scales the 5 ms budget on slow or busy machines (CI), so that the test stays meaningful.
    const reference = () => {
      const a: number[] = [];
      let s = 1;
      for (let i = 0; i < 20000; i++) a.push((s = (Math.imul(s, 48271) + 11) >>> 0) / 2 ** 32);
      a.sort((x, y) => x - y);
      const m = new Map<string, number>();
      for (let i = 0; i < 20000; i++) m.set(`k${i & 255}`, (m.get(`k${i & 255}`) ?? 0) + a[i]);
      return m.size;
    };
    const time = (f: () => unknown, runs: number) => {
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) f();
      return (performance.now() - t0) / runs;
    };
    for (let i = 0; i < 5; i++) {
      // warm up the JIT
      layoutTiesMap(input);
      reference();
    }
    let layout = Infinity;
    let ref = Infinity;
    for (let round = 0; round < 3; round++) {
      ref = Math.min(ref, time(reference, 5));
      layout = Math.min(layout, time(() => layoutTiesMap(input), 10));
    }
    expect(layout).toBeLessThan(5 * Math.max(1, ref / 3));
  });
});
