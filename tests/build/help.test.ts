/** Every command answers `--help` with its usage and options, exit code 0, and does nothing else. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Project } from "./project.ts";

const COMMANDS: [name: string, script: string, options: RegExp[]][] = [
  ["new", "src/tools/new.ts", [/--tags/, /--date/, /--author/, /--slug/, /--draft/]],
  ["build", "src/tools/build.ts", [/--output=/, /PATH_PREFIX/]],
  ["preview", "src/tools/serve.ts", [/--port/, /--host/, /--headers/, /--prefix/]],
  ["bench", "src/tools/bench.ts", [/--import/, /--keep/, /--verbose/]],
  ["import", "src/tools/import.ts", [/--blog/, /--from/, /--author/, /--force/, /--include-protected/, /--media </, /--fetch-media/, /--no-archive/, /--archive-endpoint/, /--media-timeout/, /--media-max-size/, /--retry-missing/, /Blogger export/]],
  ["links", "src/tools/links.ts", [/--older-than/, /--report/, /--archive-all/, /--no-archive/, /--archive-endpoint/, /--timeout/, /--per-host/]],
  ["init", "src/tools/init.ts", [/--title/, /--url/, /--timezone/, /--blog /, /--blog-title/, /--author /, /--author-name/, /--publisher/, /--yes/]],
];

describe("--help", () => {
  const project = new Project({});
  for (const [name, script, options] of COMMANDS) {
    it(`npm run ${name} -- --help lists every option`, () => {
      const result = project.run(script, ["--help"]);
      assert.equal(result.status, 0, result.output);
      assert.match(result.stdout, new RegExp(`^usage: npm run ${name}`));
      for (const option of [...options, /--help/]) assert.match(result.stdout, option, `${name}: ${option}`);
      assert.equal(result.stderr, "");
    });
  }
});
