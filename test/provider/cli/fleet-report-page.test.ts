// The fleet page in a real headless Chromium (Debian's `chromium`, driven by puppeteer-core): it loads with no
// console error and no request, its counts match the input, the filter and a sort work, a row opens its details,
// a planted secret and hostile markup never reach the DOM. Keeps a screenshot in .cache/fleet-report.png;
// FLEET_SCREENSHOT_DOCS=1 also rewrites docs/fleet-report.png (1000 px wide) from a clean sample fleet.
// Choice: no Chromium is a failure with the fix (`apt-get install -y chromium`, or CHROMIUM_PATH), never a skip.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { pathToFileURL } from "url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { main, type Io } from "../../../provider/cli/main";
import { fleetReports, HOSTILE_NAME, PLANTED_SECRET, writeFleet } from "./fleet-fixtures";

const ROOT = resolve(__dirname, "../../..");
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path))
    throw new Error(
      `no Chromium found (${process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : CANDIDATES.join(", ")}). Fix: \`apt-get install -y chromium\` (Debian; .ci/run does it) or set CHROMIUM_PATH to a Chrome or Chromium binary`,
    );
  return path;
}

/** The docs screenshot ships in the npm package: a PNG at most 1000 px wide and 200 KB. */
function assertSmallPng(file: string): void {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG", `${file} is a PNG`);
  const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  assert.ok(width <= 1000 && height <= 1200, `${file} is ${width}x${height} px; keep it within 1000x1200`);
  assert.ok(bytes.length <= 200 * 1024, `${file} is ${Math.round(bytes.length / 1024)} KB; keep it under 200 KB`);
}

const quiet: Io = { out: () => undefined, err: () => undefined, waitForStop: () => new Promise(() => undefined) };

async function fleetPage(dir: string, reports: ReturnType<typeof fleetReports>): Promise<string> {
  writeFleet(join(dir, "in"), reports);
  const html = join(dir, "out", "index.html");
  assert.equal(
    await main(["fleet-report", join(dir, "in"), "--out", html, "--json", join(dir, "out", "s.json")], quiet),
    0,
  );
  return pathToFileURL(html).href;
}

const visibleCustomers = (page: Page) =>
  page.$$eval("tbody.customer:not([hidden])", (gs) => gs.map((g) => g.getAttribute("data-customer") ?? ""));

describe("fleet-report page in headless Chromium", function () {
  this.timeout(180_000);
  let browser: Browser;
  let dir: string;

  before(async () => {
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "pc-fleet-page-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("loads clean, counts match the input, filter and sort work, details open, no secret in the DOM", async () => {
    const reports = fleetReports(9);
    reports[0].drift[0].changes.push({
      name: "clientSecret",
      old: { kind: "value", text: PLANTED_SECRET },
      new: { kind: "absent" },
    });
    const url = await fleetPage(dir, reports);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warn") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${String(e)}`));
    page.on("dialog", (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (r.url() !== url) problems.push(`request: ${r.url()}`);
    });
    await page.setViewport({ width: 1000, height: 700 });
    await page.goto(url, { waitUntil: "load" });
    await page.click("tbody.customer[data-status='drift'] button.open");

    const expected = {
      customers: reports.length,
      "in-sync": reports.filter((r) => r.result === "no-drift" && r.warnings.length === 0).length,
      drift: reports.filter((r) => r.result === "drift").length,
      "could-not-read": reports.filter((r) => r.result === "error").length,
      "gdap-expiring": reports.filter((r) => r.result === "no-drift" && r.warnings.length > 0).length,
    };
    for (const [key, n] of Object.entries(expected)) {
      const shown = await page.$eval(`#count-${key} b`, (b) => b.textContent);
      assert.equal(shown, String(n), key);
    }
    assert.equal((await visibleCustomers(page)).length, reports.length);

    mkdirSync(join(ROOT, ".cache"), { recursive: true });
    await page.screenshot({ path: join(ROOT, ".cache", "fleet-report.png"), fullPage: true });

    const details = await page.$eval("tbody.customer[data-status='drift'] tr.details", (tr) => ({
      hidden: tr.hasAttribute("hidden"),
      text: tr.textContent ?? "",
    }));
    assert.equal(details.hidden, false, "the row opened its details");
    assert.match(details.text, /usageLocation\s*US\s*GB/);

    const dom = String(await page.evaluate("document.documentElement.outerHTML + document.body.innerText"));
    assert.ok(!dom.includes(PLANTED_SECRET), "the planted secret is not in the DOM");
    assert.equal(await page.$$eval("img", (i) => i.length), 0, "hostile markup stayed text");
    assert.ok(String(await page.evaluate("document.body.innerText")).includes(HOSTILE_NAME));

    await page.type("#filter", "contoso");
    assert.deepEqual(await visibleCustomers(page), ["contoso.onmicrosoft.com"]);
    assert.equal(await page.$eval("#shown", (s) => s.textContent), `1 of ${reports.length} customers shown`);
    await page.evaluate('document.getElementById("filter").value = ""');
    await page.select("#status-filter", "in-sync");
    await page.$eval("#filter", (i) => i.dispatchEvent(new Event("input")));
    assert.equal((await visibleCustomers(page)).length, expected["in-sync"]);
    await page.select("#status-filter", "");

    const names = reports.map((r) => r.stack.replace(/^tenant-/, ""));
    await page.click("th[data-key='customer'] button");
    assert.deepEqual(
      await visibleCustomers(page),
      [...names].sort((a, b) => a.localeCompare(b)),
    );
    await page.click("th[data-key='customer'] button");
    assert.deepEqual(
      await visibleCustomers(page),
      [...names].sort((a, b) => b.localeCompare(a)),
    );
    assert.equal(await page.$eval("th[data-key='customer']", (th) => th.getAttribute("aria-sort")), "descending");
    await page.click("th[data-key='unreadable'] button");
    await page.click("th[data-key='unreadable'] button");
    assert.equal((await visibleCustomers(page))[0], "fabrikam.onmicrosoft.com", "most errors first");

    assert.deepEqual(problems, []);
    await page.close();
  });

  it("regenerates docs/fleet-report.png when FLEET_SCREENSHOT_DOCS=1, and the committed one stays small", async function () {
    const docsPng = join(ROOT, "docs", "fleet-report.png");
    if (process.env.FLEET_SCREENSHOT_DOCS !== "1") {
      assert.ok(existsSync(docsPng), "docs/fleet-report.png is committed");
      assertSmallPng(docsPng);
      return;
    }
    const url = await fleetPage(dir, fleetReports(6, undefined, { hostile: false }));
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 600 });
    await page.goto(url, { waitUntil: "load" });
    await page.click("tbody.customer[data-status='drift'] button.open");
    await page.screenshot({ path: docsPng, fullPage: true });
    await page.close();
    assertSmallPng(docsPng);
  });
});
