/**
 * A throwaway archive for one spec file: built like the build tests'
 * projects (tests/build/project.ts) and served on a free local port.
 * Call it at the top of a spec or a `describe`: it adds the hooks that build
 * before the tests and stop the server after them.
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Project } from "../build/project.ts";
import { createStaticServer } from "../../src/tools/serve.ts";

export interface FixtureSite {
  /** `http://127.0.0.1:<port>`, once the hooks have run. */
  readonly origin: string;
}

export function fixtureSite(files: Record<string, string>, options: { sample?: boolean; headers?: boolean } = {}): FixtureSite {
  const site = { origin: "" };
  let server: ReturnType<typeof createStaticServer> | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const project = new Project(files, options);
    const result = project.build();
    expect(result.status, result.output).toBe(0);
    // `headers`: the site's _headers sent as a host would (its Content-Security-Policy included).
    server = createStaticServer(path.join(project.root, "_site"), { headers: options.headers ?? false });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  return site;
}
