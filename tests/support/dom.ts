/** Reading built pages as a browser parses them (parse5): elements, attributes, text, comment threads. */
import type { DefaultTreeAdapterMap } from "parse5";

export type Node = DefaultTreeAdapterMap["node"];
export type Element = DefaultTreeAdapterMap["element"];

export function isElement(node: Node): node is Element {
  return "tagName" in node;
}

/** Every element under `node`, in document order (template contents included). */
export function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (n: Node): void => {
    if (isElement(n)) found.push(n);
    if ("childNodes" in n) n.childNodes.forEach(walk);
    if (isElement(n) && n.tagName === "template" && "content" in n) walk((n as DefaultTreeAdapterMap["template"]).content);
  };
  walk(node);
  return found;
}

/** The text of a node and everything in it. */
export function text(node: Node): string {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  return "childNodes" in node ? node.childNodes.map(text).join("") : "";
}

export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

export const children = (el: Element): Element[] => el.childNodes.filter(isElement);

/** A comment thread's list as nested ids: `["comment-1", ["comment-2"]]` for a comment with one reply. */
export function threadShape(list: Element): unknown[] {
  return children(list).map((li) => {
    const replies = children(li).find((c) => c.tagName === "ol");
    return replies ? [attr(li, "id"), threadShape(replies)] : attr(li, "id");
  });
}
