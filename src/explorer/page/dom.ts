/** Small DOM helpers for the explorer page (no framework: the page is one file, opened offline). */

type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;
type Child = Node | string | null | undefined | false;

/** An element with attributes (false/undefined left out, true as an empty attribute) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: readonly (Child | readonly Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** Offers `content` as a file download (a blob URL on a temporary link). */
export function downloadFile(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled: the download needs the URL a moment longer.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers a data: URL (PNG export) as a download. */
export function downloadUrl(name: string, url: string): void {
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}
