/**
 * `npm start` keeps to its machine and its folder: it listens on 127.0.0.1
 * only, answers a malformed path with 400 at once (such requests once hung
 * for good), and writes its pages, drafts included, to `_dev-site/`, never
 * to `_site/`, which a deploy would upload.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { after, describe, it } from "node:test";
import { startArguments } from "../../src/tools/start.ts";
import { rejectedRequest } from "../../src/dev/requests.ts";
import { MINIMAL_DATA, Project, post, until } from "./project.ts";

const PORT = 8093;

/** GET a raw request path (not normalized by a URL parser); a request left unanswered fails after 15 s. */
function get(port: number, rawPath: string, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path: rawPath, method: "GET", timeout: 15_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer to ${rawPath}`)));
    req.on("error", reject);
    req.end();
  });
}

/** Local addresses listening on `port`, from the kernel's socket tables (Linux). */
function listeners(port: number): string[] {
  const found: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue; // 0A: LISTEN
      const [address, hexPort] = local.split(":");
      if (Number.parseInt(hexPort ?? "", 16) === port) found.push(address ?? "");
    }
  }
  return found;
}

describe("npm start", () => {
  const project = new Project({
    ...MINIMAL_DATA,
    "posts/main/2008/a.md": post('title: Published\ndate: "2008-06-01"'),
    "posts/main/2008/wip.md": post('title: Work in progress\ndate: "2008-06-02"\ndraft: true'),
  });
  const server = project.serve(PORT);
  after(() => server.process.kill());
  let port = PORT;
  const started = until(() => /Server at http:\/\/127\.0\.0\.1:(\d+)\//.test(server.output), "the server").then(() => {
    port = Number(/Server at http:\/\/127\.0\.0\.1:(\d+)\//.exec(server.output)?.[1]);
  });

  it("listens on 127.0.0.1 only", async () => {
    await started;
    assert.equal(await get(port, "/"), 200);
    const addresses = listeners(port);
    if (existsSync("/proc/net/tcp")) assert.deepEqual(addresses, ["0100007F"], "bound to 127.0.0.1 and nothing else");
  });

  it("answers malformed paths with 400 at once", async () => {
    await started;
    assert.equal(await get(port, "/..%2f..%2fetc%2fpasswd"), 400);
    assert.equal(await get(port, "/%ZZ"), 400);
    assert.equal(await get(port, "/main/%E0%A4%A/"), 400);
    assert.equal(await get(port, "/a%00b"), 400);
    assert.equal(await get(port, "/main/2008/06/a/"), 200, "a good path is still served");
  });

  it("writes drafts to _dev-site/ and nothing to _site/", async () => {
    await started;
    await until(() => existsSync(`${project.root}/_dev-site/main/2008/06/wip/index.html`), "the draft's page");
    assert.match(project.readDev("main/2008/06/wip/index.html"), /Work in progress/);
    assert.equal(existsSync(`${project.root}/_site`), false, "no _site/ folder");
  });
});

describe("the dev server's arguments", () => {
  it("listens on 127.0.0.1 unless --host says otherwise; --port and Eleventy's options pass through", () => {
    assert.deepEqual(startArguments([]), { host: undefined, eleventy: ["--serve", "--port", "8080", "--output=_dev-site"] });
    assert.deepEqual(startArguments(["--host", "0.0.0.0", "--port=9000", "--quiet"]), {
      host: "0.0.0.0",
      eleventy: ["--serve", "--port", "9000", "--output=_dev-site", "--quiet"],
    });
    assert.deepEqual(startArguments(["--output=_site"]), { error: "the dev server always writes to _dev-site/; --output is for `npm run build`" });
    assert.deepEqual(startArguments(["--port", "http"]), { error: '--port needs a port number, not "http"' });
  });

  it("rejects paths that climb out, hold control characters or break their encoding", () => {
    for (const bad of ["/..%2f..%2fetc%2fpasswd", "/%ZZ", "/a%00", "/a%5c..%5cb"]) assert.equal(rejectedRequest(bad), 400, bad);
    for (const good of ["/", "/main/2008/06/a/", "/caf%C3%A9/", "/a..b/"]) assert.equal(rejectedRequest(good), undefined, good);
  });

  it("serving into _site/ is refused", () => {
    const project = new Project({ ...MINIMAL_DATA, "posts/main/2008/a.md": post('title: A\ndate: "2008-06-01"') });
    const result = project.run("node_modules/@11ty/eleventy/cmd.cjs", ["--serve", "--port", String(PORT + 2)]);
    assert.equal(result.status, 1, result.output);
    assert.match(result.stderr, /the dev server writes to _dev-site\/ \(drafts included\), never to _site\//);
    assert.equal(existsSync(`${project.root}/_site`), false);
  });
});
