/**
 * The export's authors (`wp:author`) → entries of `_data/authors.yaml`: id
 * from the login, name from the display name. An author who is already in
 * the file (by id, or by name) is used as they are and never rewritten; new
 * ones are appended, the rest of the file (order, comments) kept as it is,
 * through the `yaml` library's document model.
 */
import type { ArchiveData } from "../content/model.ts";
import { slugify } from "../slug.ts";
import { editDataFile } from "./project.ts";
import type { SourceAuthor } from "./source.ts";

export interface AuthorPlan {
  /** Login → author id, for every author of the export. */
  byLogin: Map<string, string>;
  /** Entries to add, in the export's order. */
  added: { id: string; name: string }[];
}

/** Which author each login maps to, and which entries the data file lacks. */
export function planAuthors(authors: readonly SourceAuthor[], existing: ArchiveData["authors"]): AuthorPlan {
  const byLogin = new Map<string, string>();
  const added: AuthorPlan["added"] = [];
  const ids = new Set(Object.keys(existing));
  const byName = new Map(Object.entries(existing).map(([id, author]) => [slugify(author.name), id]));
  for (const author of authors) {
    if (byLogin.has(author.login)) continue;
    const loginId = slugify(author.login);
    const found = (loginId && ids.has(loginId) ? loginId : undefined) ?? byName.get(slugify(author.name)) ?? added.find((a) => slugify(a.name) === slugify(author.name))?.id;
    if (found) {
      byLogin.set(author.login, found);
      continue;
    }
    let id = loginId || slugify(author.name) || "author";
    for (let n = 2; ids.has(id); n++) id = `${loginId || "author"}-${n}`;
    ids.add(id);
    added.push({ id, name: author.name });
    byLogin.set(author.login, id);
  }
  return { byLogin, added };
}

/** Appends `added` to the authors data file (creating `_data/authors.yaml` if there is none); returns the file written. */
export async function writeAuthors(root: string, added: AuthorPlan["added"]): Promise<string | undefined> {
  if (added.length === 0) return undefined;
  return editDataFile(
    root,
    "authors",
    {
      json(value) {
        for (const author of added) if (!Object.hasOwn(value, author.id)) value[author.id] = { name: author.name };
      },
      yaml(doc) {
        if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
        for (const author of added) if (!doc.has(author.id)) doc.set(author.id, doc.createNode({ name: author.name }));
      },
    },
    true,
  );
}
