// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { Annotator } from '../../../src/content/annotator';
import { findRoots } from '../../../src/content/find-roots';
import type { PageMatcher } from '../../../src/content/page-matcher';
import { installHighlightApi, paintedIn } from './highlight-api';

/** A matcher that knows three names, whole words only: enough to test what the Annotator does with mentions. */
const NAMES: Record<string, string> = { OpenAI: 'openai', Nvidia: 'nvidia', Oracle: 'oracle' };
const find = (text: string) => [...text.matchAll(/\b(OpenAI|Nvidia|Oracle)\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, companyId: NAMES[m[0]] }));
/** Answers as the background does, a task later. */
const matcher: PageMatcher = {
  matchAll: async (texts) => {
    await new Promise((r) => setTimeout(r, 0));
    return { mentions: texts.map(find), undecided: [] };
  },
  confirmed: () => new Set(),
};

let registry: ReturnType<typeof installHighlightApi>;
beforeEach(() => {
  registry = installHighlightApi();
});

const settle = () => new Promise((r) => setTimeout(r, 30));

async function annotate(html: string, scope: 'article' | 'page' = 'page', firstOnly = false): Promise<Annotator> {
  document.body.innerHTML = html;
  const a = new Annotator(document, matcher, { scope, firstOnly, look: 'underline' });
  await a.start();
  return a;
}

describe('Annotator', () => {
  it('paints every mention and changes nothing in the DOM', async () => {
    const html = '<article><p>OpenAI buys from <b>Nvidia</b>.</p><pre>Oracle</pre></article>';
    const a = await annotate(html);
    expect(paintedIn(registry)).toEqual([['openai', 'OpenAI'], ['nvidia', 'Nvidia']]);
    expect(document.body.innerHTML).toBe(html);
    a.stop();
    expect(registry.size).toBe(0);
  });

  it('paints nothing in a skipped region above the paragraph: an editor, a hidden section, a button, an SVG', async () => {
    const a = await annotate(`<div contenteditable><p>OpenAI edits</p></div><section hidden><p><b>Nvidia</b> hides</p></section>
      <button><div>Oracle</div></button><svg><text>Nvidia</text></svg><p>Oracle reads</p>`);
    expect(paintedIn(registry)).toEqual([['oracle', 'Oracle']]);
    a.stop();
  });

  it('follows the page writing a text node it keeps: old mentions off, new ones on', async () => {
    const a = await annotate('<p id="p">OpenAI leads</p>');
    const t = document.getElementById('p')!.firstChild as Text;
    t.nodeValue = 'Nvidia leads now';
    await settle();
    expect(paintedIn(registry)).toEqual([['nvidia', 'Nvidia']]);
    a.stop();
  });

  it('does not paint an answer for text the page changed while the background matched it', async () => {
    document.body.innerHTML = '<p id="p">OpenAI leads</p>';
    const t = document.getElementById('p')!.firstChild as Text;
    let calls = 0;
    const changing: PageMatcher = {
      matchAll: async (texts) => {
        const answers = { mentions: texts.map(find), undecided: [] };
        // The page writes the node after the text was sent: the answer is for the old text.
        if (calls++ === 0) t.nodeValue = 'Oracle leads';
        await new Promise((r) => setTimeout(r, 0));
        return answers;
      },
      confirmed: () => new Set(),
    };
    const a = new Annotator(document, changing, { scope: 'page', firstOnly: false, look: 'underline' });
    await a.start();
    // Never the old answer's range over the new text, not even until the node is read again.
    expect(paintedIn(registry)).not.toContainEqual(['openai', 'Oracle']);
    await settle();
    expect(paintedIn(registry)).toEqual([['oracle', 'Oracle']]);
    a.stop();
  });

  it('reads added content, and drops the mentions of removed nodes', async () => {
    const a = await annotate('<div id="feed"><p id="one">OpenAI</p></div>');
    const p = document.createElement('p');
    p.textContent = 'Then Nvidia.';
    document.getElementById('feed')!.append(p);
    await settle();
    expect(paintedIn(registry).map(([id]) => id)).toEqual(['openai', 'nvidia']);
    document.getElementById('one')!.remove();
    await settle();
    expect(paintedIn(registry).map(([id]) => id)).toEqual(['nvidia']);
    expect(a.painter.count).toBe(1);
    a.stop();
  });

  it('takes the highlights off a region the page makes editable, and reads it again after', async () => {
    const a = await annotate('<p id="p">OpenAI and Nvidia</p><p>Oracle stays</p>');
    const p = document.getElementById('p')!;
    p.setAttribute('contenteditable', 'true');
    await settle();
    expect(paintedIn(registry).map(([id]) => id)).toEqual(['oracle']);
    p.setAttribute('contenteditable', 'false');
    await settle();
    expect(paintedIn(registry).map(([id]) => id)).toEqual(['openai', 'nvidia', 'oracle']);
    a.stop();
  });

  it('past its walking limit, reads the rest in spans and walks only the span that names a company', async () => {
    // 121 rows of about 150 characters, no whitespace between them; row 60 names Nvidia.
    const row = (i: number) => (i === 60 ? 'Nvidia at row 60' : `row ${i} of the table, with a description of what the row holds, where it came from, and why it is here at all, at some length`);
    const rows = Array.from({ length: 121 }, (_, i) => `<div>${row(i)}</div>`).join('');
    document.body.innerHTML = `<article><p>OpenAI first.</p><div id="rows">${rows}</div><p>Oracle last.</p></article>`;
    const walkedTexts: string[] = [];
    let probed = 0;
    const probing: PageMatcher = {
      matchAll: (texts) => {
        walkedTexts.push(...texts);
        return matcher.matchAll(texts);
      },
      probe: (texts) => {
        probed += texts.length;
        // As the background's: a name counts even where the blocks' text runs together.
        return Promise.resolve(texts.map((t) => /OpenAI|Nvidia|Oracle/.test(t)));
      },
      confirmed: () => new Set(),
    };
    const a = new Annotator(document, probing, { scope: 'page', firstOnly: false, look: 'underline', nodesBeforeSpans: 10 });
    await a.start();
    expect(paintedIn(registry)).toEqual([['openai', 'OpenAI'], ['nvidia', 'Nvidia'], ['oracle', 'Oracle']]);
    expect(probed).toBeGreaterThan(0);
    // The first rows were walked; of the rest only the rows around Nvidia's, cut down to a few thousand characters.
    expect(walkedTexts).toContain(row(5));
    expect(walkedTexts).toContain('Nvidia at row 60');
    expect(walkedTexts).not.toContain(row(20));
    expect(walkedTexts).not.toContain(row(100));
    expect(walkedTexts.length).toBeLessThan(50);
    a.stop();
  });

  it('first mention only: a company painted once is not painted again', async () => {
    const a = await annotate('<p>OpenAI, OpenAI and Nvidia.</p><p>OpenAI once more.</p>', 'page', true);
    expect(paintedIn(registry)).toEqual([['openai', 'OpenAI'], ['nvidia', 'Nvidia']]);
    a.stop();
  });

  it('paints nothing in design mode', async () => {
    document.designMode = 'on';
    const a = await annotate('<p>OpenAI</p>');
    expect(registry.get('tieline-openai')).toBeUndefined();
    a.stop();
    document.designMode = 'off';
  });
});

describe('findRoots', () => {
  it('takes the article and the headline outside it; the whole body without an article', () => {
    document.body.innerHTML = '<h1>Title</h1><nav>Menu</nav><article><p>Body</p></article>';
    expect(findRoots(document, 'article').map((e) => e.localName)).toEqual(['h1', 'article']);
    document.body.innerHTML = '<div><p>Just text</p></div>';
    expect(findRoots(document, 'article')).toEqual([document.body]);
    expect(findRoots(document, 'page')).toEqual([document.body]);
  });
});
