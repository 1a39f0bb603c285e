// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { Painter } from '../../../src/content/painter';
import { installHighlightApi, paintedIn } from './highlight-api';

let registry: ReturnType<typeof installHighlightApi>;
beforeEach(() => {
  registry = installHighlightApi();
  document.body.innerHTML = '<p id="a">OpenAI and Microsoft</p><p id="b">OpenAI again</p>';
});
const text = (id: string) => document.getElementById(id)!.firstChild as Text;

describe('Painter', () => {
  it('registers one highlight per company under tieline-<id>, and the styled one holds the same ranges', () => {
    const p = new Painter('underline');
    p.paint(text('a'), [{ start: 0, end: 6, companyId: 'openai' }, { start: 11, end: 20, companyId: 'microsoft' }]);
    p.paint(text('b'), [{ start: 0, end: 6, companyId: 'openai' }]);
    expect(paintedIn(registry)).toEqual([['openai', 'OpenAI'], ['microsoft', 'Microsoft'], ['openai', 'OpenAI']]);
    const styled = registry.get('tieline')!;
    const all = [...registry.get('tieline-openai')!, ...registry.get('tieline-microsoft')!];
    expect(styled.size).toBe(3);
    expect(all.every((r) => styled.has(r))).toBe(true);
    expect(p.count).toBe(3);
    expect(p.countOf('openai')).toBe(2);
    expect(p.inOrder().map((m) => m.companyId)).toEqual(['openai', 'microsoft', 'openai']);
  });

  it('the background look styles under its own name', () => {
    new Painter('background').paint(text('a'), [{ start: 0, end: 6, companyId: 'openai' }]);
    expect(registry.has('tieline-background')).toBe(true);
    expect(registry.has('tieline')).toBe(false);
  });

  it('repainting a node replaces its mentions; a company with none left loses its entry', () => {
    const p = new Painter('underline');
    p.paint(text('a'), [{ start: 0, end: 6, companyId: 'openai' }, { start: 11, end: 20, companyId: 'microsoft' }]);
    p.paint(text('a'), [{ start: 0, end: 6, companyId: 'openai' }]);
    expect(registry.has('tieline-microsoft')).toBe(false);
    expect(registry.get('tieline')!.size).toBe(1);
    p.unpaintWhere((n) => n === text('a'));
    expect(registry.has('tieline-openai')).toBe(false);
    expect(p.count).toBe(0);
  });

  it('adds a later window of a long node after what the node has', () => {
    const p = new Painter('underline');
    p.paint(text('a'), [{ start: 0, end: 6, companyId: 'openai' }]);
    p.add(text('a'), [{ start: 11, end: 20, companyId: 'microsoft' }]);
    expect(p.mentionsOf(text('a')).map((m) => m.companyId)).toEqual(['openai', 'microsoft']);
  });

  it('knows only its own highlight objects, and takes its name back from a look-alike', async () => {
    const p = new Painter('underline');
    p.paint(text('a'), [{ start: 0, end: 6, companyId: 'openai' }]);
    const ours = registry.get('tieline-openai')!;
    // The page runs between our tasks, never inside one.
    await Promise.resolve();
    const fake = new Highlight();
    registry.set('tieline-openai', fake);
    expect(p.companyOfHighlight(fake)).toBeUndefined();
    expect(p.companyOfHighlight(ours)).toBe('openai');
    p.paint(text('b'), [{ start: 0, end: 6, companyId: 'openai' }]);
    expect(registry.get('tieline-openai')).toBe(ours);
  });

  it('clear() takes every entry of ours off, and leaves the page’s own highlights', () => {
    registry.set('page-own', new Highlight());
    const p = new Painter('underline');
    p.paint(text('a'), [{ start: 0, end: 6, companyId: 'openai' }]);
    p.clear();
    expect([...registry.keys()]).toEqual(['page-own']);
  });
});
