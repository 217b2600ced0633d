/**
 * Rough edges a newcomer hits with an archive of their own: tags written as
 * one comma-separated string, a transposed key, …
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, post } from "./project.ts";

describe("a newcomer's own posts", () => {
  it("splits tags written as one comma-separated string", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/keys.md": post('title: Keys\ndate: "2008-06-01"\ntags: Puppet, Nagios, ssh keys'),
    });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    for (const tag of ["puppet", "nagios", "ssh-keys"]) assert.ok(project.exists(`tags/${tag}/index.html`), tag);
    assert.equal(project.exists("tags/puppet-nagios-ssh-keys/index.html"), false);
    assert.match(project.read("main/2008/06/keys/index.html"), />ssh keys</);
  });

  it("suggests the key a transposed one was meant to be", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2008/typo.md": post('title: Typo\ndate: "2008-06-01"\ntgas: [Xen]'),
    });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    assert.match(result.stderr, /posts\/main\/2008\/typo\.md:4: tgas: unknown front-matter key, ignored \(did you mean "tags"\?\)/);
  });
});
