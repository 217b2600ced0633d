/**
 * The items of an RSS document (a WordPress export), or the entries of an
 * Atom one (a Blogger export), found by a scan of the text, so that each
 * `<item>` or `<entry>` can be parsed on its own and the document is never
 * one object tree in memory. The scan runs on text already checked to
 * be well-formed XML: outside CDATA sections, comments and processing
 * instructions every `<` starts a tag, and attribute values hold no `<`.
 */

export interface ItemSlices {
  /** The document with the items cut out (the channel's own elements, the authors…). */
  rest: string;
  /** Each item, `<item>…</item>`, in document order. */
  items: string[];
}

/** Where the items are: the elements that hold them, outermost first, and the items' own name. */
export interface ItemPlace {
  container: readonly string[];
  item: string;
}

/** The items of an RSS document: `<rss><channel><item>`. */
export const RSS_ITEMS: ItemPlace = { container: ["rss", "channel"], item: "item" };
/** The entries of an Atom document: `<feed><entry>`. */
export const ATOM_ENTRIES: ItemPlace = { container: ["feed"], item: "entry" };

function atContainer(stack: readonly string[], container: readonly string[]): boolean {
  return stack.length === container.length && stack.every((name, i) => name === container[i]);
}

/**
 * The items of `place` (by default `<rss><channel>`) in `xml` (well-formed)
 * and the rest of the document; all of `xml` as `rest` and no items when
 * the scan meets markup it does not follow (a declaration other than a
 * comment or CDATA).
 */
export function sliceItems(xml: string, place: ItemPlace = RSS_ITEMS): ItemSlices {
  const atChannel = (stack: readonly string[]) => atContainer(stack, place.container);
  const whole: ItemSlices = { rest: xml, items: [] };
  const items: string[] = [];
  const rest: string[] = [];
  const stack: string[] = [];
  let restFrom = 0;
  let itemStart = -1;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) return whole;
      i = end + 3;
    } else if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) return whole;
      i = end + 3;
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) return whole;
      i = end + 2;
    } else if (xml.startsWith("<!", lt)) {
      // A document type declaration left in place: not followed, the document is read whole.
      if (stack.length) return whole;
      const end = xml.indexOf(">", lt);
      if (end < 0) return whole;
      i = end + 1;
    } else if (xml[lt + 1] === "/") {
      const end = xml.indexOf(">", lt);
      if (end < 0) return whole;
      const name = xml.slice(lt + 2, end).trim();
      if (stack.pop() !== name) return whole;
      i = end + 1;
      if (name === place.item && itemStart >= 0 && atChannel(stack)) {
        items.push(xml.slice(itemStart, i));
        restFrom = i;
        itemStart = -1;
      }
    } else {
      const name = /^[^\s/>]+/.exec(xml.slice(lt + 1, lt + 257))?.[0];
      if (!name) return whole;
      let j = lt + 1 + name.length;
      let end = -1;
      while (j < xml.length) {
        const c = xml[j];
        if (c === '"' || c === "'") {
          const close = xml.indexOf(c, j + 1);
          if (close < 0) return whole;
          j = close + 1;
        } else if (c === ">") {
          end = j;
          break;
        } else j++;
      }
      if (end < 0) return whole;
      const selfClosing = xml[end - 1] === "/";
      i = end + 1;
      if (name === place.item && atChannel(stack)) {
        rest.push(xml.slice(restFrom, lt));
        if (selfClosing) {
          items.push(xml.slice(lt, i));
          restFrom = i;
        } else itemStart = lt;
      }
      if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length || itemStart >= 0) return whole;
  if (!items.length) return whole;
  rest.push(xml.slice(restFrom));
  return { rest: rest.join(""), items };
}
