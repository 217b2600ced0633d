import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  APT_INSTALL,
  browserCandidates,
  type BrowserLocation,
  describeBrowser,
  type EnsureState,
  findOnPath,
  formatCommand,
  type InstallMethod,
  installAdvice,
  nextStep,
  pickBrowser,
  PLAYWRIGHT_INSTALL,
  SYSTEM_BROWSER_PATHS,
} from "../support/browser.ts";

const PW = "/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

describe("browserCandidates", () => {
  test("CHROMIUM_PATH first, then Playwright's Chromium, then the system's in order", () => {
    assert.deepEqual(browserCandidates({ envPath: "/opt/chrome/chrome", playwrightPath: PW }), [
      { path: "/opt/chrome/chrome", source: "env" },
      { path: PW, source: "playwright" },
      { path: "/usr/bin/chromium", source: "system" },
      { path: "/usr/bin/chromium-browser", source: "system" },
      { path: "/usr/bin/google-chrome", source: "system" },
    ]);
  });

  test("an unset or blank CHROMIUM_PATH is skipped, and so is an unknown Playwright path", () => {
    const expected = SYSTEM_BROWSER_PATHS.map((p) => ({ path: p, source: "system" }));
    assert.deepEqual(browserCandidates({ playwrightPath: null }), expected);
    assert.deepEqual(browserCandidates({ envPath: "  ", playwrightPath: null }), expected);
    assert.deepEqual(browserCandidates({ envPath: "", playwrightPath: "" }), expected);
  });

  test("CHROMIUM_PATH is trimmed", () => {
    assert.deepEqual(browserCandidates({ envPath: " /x/chrome\n", playwrightPath: null })[0], {
      path: "/x/chrome",
      source: "env",
    });
  });
});

describe("pickBrowser", () => {
  const candidates = browserCandidates({ envPath: "/opt/chrome", playwrightPath: PW });
  const only =
    (...present: string[]) =>
    (file: string) =>
      present.includes(file);

  test("takes the first candidate that exists", () => {
    assert.deepEqual(pickBrowser(candidates, only(PW, "/usr/bin/chromium")), {
      path: PW,
      source: "playwright",
    });
    assert.deepEqual(pickBrowser(candidates, only("/usr/bin/google-chrome", "/opt/chrome")), {
      path: "/opt/chrome",
      source: "env",
    });
  });

  test("falls back to the system's when Playwright's is not installed", () => {
    assert.deepEqual(
      pickBrowser(candidates, only("/usr/bin/chromium-browser", "/usr/bin/google-chrome")),
      {
        path: "/usr/bin/chromium-browser",
        source: "system",
      },
    );
  });

  test("null when nothing exists", () => {
    assert.equal(pickBrowser(candidates, only()), null);
    assert.equal(
      pickBrowser([], () => true),
      null,
    );
  });
});

describe("nextStep", () => {
  const browser: BrowserLocation = { path: "/usr/bin/chromium", source: "system" };
  const state = (
    over: Partial<Omit<EnsureState, "tried">> & { tried?: InstallMethod[] } = {},
  ): EnsureState => ({
    found: null,
    isRoot: false,
    hasAptGet: false,
    ...over,
    tried: new Set(over.tried ?? []),
  });

  test("uses a browser that is there, whatever else holds", () => {
    for (const isRoot of [false, true]) {
      for (const hasAptGet of [false, true]) {
        const tried: InstallMethod[][] = [[], ["playwright"], ["playwright", "apt"]];
        for (const t of tried) {
          assert.deepEqual(nextStep(state({ found: browser, isRoot, hasAptGet, tried: t })), {
            kind: "use",
            browser,
          });
        }
      }
    }
  });

  test("first tries Playwright's installer, even as root with apt-get", () => {
    for (const isRoot of [false, true]) {
      for (const hasAptGet of [false, true]) {
        assert.deepEqual(nextStep(state({ isRoot, hasAptGet })), {
          kind: "install",
          method: "playwright",
          commands: PLAYWRIGHT_INSTALL,
        });
      }
    }
  });

  test("then apt-get, only as root and only where apt-get exists", () => {
    assert.deepEqual(nextStep(state({ isRoot: true, hasAptGet: true, tried: ["playwright"] })), {
      kind: "install",
      method: "apt",
      commands: APT_INSTALL,
    });
    assert.equal(
      nextStep(state({ isRoot: false, hasAptGet: true, tried: ["playwright"] })).kind,
      "fail",
    );
    assert.equal(
      nextStep(state({ isRoot: true, hasAptGet: false, tried: ["playwright"] })).kind,
      "fail",
    );
  });

  test("gives up once every possible method was tried", () => {
    const step = nextStep(state({ isRoot: true, hasAptGet: true, tried: ["playwright", "apt"] }));
    assert.equal(step.kind, "fail");
  });

  test("the advice names the commands to run", () => {
    const notRoot = nextStep(state({ hasAptGet: true, tried: ["playwright"] }));
    assert.ok(notRoot.kind === "fail");
    assert.deepEqual(notRoot.advice, installAdvice({ isRoot: false, hasAptGet: true }));
    assert.ok(notRoot.advice.includes("npx playwright install chromium"));
    assert.ok(notRoot.advice.includes("sudo apt-get update && sudo apt-get install -y chromium"));
    assert.ok(notRoot.advice.some((line) => line.startsWith("export CHROMIUM_PATH=")));
  });
});

describe("installAdvice", () => {
  test("no apt-get line where there is no apt-get", () => {
    const advice = installAdvice({ isRoot: false, hasAptGet: false });
    assert.ok(advice.includes("npx playwright install chromium"));
    assert.ok(!advice.some((line) => line.includes("apt-get")));
  });

  test("no sudo for root", () => {
    const advice = installAdvice({ isRoot: true, hasAptGet: true });
    assert.ok(advice.includes("apt-get update && apt-get install -y chromium"));
    assert.ok(!advice.some((line) => line.includes("sudo")));
  });
});

describe("install commands", () => {
  test("Playwright's installer fetches only Chromium, from the local package", () => {
    assert.deepEqual(
      PLAYWRIGHT_INSTALL.map((c) => c.argv),
      [["npx", "--no-install", "playwright", "install", "chromium"]],
    );
  });

  test("apt-get updates its lists first and never prompts", () => {
    assert.deepEqual(APT_INSTALL.map(formatCommand), [
      "DEBIAN_FRONTEND=noninteractive apt-get update",
      "DEBIAN_FRONTEND=noninteractive apt-get install -y chromium",
    ]);
  });
});

describe("formatCommand", () => {
  test("quotes words a shell would split or expand", () => {
    assert.equal(
      formatCommand({ argv: ["echo", "a b", "it's", "$HOME"] }),
      `echo 'a b' 'it'\\''s' '$HOME'`,
    );
    assert.equal(formatCommand({ argv: ["ls", "-la", "/tmp/x_y.z"] }), "ls -la /tmp/x_y.z");
  });
});

describe("findOnPath", () => {
  const exists =
    (...files: string[]) =>
    (file: string) =>
      files.includes(file);

  test("the first directory of PATH that has the command wins", () => {
    assert.equal(
      findOnPath(
        "apt-get",
        "/usr/local/bin:/usr/bin:/bin",
        exists("/usr/bin/apt-get", "/bin/apt-get"),
        {
          delimiter: ":",
        },
      ),
      "/usr/bin/apt-get",
    );
  });

  test("null when it is nowhere, or PATH is unset or has empty entries", () => {
    assert.equal(findOnPath("apt-get", "/usr/bin:/bin", exists(), { delimiter: ":" }), null);
    assert.equal(
      findOnPath("apt-get", undefined, () => true, { delimiter: ":" }),
      null,
    );
    assert.equal(
      findOnPath("apt-get", "::", () => true, { delimiter: ":" }),
      null,
    );
  });

  test("tries the given extensions", () => {
    assert.equal(
      findOnPath("npx", "/a:/b", exists("/b/npx.cmd"), {
        delimiter: ":",
        extensions: [".exe", ".cmd"],
      }),
      "/b/npx.cmd",
    );
  });
});

describe("describeBrowser", () => {
  test("says where the browser comes from", () => {
    assert.equal(
      describeBrowser({ path: "/usr/bin/chromium", source: "system" }, "Chromium 156.0"),
      "system Chromium /usr/bin/chromium (Chromium 156.0)",
    );
    assert.equal(
      describeBrowser({ path: PW, source: "playwright" }),
      `Playwright's Chromium ${PW}`,
    );
    assert.equal(
      describeBrowser({ path: "/x", source: "env" }, null),
      "Chromium from $CHROMIUM_PATH /x",
    );
  });
});
