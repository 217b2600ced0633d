/**
 * The `_headers` file of Netlify and Cloudflare Pages: a URL pattern on a
 * line of its own, then its headers indented below it, `#` for comments.
 * https://docs.netlify.com/manage/routing/headers/
 * https://developers.cloudflare.com/pages/configuration/headers/
 * Written for the built site, and read back by the test server so the
 * browser tests run under the same headers as the host.
 */

export interface HeaderRule {
  /** `/*`, `/feed.xml`, `/podcasts/*`: `*` matches any run of characters. */
  pattern: string;
  headers: [name: string, value: string][];
}

/** The text of a `_headers` file. */
export function formatHeadersFile(rules: readonly HeaderRule[], comment: readonly string[] = []): string {
  const lines = comment.map((line) => `# ${line}`.trimEnd());
  for (const rule of rules) {
    lines.push(rule.pattern, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join("\n")}\n`;
}

/** Rules of a `_headers` file; lines that are neither a pattern nor an indented header are errors. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trimStart().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      return;
    }
    const colon = line.indexOf(":");
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers:${i + 1}: expected "  Name: value" under a URL pattern, got ${JSON.stringify(line)}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return rules;
}

/** Does `pathname` match a rule's pattern (`*` is any run of characters, including `/`)? */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return regex.test(pathname);
}

/** The headers for `pathname`: every matching rule's, later values of a name joined as the hosts do. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = Object.keys(headers).find((existing) => existing.toLowerCase() === name.toLowerCase()) ?? name;
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}
