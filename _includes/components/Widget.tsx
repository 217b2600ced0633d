/** A titled sidebar box, and the list of links most boxes hold. */
import type { ComponentChildren } from "preact";

export interface WidgetProps {
  /** Id of the heading; also the box's class, unless `kind` gives one. */
  id: string;
  /** The box's class, when several boxes of one kind are on a page (each with its own `id`). */
  kind?: string;
  title: ComponentChildren;
  children: ComponentChildren;
}

export function Widget({ id, kind = id, title, children }: WidgetProps) {
  return (
    <section class={`widget ${kind}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

export interface ListedLink {
  title: string;
  url: string;
  /** `<time datetime>` and its text, shown after the title. */
  datetime?: string;
  date?: string;
}

export function LinkList({ links }: { links: readonly ListedLink[] }) {
  return (
    <ul class="link-list">
      {links.map((link) => (
        <li>
          <a href={link.url}>{link.title}</a>
          {link.datetime && (
            <>
              {" "}
              <time class="when" datetime={link.datetime}>
                {link.date}
              </time>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
