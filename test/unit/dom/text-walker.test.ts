// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isInSkippedArea, LINK_SEPARATOR, MAX_PARAGRAPH, paragraphs, readableParagraphs } from '../../../src/content/text-walker';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (root: Node) => [...paragraphs(root)].map((p) => p.text);
const readable = (root: Node) => [...readableParagraphs(root)].map((p) => p.text);

describe('paragraphs', () => {
  it('keeps the space between two inline elements, not the whitespace between blocks', () => {
    const b = body('<div>\n <p><a href="#">Google</a> <a href="#">Apple</a> <b>Nvidia</b>\n<i>chips</i></p>\n <p>Open<b>AI</b></p>\n</div>');
    expect(texts(b)).toEqual(['Google Apple Nvidia\nchips', 'OpenAI']);
  });
  it('keeps inline elements in one paragraph and starts a new one at each block', () => {
    const b = body('<p>Open<b>AI</b> and <a href="#">Microsoft</a></p><div>Oracle <em>Cloud</em></div>');
    expect(texts(b)).toEqual(['OpenAI and Microsoft', 'Oracle Cloud']);
  });

  it('skips code, form controls, editors, textboxes and hidden text, but reads text inside a <form> and aria-hidden text', () => {
    const b = body(`<form id="page"><p>Inside the form, Nvidia.</p>
      <pre>pre</pre><code>code</code><textarea>ta</textarea><button>btn</button><select><option>opt</option></select>
      <div contenteditable="true">ce</div><div contenteditable="plaintext-only">pt</div><div role="textbox">tb</div>
      <p hidden>hidden</p><p aria-hidden="true">aria</p><script>x</script><style>y</style></form>`);
    expect(readable(b).map((t) => t.trim()).filter(Boolean)).toEqual(['Inside the form, Nvidia.', 'aria']);
    expect(isInSkippedArea(b.querySelector('[role=textbox]')!.firstChild!)).toBe(true);
    expect(isInSkippedArea(b.querySelector('p')!.firstChild!)).toBe(false);
  });

  it('the walk of the scan leaves out what the parent of a text and its inline ancestors show; regions further up are told by isInSkippedArea', () => {
    const b = body(`<p>Read <b>this</b></p><button><span><i>btn</i></span></button><pre><b>pre</b></pre><p>x<code><a href="#">code</a></code></p>
      <script>s</script><div hidden><p>hidden</p></div><div contenteditable><p><span>edited</span></p></div>`);
    expect(texts(b)).toEqual(['Read this', 'x', 'hidden', 'edited']);
    const [, , hidden, edited] = [...paragraphs(b)];
    expect(isInSkippedArea(hidden.nodes[0])).toBe(true);
    expect(isInSkippedArea(edited.nodes[0])).toBe(true);
  });

  it('maps each node to its offset in the paragraph', () => {
    const b = body('<p>Ab <i>cd</i> ef</p>');
    const [p] = [...paragraphs(b)];
    expect(p.nodes.map((n) => n.data)).toEqual(['Ab ', 'cd', ' ef']);
    expect(p.starts).toEqual([0, 3, 5]);
    expect(p.offset).toBe(0);
    expect(p.ends).toEqual([3, 5, 8]);
  });

  it('keeps apart the words of two links that touch (a menu the site styles as a list), and only those', () => {
    const b = body('<div><a href="#">ConnectWise</a><a href="#">Veeam</a><a href="#"><b>Wa</b>sabi</a> <a href="#">RSA</a><b>Inc</b>, Open<b>AI</b></div>');
    const [p] = [...paragraphs(b)];
    expect(p.text).toBe(`ConnectWise${LINK_SEPARATOR}Veeam${LINK_SEPARATOR}Wasabi RSAInc, OpenAI`);
    // Each node's own text sits between its start and end; the separator belongs to no node.
    p.nodes.forEach((n, i) => expect(p.text.slice(p.starts[i], p.ends[i])).toBe(n.data));
    expect(p.starts[1]).toBe(p.ends[0] + LINK_SEPARATOR.length);
  });

  it('reads a very long text node in windows cut at a space, each knowing where it starts in the node', () => {
    const word = 'Anthropic ';
    const b = body(`<p>${word.repeat(1000)}</p>`);
    const node = b.querySelector('p')!.firstChild as Text;
    const windows = [...paragraphs(b)];
    expect(windows.length).toBeGreaterThan(2);
    for (const w of windows) {
      expect(w.nodes).toEqual([node]);
      expect(w.text.length).toBeLessThanOrEqual(MAX_PARAGRAPH);
      expect(node.data.slice(w.offset, w.offset + w.text.length)).toBe(w.text);
      // Cut after a space: no window starts inside a word.
      expect(w.offset === 0 || node.data[w.offset - 1] === ' ').toBe(true);
    }
    expect(windows.map((w) => w.text).join('')).toBe(node.data);
  });

  it('cuts a paragraph of many nodes before it grows past the limit', () => {
    const b = body(`<p>${'<span>Nvidia and more words here. </span>'.repeat(400)}</p>`);
    const ps = [...paragraphs(b)];
    expect(ps.length).toBeGreaterThan(1);
    expect(ps.every((p) => p.text.length <= MAX_PARAGRAPH)).toBe(true);
  });

  it('makes no paragraph of the whitespace between blocks, however long', () => {
    const b = body('<div>\n          <p>Apple</p>\n          \n          <p>Nvidia</p>\n        </div>');
    expect(texts(b)).toEqual(['Apple', 'Nvidia']);
  });

  it('skips everything inside a region skipped for its attributes, and reads an editor turned off', () => {
    const b = body(`<div hidden><p>Hidden <b>deep</b></p></div><div contenteditable><p><span>edited</span></p></div>
      <section role="textbox"><div><i>typed</i></div></section><div contenteditable="false"><p>Read <b>this</b></p></div>`);
    expect(readable(b)).toEqual(['Read this']);
  });

  it('reads the text of a form whose controls are named like the DOM properties it reads', () => {
    const b = body('<form><input name="localName"><input name="parentElement"><input name="ownerDocument"><p>Inside the <b>form</b></p></form>');
    expect(texts(b.querySelector('form')!)).toEqual(['Inside the form']);
    expect(texts(b)).toEqual(['Inside the form']);
  });
});
