/**
 * The old blog's origin → `old_origins` of `_data/site.yaml`, so that the
 * archive's posts that link to the old site by full URL lead to the
 * imported posts (src/redirects/oldlinks.ts). Only a site data file that
 * exists is touched (a site file needs a title and URL the import does not
 * know); the origin is added to the list, the rest of the file (order,
 * comments) kept, through the `yaml` library's document model, as the
 * authors file is.
 */
import { isSeq } from "yaml";
import { originKey } from "../redirects/oldlinks.ts";
import { editDataFile } from "./project.ts";

/**
 * The origins of `found` (the old sites' addresses, `https://old.example.com/blog/`)
 * that `existing` does not hold yet, each once; an origin counts as held when
 * it differs only by scheme or `www.`. The archive's own origin (`own`) is
 * never an old one.
 */
export function originsToAdd(existing: readonly string[], found: readonly (string | undefined)[], own?: string): string[] {
  const keyOf = (value: string): string | undefined => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) ? originKey(url) : undefined;
    } catch {
      return undefined;
    }
  };
  const held = new Set(existing.map(keyOf).filter((key): key is string => key !== undefined));
  const ownKey = own === undefined ? undefined : keyOf(own);
  const added: string[] = [];
  for (const address of found) {
    if (!address) continue;
    const key = keyOf(address);
    if (key === undefined || key === ownKey || held.has(key)) continue;
    held.add(key);
    added.push(new URL(address).origin);
  }
  return added;
}

/** Adds `origins` to `old_origins` of the site data file; returns the file written, or undefined (nothing to add, or no site file). */
export async function writeOldOrigins(root: string, origins: readonly string[]): Promise<string | undefined> {
  if (origins.length === 0) return undefined;
  return editDataFile(
    root,
    "site",
    {
      json(value) {
        const list = value.old_origins;
        value.old_origins = [...(Array.isArray(list) ? list : typeof list === "string" ? [list] : []), ...origins];
      },
      yaml(doc) {
        const list = doc.get("old_origins", true);
        if (isSeq(list)) {
          for (const origin of origins) list.add(doc.createNode(origin));
        } else {
          // Absent, or one origin written as a string: a list of them all.
          const written = doc.get("old_origins");
          doc.set("old_origins", doc.createNode([...(typeof written === "string" ? [written] : []), ...origins]));
        }
      },
    },
    false,
  );
}
