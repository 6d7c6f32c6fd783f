// The soak benchmark of `cargo xtask bench` (BENCHMARKS.md, issue #8): does the
// kiosk keep its memory, DOM and listeners flat over a long day of visits?
//
// 1. 1,000 visits without a page reload. A visit is a whole flow done with taps
//    on the real screens (the self-check to its result; booking and a 12348
//    callback request to their review screens, every fourth one submitted; the
//    accessibility settings and the language toggled and back), then home by the
//    app's own navigation (a screen's 返回首页 or 上一步, or the header's 无障碍
//    and then 返回首页), never "finish and clear", which reloads. Every 50 visits,
//    on the home screen and after forced garbage collection: WebAssembly memory,
//    JS heap, DOM nodes and JS event listeners.
// 2. 100 visit resets: attract screen, touch, a short flow, "finish and clear"
//    (a reload), back on the attract screen; the same figures every 10 resets.
//
// Budgets (issue #8): from visit 100 to 1,000 the WebAssembly memory grows by at
// most 1 MiB and the JS heap by at most 10 %; at the end, nodes and listeners are
// back at the baseline: the home screen after one warm-up visit of each flow
// (visit 0). Not the home screen before any visit: the first visit of a flow
// builds things once for the page's life (Leptos's template document, fetched
// services and standards), and that is not growth. The same screen, the same
// count: any difference is something a visit left behind. For the resets, JS
// heap growth from reset 10 to 100, and nodes and listeners back at reset 0
// (the attract screen after one warm-up reset). WebAssembly memory starts afresh
// with each page, so for the resets it is reported without a budget.
//
// The visits are driven from inside the page, a batch of 50 per round trip: the
// driver taps (pointerdown, pointerup, click, as a finger) the control a visitor
// would, found by its visible label, and waits for the next screen's heading and
// one painted frame before the next tap. Thousands of Playwright round trips
// would not fit the bench's time on a 2-core machine. It calls nothing of the
// app's own, and fails the run, saying what the screen shows, on an error screen,
// an alert, the inactivity warning or a screen that does not come.
//
// For finding a leak, beyond common.mjs's arguments:
//   --visits N     visits without reload (default 1000; figures every 50)
//   --resets N     visit resets (default 100; figures every 10; 0 skips them)
//   --flows LIST   the flows to rotate through, comma-separated, of
//                  eligibility,booking,callback,settings (default: all)
import { fileURLToPath } from "node:url";
import { launch, median, quantile, runBench, VIEWPORT } from "./common.mjs";

const FLOWS = ["eligibility", "booking", "callback", "settings"];
const SAMPLE_EVERY = 50;
const RESET_SAMPLE_EVERY = 10;
const WASM_GROWTH_BUDGET = 1024 * 1024;
const HEAP_GROWTH_BUDGET = 0.1;
/** Growth is measured from here: the visits (resets) before warm the page up. */
const GROWTH_FROM_VISIT = 100;
const GROWTH_FROM_RESET = 10;

runBench(async (report, args) => {
  const visits = Number(args.visits ?? 1000);
  const resets = Number(args.resets ?? 100);
  const flows = (args.flows ?? FLOWS.join(",")).split(",");
  for (const f of flows) if (!FLOWS.includes(f)) throw new Error(`unknown flow "${f}"`);
  const started = Date.now();

  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: "zh-CN" });
    const page = await context.newPage();
    // A wasm panic or an uncaught error ends the run: the figures would mean nothing.
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const consoleErrors = [];
    report.details.consoleErrors = consoleErrors;
    page.on("console", (m) => {
      // Chromium ignores history updates beyond a rate it thinks runaway; the
      // app's router would then be out of step with the address.
      if (m.type() === "error" || /Throttling navigation/.test(m.text())) consoleErrors.push(m.text());
    });
    const check = () => {
      if (pageErrors.length) throw new Error(`the page threw: ${pageErrors.join("; ")}`);
      const throttled = consoleErrors.find((m) => /Throttling navigation/.test(m));
      if (throttled) throw new Error(`Chromium throttled the navigations: ${throttled}`);
    };
    await page.addInitScript({ path: fileURLToPath(new URL("./driver.js", import.meta.url)) });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");

    await page.goto(`${args.baseUrl}/`);
    await page.evaluate(() => window.__soak.home());
    // A phone number per visit, and per run: the same phone cannot book the same
    // service twice on a day, and a database may be reused while developing.
    const phoneBase = Math.floor(Math.random() * 9e7);
    const run = (from, to) =>
      page.evaluate(
        ({ from, to, flows, phoneBase }) => window.__soak.visits(from, to, flows, phoneBase),
        { from, to, flows, phoneBase },
      );

    // --- 1. Visits without reload ---
    // The series goes into the report as it grows, so a run that fails half-way
    // still shows what it measured.
    const soak = {
      flows,
      visits,
      sampleEvery: SAMPLE_EVERY,
      baseline: "home screen after one warm-up visit of each flow (visit 0), after GC",
      samples: [],
    };
    report.details.soak = soak;
    await run(-flows.length, 0);
    check();
    soak.samples.push(await sample(page, cdp, 0, "/"));
    const timings = [];
    const soakStarted = Date.now();
    for (let done = 0; done < visits; ) {
      const to = Math.min(visits, done + SAMPLE_EVERY);
      timings.push(...(await run(done, to)));
      check();
      done = to;
      soak.samples.push(await sample(page, cdp, done, "/"));
      log(soak.samples.at(-1), "visit");
    }
    soak.seconds = (Date.now() - soakStarted) / 1000;
    soak.perFlow = perFlow(timings, flows);

    // --- 2. Visit resets ---
    const resetSeries = {
      resets,
      sampleEvery: RESET_SAMPLE_EVERY,
      baseline: "attract screen after one warm-up reset (reset 0), after GC",
      samples: [],
    };
    const resetTimes = [];
    if (resets > 0) {
      report.details.resets = resetSeries;
      // The first one starts at home, where the visits ended.
      await resetVisit(page, -1);
      resetSeries.samples.push(await sample(page, cdp, 0, "/welcome"));
      const resetsStarted = Date.now();
      for (let i = 1; i <= resets; i++) {
        const t0 = Date.now();
        await resetVisit(page, i);
        check();
        resetTimes.push(Date.now() - t0);
        if (i % RESET_SAMPLE_EVERY === 0 || i === resets) {
          resetSeries.samples.push(await sample(page, cdp, i, "/welcome"));
          log(resetSeries.samples.at(-1), "reset");
        }
      }
      resetSeries.seconds = (Date.now() - resetsStarted) / 1000;
      resetSeries.medianMs = median(resetTimes);
    }

    // --- Figures ---
    soakRows(report, soak.samples, timings);
    const perVisit = timings.map((t) => t.ms);
    report.row(
      "soak: time per visit (in-app, no reload)",
      `median ${fmtMs(median(perVisit))}, p95 ${fmtMs(quantile(perVisit, 0.95))}; ` +
        `${visits} visits in ${soak.seconds.toFixed(0)} s with sampling`,
    );
    if (resets > 0) {
      resetRows(report, resetSeries.samples);
      report.row(
        "resets: time per visit reset (reload)",
        `median ${fmtMs(median(resetTimes))}, p95 ${fmtMs(quantile(resetTimes, 0.95))}; ` +
          `${resets} resets in ${resetSeries.seconds.toFixed(0)} s with sampling`,
      );
    }
    report.details.seconds = (Date.now() - started) / 1000;
  } finally {
    await browser.close();
  }
});

/**
 * The figures on the current screen (which must be `path`) after a forced GC.
 * Twice, with a frame between: wasm-bindgen frees the Rust side of closures and
 * objects from FinalizationRegistry callbacks, which run only after a first
 * collection, and what they release is garbage only for the second.
 */
async function sample(page, cdp, at, path) {
  await page.evaluate(() => window.__soak.settle());
  await cdp.send("HeapProfiler.collectGarbage");
  await page.evaluate(() => window.__soak.settle());
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  // Nodes and listeners alive in the renderer, detached ones included.
  const dom = await cdp.send("Memory.getDOMCounters");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name)?.value;
  const here = await page.evaluate(() => ({
    wasm: window.__soakWasm?.memory.buffer.byteLength ?? null,
    path: location.pathname,
    elements: document.getElementsByTagName("*").length,
  }));
  if (here.path !== path) throw new Error(`sample ${at}: at ${here.path}, not ${path}`);
  if (here.wasm == null) throw new Error("no TrunkApplicationStarted event: is dist/index.html Trunk's?");
  return {
    at,
    path: here.path,
    wasmBytes: here.wasm,
    jsHeapUsed: heap.usedSize,
    jsHeapTotal: heap.totalSize,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
    documents: dom.documents,
    elementsInDocument: here.elements,
    layoutObjects: metric("LayoutObjects"),
    // The renderer main thread's busy time so far (s): what the visits cost it,
    // less sensitive than wall time to whatever else the machine is doing.
    taskS: metric("TaskDuration"),
    scriptS: metric("ScriptDuration"),
    layoutS: metric("LayoutDuration"),
    styleS: metric("RecalcStyleDuration"),
  };
}

/** One visit reset: attract screen, touch, a short flow, "finish and clear". */
async function resetVisit(page, i) {
  const loaded = page.waitForEvent("load");
  // The driver taps "finish and clear" after returning, so this call is not cut
  // by the reload it causes.
  try {
    await page.evaluate((i) => window.__soak.resetVisit(i), i);
  } catch (e) {
    loaded.catch(() => {}); // the browser closes on the way out
    throw e;
  }
  await loaded;
  await page.evaluate(() => window.__soak.attract());
}

function soakRows(report, samples, timings) {
  const base = samples[0];
  const last = samples.at(-1);
  // A shorter run (finding a leak) measures from the baseline.
  const from = (last.at > GROWTH_FROM_VISIT && samples.find((s) => s.at === GROWTH_FROM_VISIT)) || base;
  const wasmGrowth = last.wasmBytes - from.wasmBytes;
  report.row(
    `soak: wasm memory growth, visit ${from.at}→${last.at}`,
    `${signed(wasmGrowth)} B (${fmt(from.wasmBytes)} → ${fmt(last.wasmBytes)} B)`,
    `≤ 1 MiB (${fmt(WASM_GROWTH_BUDGET)} B)`,
    wasmGrowth <= WASM_GROWTH_BUDGET,
  );
  // Where growth comes from, if any: per visit and per in-app navigation.
  const after = timings.filter((t) => t.i >= from.at && t.i < last.at);
  const navs = after.reduce((n, t) => n + t.navigations, 0);
  if (after.length > 0) {
    report.row(
      `soak: wasm memory growth per visit and per navigation, visit ${from.at}→${last.at}`,
      `${fmt(Math.round(wasmGrowth / after.length))} B per visit; ` +
        `${fmt(Math.round(wasmGrowth / Math.max(1, navs)))} B per navigation (${fmt(navs)} navigations)`,
    );
  }
  heapRow(report, "soak", "visit", from, last);
  countRows(report, "soak", "visit", base, last, samples);
}

function resetRows(report, samples) {
  const base = samples[0];
  const last = samples.at(-1);
  const from = (last.at > GROWTH_FROM_RESET && samples.find((s) => s.at === GROWTH_FROM_RESET)) || base;
  heapRow(report, "resets", "reset", from, last);
  countRows(report, "resets", "reset", base, last, samples);
  // A new instance each time: no budget, but it shows that the memory a page
  // starts with does not creep up, nor old pages stay alive.
  report.row(
    `resets: wasm memory, reset ${from.at}→${last.at} (a new instance each reset)`,
    `${fmt(from.wasmBytes)} → ${fmt(last.wasmBytes)} B`,
  );
  report.row(
    `resets: documents alive at reset ${last.at}`,
    `${last.documents} (baseline ${base.documents})`,
  );
}

function heapRow(report, what, unit, from, last) {
  const growth = (last.jsHeapUsed - from.jsHeapUsed) / from.jsHeapUsed;
  report.row(
    `${what}: JS heap growth, ${unit} ${from.at}→${last.at}`,
    `${signed((growth * 100).toFixed(1))} % (${fmt(from.jsHeapUsed)} → ${fmt(last.jsHeapUsed)} B)`,
    "≤ 10 %",
    growth <= HEAP_GROWTH_BUDGET,
  );
}

/**
 * Nodes and listeners at the end against the baseline (see the top). The highest
 * sample is shown too: a count that climbs and comes back is worth knowing.
 */
function countRows(report, what, unit, base, last, samples) {
  for (const [key, label] of [
    ["nodes", "DOM nodes"],
    ["listeners", "JS event listeners"],
  ]) {
    const max = Math.max(...samples.map((s) => s[key]));
    report.row(
      `${what}: ${label} at ${unit} ${last.at} vs baseline (${unit} ${base.at}, ${last.path})`,
      `${fmt(last[key])} (baseline ${fmt(base[key])}, ${signed(last[key] - base[key])}; highest sample ${fmt(max)})`,
      "= baseline",
      last[key] <= base[key],
    );
  }
}

/** Per flow: visits, time, navigations per visit and submissions. */
function perFlow(timings, flows) {
  const out = {};
  for (const f of flows) {
    const mine = timings.filter((t) => t.flow === f);
    out[f] = {
      visits: mine.length,
      medianMs: median(mine.map((t) => t.ms)),
      p95Ms: quantile(mine.map((t) => t.ms), 0.95),
      navigationsPerVisit: mine.reduce((n, t) => n + t.navigations, 0) / Math.max(1, mine.length),
      submitted: mine.filter((t) => t.submitted).length,
    };
  }
  return out;
}

function log(s, unit) {
  console.error(
    `soak: ${unit} ${s.at}: wasm ${fmt(s.wasmBytes)} B, heap ${fmt(s.jsHeapUsed)} B, ` +
      `nodes ${s.nodes}, listeners ${s.listeners}, documents ${s.documents}`,
  );
}

const fmt = (n) => (n == null ? "?" : Number(n).toLocaleString("en-US"));
const signed = (n) => (Number(n) >= 0 ? `+${fmt(n)}` : fmt(n));
const fmtMs = (ms) => `${Math.round(ms)} ms`;
