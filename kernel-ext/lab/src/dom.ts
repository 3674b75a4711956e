/**
 * Every element the extension draws is built here with `textContent`, never `innerHTML`:
 * results come from untrusted notebooks, and user strings (column names, category values,
 * framing text) must arrive as text whatever characters they hold.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
