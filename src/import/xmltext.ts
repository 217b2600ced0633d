/** Text of a node as the importer's XML parser gives it (a string, a number, an element with `#text`, or a list of them). */
type Node = Record<string, unknown>;

/** The node's own text as written (the first of a list); `""` for an element without text; undefined when absent. */
export function rawText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return rawText(value[0]);
  if (typeof value === "object") return rawText((value as Node)["#text"]) ?? "";
  return undefined;
}
