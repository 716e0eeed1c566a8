// A job summary rendered as GitHub renders it: GitHub-flavoured markdown (micromark with its GFM extension,
// raw HTML passed through as GitHub passes it to its sanitizer), then parsed as HTML (parse5), and read
// back as an element tree (tag names, attributes, comments) and as text.
import {micromark} from 'micromark';
import {gfm, gfmHtml} from 'micromark-extension-gfm';
import {parseFragment} from 'parse5';

/** Markdown to HTML as GitHub does before its sanitizer. */
export function render(markdown: string): string {
  return micromark(markdown, {allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]});
}

export interface HtmlNode {
  nodeName: string;
  attrs?: {name: string; value: string}[];
  childNodes?: HtmlNode[];
  value?: string;
  data?: string;
}

/** The element tree: one line per element (indented by depth, tag name and attributes) or comment; text left out. */
export function tree(htmlText: string): string[] {
  const out: string[] = [];
  const walk = (n: HtmlNode, depth: number) => {
    if (n.nodeName === '#text') return;
    if (n.nodeName === '#comment') out.push(`${' '.repeat(depth)}#comment`);
    else if (n.nodeName !== '#document-fragment') out.push(`${' '.repeat(depth)}${n.nodeName}${(n.attrs ?? []).map(a => ` ${a.name}=${JSON.stringify(a.value)}`).join('')}`);
    for (const c of n.childNodes ?? []) walk(c, depth + 1);
  };
  walk(parseFragment(htmlText) as unknown as HtmlNode, 0);
  return out;
}

/** Every element, with its attributes, in document order. */
export function elements(htmlText: string): {name: string; attrs: {name: string; value: string}[]}[] {
  const out: {name: string; attrs: {name: string; value: string}[]}[] = [];
  const walk = (n: HtmlNode) => {
    if (!n.nodeName.startsWith('#')) out.push({name: n.nodeName, attrs: n.attrs ?? []});
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parseFragment(htmlText) as unknown as HtmlNode);
  return out;
}

/** The text content, as a reader sees it (entities decoded). */
export function textContent(htmlText: string): string {
  const parts: string[] = [];
  const walk = (n: HtmlNode) => {
    if (n.nodeName === '#text') parts.push(n.value ?? '');
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parseFragment(htmlText) as unknown as HtmlNode);
  return parts.join('');
}
