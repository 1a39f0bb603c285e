// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { childrenText, spanBounds, spansAfter, spanText, splitSpan } from '../../../src/content/child-spans';
import { paragraphs } from '../../../src/content/text-walker';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.getElementById('root')!;
}

const textOf = (n: Node) => n.textContent;

describe('child spans: parts of a page read without touching their nodes', () => {
  it('spansAfter covers what follows a node under the root, in page order, and nothing before it', () => {
    const root = page('<div id="root"><p>one</p><p>two <b id="b">three</b> four</p><ul><li>five</li><li>six</li></ul></div><p>outside</p>');
    const three = document.getElementById('b')!.firstChild!;
    const range = document.createRange();
    const spans = spansAfter(three, root);
    expect(spans.map((s) => spanText(range, s)).join('')).toBe(' fourfivesix');
    expect(spans.at(-1)!.parent).toBe(root);
  });

  it('splitSpan halves a span, or opens its one child; a lone text node cannot be split', () => {
    const root = page('<div id="root"><p>a</p><p>b</p><p>c</p><p>d <i>e</i></p></div>');
    const range = document.createRange();
    const halves = splitSpan({ parent: root, start: 0, end: 4 });
    expect(halves.map((s) => spanText(range, s))).toEqual(['ab', 'cd e']);
    const inner = splitSpan({ parent: root, start: 3, end: 4 });
    expect(inner).toEqual([{ parent: root.children[3], start: 0, end: 2 }]);
    expect(splitSpan({ parent: root.children[0], start: 0, end: 1 })).toEqual([]);
  });

  it('childrenText reads a span child by child, a line each, so that blocks never run together', () => {
    const root = page('<div id="root"><p>a</p><p>b <i>c</i></p>text<p>d</p></div>');
    expect(childrenText({ parent: root, start: 1, end: 4 })).toBe('b c\ntext\nd');
    expect(spanText(document.createRange(), { parent: root, start: 1, end: 4 })).toBe('b ctextd');
  });

  it('the walk of a span reads its own paragraphs only, with their inline pieces together', () => {
    const root = page('<div id="root"><p>before</p><p>Amazon <b>Web</b> Services</p><p>also <a>in</a></p><p>after</p></div>');
    const walked = [...paragraphs(root, spanBounds({ parent: root, start: 1, end: 3 }))];
    expect(walked.map((p) => p.text)).toEqual(['Amazon Web Services', 'also in']);
    expect(walked.flatMap((p) => p.nodes).map(textOf)).toEqual(['Amazon ', 'Web', ' Services', 'also ', 'in']);
    // To the end of the parent.
    expect([...paragraphs(root, spanBounds({ parent: root, start: 3, end: 4 }))].map((p) => p.text)).toEqual(['after']);
  });
});
