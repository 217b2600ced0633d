/**
 * `npm run init` starts an archive of one's own: after it, `npm run new`
 * and `npm run build` work on that archive, and the built site has nothing
 * of the sample.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project } from "./project.ts";

const FLAGS = ["--title", "Ops Notes", "--url", "https://ops.example.org/", "--timezone", "Europe/London", "--blog", "ops", "--author", "jo", "--author-name", "Jo Bloggs", "--yes"];

/** Every file the site has, as paths. */
function siteFiles(project: Project): string[] {
  const site = path.join(project.root, "_site");
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)));
}

describe("npm run init", () => {
  it("writes a valid archive that new and build work on, with nothing of the sample", () => {
    const project = new Project({});
    const init = project.run("src/tools/init.ts", FLAGS);
    assert.equal(init.status, 0, init.output);
    assert.match(init.stdout, /Started "Ops Notes"/);
    assert.equal(readFileSync(path.join(project.root, "_data/site.yaml"), "utf8"), "title: Ops Notes\nurl: https://ops.example.org\ntimezone: Europe/London\npublisher: Jo Bloggs\n");
    assert.ok(existsSync(path.join(project.root, "posts/ops")));

    const created = project.run("src/tools/new.ts", ["ops", "Puppet at scale", "--date", "2011-03-04", "--tags", "Puppet, Nagios"]);
    assert.equal(created.status, 0, created.output);
    const build = project.run("src/tools/build.ts");
    assert.equal(build.status, 0, build.output);
    assert.match(build.stderr, /Built \d+ pages \(1 post\)/);
    assert.match(project.read("ops/2011/03/puppet-at-scale/index.html"), /Jo Bloggs/);
    const files = siteFiles(project).join("\n");
    assert.doesNotMatch(files, /converging|mitchell|citrix/i);
    for (const file of siteFiles(project).filter((name) => name.endsWith(".html"))) {
      assert.doesNotMatch(project.read(file), /Converging|Mitchell|Crosby/, file);
    }
  });

  it("never touches a project that has an archive already", () => {
    const project = new Project(MINIMAL_DATA);
    const before = readFileSync(path.join(project.root, "_data/site.yaml"), "utf8");
    const result = project.run("src/tools/init.ts", FLAGS);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /already has an archive of its own \(_data\/ exists\); nothing was changed/);
    assert.equal(readFileSync(path.join(project.root, "_data/site.yaml"), "utf8"), before);
  });

  it("checks the values as a build would, writing nothing when one is wrong", () => {
    const project = new Project({});
    const bad = [...FLAGS];
    bad[bad.indexOf("Europe/London")] = "Europe/Atlantis";
    bad[bad.indexOf("ops")] = "tags";
    const result = project.run("src/tools/init.ts", bad);
    assert.equal(result.status, 1, result.output);
    assert.match(result.stderr, /_data\/site\.yaml:\d+: timezone: /);
    assert.match(result.stderr, /"tags" cannot be a blog id/);
    assert.equal(existsSync(path.join(project.root, "_data")), false);
    assert.equal(existsSync(path.join(project.root, "posts")), false);
    assert.deepEqual(readdirSync(project.root).filter((name) => name.startsWith("_data")), []);
  });

  it("names what is missing when it cannot ask", () => {
    const project = new Project({});
    const result = project.run("src/tools/init.ts", ["--title", "Ops Notes", "--yes"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /missing --url, --timezone, --blog, --author/);
  });
});
