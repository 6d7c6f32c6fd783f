// Shared by the browser benchmarks of `cargo xtask bench` (see BENCHMARKS.md):
// the command line, Debian's Chromium with the E2E launch flags, CPU throttling
// over CDP, statistics, and the report files xtask reads.
//
// Each benchmark script is run as
//   node tests/e2e/bench/<name>.mjs --base-url http://127.0.0.1:PORT --site DIR --out PREFIX
// against a kiosk-server that serves DIR (a copy of dist/ the script may add files
// to). It writes PREFIX.json (every figure, for report.json) and PREFIX.tsv (one
// row per figure: pass<TAB>name<TAB>measured<TAB>budget, pass being "ok" or
// "MISS"), and exits 0 when it ran, whatever the figures; non-zero when it could
// not run.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

/** `--base-url`, `--site` and `--out` from the command line. */
export function parseArgs(argv = process.argv.slice(2)) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    args[key.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = argv[i + 1];
  }
  for (const need of ["baseUrl", "site", "out"]) {
    if (!args[need]) {
      throw new Error(`missing --${need.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    }
  }
  return args;
}

/** Debian's Chromium, headless, started as the E2E tests start it (chromium.json). */
export function launch() {
  const chrome = JSON.parse(fs.readFileSync(new URL("../chromium.json", import.meta.url), "utf8"));
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? chrome.executablePath,
    args: chrome.args,
  });
}

/** The kiosk's portrait screen. */
export const VIEWPORT = { width: 1080, height: 1920 };

/**
 * Slows the page's CPU `rate` times and, unless `cache` is set, disables its HTTP
 * cache; returns the CDP session.
 */
export async function throttle(page, rate, { cache = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: !cache });
  return cdp;
}

/**
 * Debian's Chromium with a profile on disk in `dir`, as a kiosk runs it: unlike a
 * fresh context (off the record), it keeps its HTTP cache and the code cache of
 * compiled WebAssembly between pages.
 */
export function launchWithProfile(dir, options) {
  const chrome = JSON.parse(fs.readFileSync(new URL("../chromium.json", import.meta.url), "utf8"));
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? chrome.executablePath,
    args: chrome.args,
    ...options,
  });
}

/** The `q`-quantile (0..1) of `values`, nearest rank. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export const median = (values) => quantile(values, 0.5);

/** Collects report rows and writes PREFIX.tsv and PREFIX.json. */
export class Report {
  constructor(out) {
    this.out = out;
    this.rows = [];
    this.details = {};
  }

  /** One figure; `pass` is true, false, or null for a figure without a budget. */
  row(name, measured, budget = "", pass = null) {
    this.rows.push({ name, measured, budget, pass: pass ?? true });
  }

  write() {
    fs.mkdirSync(path.dirname(this.out), { recursive: true });
    const clean = (s) => String(s).replace(/[\t\n]/g, " ");
    fs.writeFileSync(
      `${this.out}.tsv`,
      this.rows
        .map((r) => [r.pass ? "ok" : "MISS", r.name, r.measured, r.budget].map(clean).join("\t"))
        .join("\n") + "\n",
    );
    fs.writeFileSync(
      `${this.out}.json`,
      JSON.stringify({ rows: this.rows, ...this.details }, null, 2) + "\n",
    );
  }
}

/** Runs `main(report, args)`, writes the report, and exits non-zero only if it threw. */
export async function runBench(main) {
  let args;
  try {
    args = parseArgs();
  } catch (e) {
    console.error(`bench: ${e.message}`);
    process.exit(2);
  }
  const report = new Report(args.out);
  try {
    await main(report, args);
    report.write();
  } catch (e) {
    console.error(`bench: could not run: ${e?.stack ?? e}`);
    report.write();
    process.exit(1);
  }
}
