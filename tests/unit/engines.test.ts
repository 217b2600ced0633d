/**
 * Every package the project installs (dependencies and devDependencies,
 * with everything they pull in) runs on the oldest Node.js that
 * package.json's `engines` admits and on the one running the tests, so
 * `npm install` never warns that a package needs a newer Node than the
 * project says it needs.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import semver from "semver";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as Record<string, unknown>;

describe("engines", () => {
  it("every locked package accepts the oldest Node.js the project accepts, and this one", () => {
    const ours = (read("package.json").engines as { node: string }).node;
    const oldest = semver.minVersion(ours)?.version ?? "0.0.0";
    const packages = read("package-lock.json").packages as Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
    const refusing = Object.entries(packages)
      .filter(([name, entry]) => name !== "" && !entry.optional && !Array.isArray(entry.engines) && entry.engines?.node)
      .filter(([, entry]) => {
        const theirs = (entry.engines as { node: string }).node;
        return semver.validRange(theirs) !== null && ![oldest, process.version].every((version) => semver.satisfies(version, theirs));
      })
      .map(([name, entry]) => `${name.replace(/^node_modules\//, "")} needs node ${(entry.engines as { node: string }).node}`);
    assert.deepEqual(refusing, [], `package.json says node ${ours} (oldest ${oldest}); running ${process.version}`);
  });
});
