// Time to first sound in audio mode with the kiosk PC's server speech (the
// browser has no voice, as Debian's headless Chromium has none), at 4× CPU
// throttling (BENCHMARKS.md). Run by `cargo xtask bench` as
//   node tests/e2e/bench/speech.mjs --base-url URL --site DIR --out PREFIX --speech-cache DIR
// against a server whose speech cache xtask has filled with
// `kiosk-server speech prerender`.
//
// A visit in audio mode through five screens: from the attract screen's "start
// with reading aloud" to home, then the booking's service, day, time and name
// steps. For each screen: from the first frame that shows its heading (a
// MutationObserver sees the new heading, a requestAnimationFrame the frame it
// is painted in) to the `playing` event of the heading's audio, which the kiosk
// plays from its address (GET /api/v1/speech/catalog/{key}): the kiosk's own
// work (it starts speaking after that frame), the element's request, the
// server's answer, decoding and the start of playback. Timestamps are the
// page's own clock (event.timeStamp and performance.now()), not Node's. Each
// visit is a new browser context, so nothing comes from the browser's cache.
//
// 1. Pre-rendered prompts: the cache as a deployment leaves it.
// 2. Synthesised on demand: the same screens with the server's cache emptied
//    before each visit, so espeak-ng renders each heading when it is asked
//    for, as it renders a dynamic text (a receipt, a day's label), whose audio
//    comes by POST instead.
// 3. Dynamic texts: on the last screen, moves with the arrow keys, each
//    control's name said as focus reaches it; the first three made on the spot
//    (by POST), from the focus to their audio playing.
// The espeak-ng audio's own leading silence, which adds to what a visitor
// hears as the delay, is reported from the cached files.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect as baseExpect } from "@playwright/test";
import { launch, median, quantile, runBench, throttle, VIEWPORT } from "./common.mjs";

const RATE = 4;
const VISITS = 6;
const BUDGET_PRERENDERED_MS = 150;
const BUDGET_DYNAMIC_MS = 400;
const expect = baseExpect.configure({ timeout: 20_000 });

/** In the page, before the app: arrivals, and each play() and `playing` with its source. */
function instrument() {
  const w = window;
  w.__arrivals = [];
  w.__plays = [];
  w.__playing = [];
  w.__focus = [];
  document.addEventListener("focusin", (e) => w.__focus.push({ t: performance.now(), tag: e.target.tagName }), true);
  let heading = null;
  new MutationObserver(() => {
    const text = document.querySelector("h1")?.textContent ?? null;
    if (text && text !== heading) {
      heading = text;
      const arrival = { text, painted: null };
      w.__arrivals.push(arrival);
      // The time the frame's callbacks run, not the frame's start time (the
      // callback's argument), which on a busy page can be earlier than the
      // change itself.
      requestAnimationFrame(() => (arrival.painted = performance.now()));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  const play0 = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (!this.__benched) {
      this.__benched = true;
      this.addEventListener("playing", (e) => w.__playing.push({ t: e.timeStamp, src: e.target.src }));
    }
    w.__plays.push({ at: performance.now(), src: this.src });
    return play0.call(this);
  };
}

/** A catalog text's address, as the kiosk and the server compute it. */
function address(tag, text) {
  return `/api/v1/speech/catalog/${crypto.createHash("sha256").update(`${tag}\n${text}`).digest("hex")}`;
}

/** One visit in audio mode; the delay to first sound on each of its screens. */
async function visit(browser, baseUrl, cache, mode, problems) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "zh-CN" });
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(instrument);
    // As a visitor who cannot read the screen starts: on the attract screen,
    // "start with reading aloud".
    await page.goto(`${baseUrl}/welcome`);
    await expect(page.locator("#kiosk-loading")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await throttle(page, RATE, { cache: true });
    const main = page.getByRole("main");
    const steps = [
      [main.getByRole("button", { name: "开启朗读并开始" }), "您好！"],
      [main.getByRole("listitem").getByRole("link", { name: "预约办事" }), "您要预约办理什么？"],
      [main.getByRole("button", { name: /^法律援助/ }), "哪一天来？"],
      [main.getByRole("button", { name: /可预约/ }).first(), "几点来？"],
      [main.getByRole("button", { name: /还剩/ }).first(), "您怎么称呼？"],
    ];
    const delays = [];
    for (const [control, heading] of steps) {
      // The last screen's speech has begun: this one's is what is measured.
      await page.waitForTimeout(300);
      const before = await page.evaluate(() => window.__arrivals.length);
      await control.click();
      let found = null;
      for (const started = Date.now(); !found && Date.now() - started < 20_000; ) {
        await page.waitForTimeout(50);
        const seen = await page.evaluate((before) => ({
          arrivals: window.__arrivals.slice(before),
          plays: window.__plays,
          playing: window.__playing,
        }), before);
        const arrival = seen.arrivals.find((a) => a.text.startsWith(heading) && a.painted != null);
        if (!arrival) continue;
        // The heading's own audio, by its address: the tapped control's name,
        // said as it took focus, comes before it and is cut off by it.
        const at = address("zh-CN", arrival.text);
        const play = seen.plays.find((p) => p.at > arrival.painted && new URL(p.src).pathname === at);
        const playing = play && seen.playing.find((p) => p.t >= play.at && p.src === play.src);
        if (playing) found = { arrival, play, playing };
      }
      if (!found) throw new Error(`no audio of the heading "${heading}…" within 20 s`);
      const file = cacheFile(cache, "zh-CN", found.arrival.text);
      // Pre-rendered: the file was there all along. On demand: the cache was
      // emptied before the visit, so it was made for this request.
      if (!fs.existsSync(file)) throw new Error(`"${found.arrival.text}" is not in the cache after it played`);
      delays.push({
        screen: heading,
        ms: found.playing.t - found.arrival.painted,
        // The kiosk's wait for the frame and its own work up to play(), then the
        // element's request, the answer, decoding and the start of playback.
        toPlay: Math.round(found.play.at - found.arrival.painted),
        toPlaying: Math.round(found.playing.t - found.play.at),
        text: found.arrival.text,
        mode,
      });
    }
    // Dynamic texts: moving with the keys says each control's name as focus
    // reaches it ("王, chosen" and the like), never a catalog text as it stands:
    // by POST, made on the spot. From the focus to its audio playing.
    const spoken = [];
    for (let i = 0; i < 12 && spoken.length < 3; i++) {
      await page.waitForTimeout(300);
      const before = await page.evaluate(() => [window.__focus.length, window.__plays.length]);
      await page.keyboard.press("ArrowDown");
      let found = null;
      for (const started = Date.now(); !found && Date.now() - started < 20_000; ) {
        await page.waitForTimeout(50);
        found = await page.evaluate(([f, p]) => {
          const focus = window.__focus.slice(f).find((x) => x.tag !== "H1" && x.tag !== "MAIN");
          const play = focus && window.__plays.slice(p).find((x) => x.at >= focus.t);
          const playing = play && window.__playing.find((x) => x.t >= play.at && x.src === play.src);
          return playing ? { focus, play, playing } : null;
        }, before);
      }
      if (!found) throw new Error("no audio of a focused control within 20 s");
      // A control whose name is a catalog text as it stands ("继续") comes by
      // address like a heading: only the others count here.
      if (found.play.src.startsWith("blob:")) spoken.push({ ms: found.playing.t - found.focus.t, mode: "focus" });
    }
    if (spoken.length < 3) throw new Error("fewer than three controls with a name made on the spot");
    return { delays, spoken };
  } catch (e) {
    const shot = path.join(path.dirname(process.argv[process.argv.indexOf("--out") + 1]), "speech-failed.png");
    await context.pages()[0]?.screenshot({ path: shot }).catch(() => {});
    throw new Error(`${e.message} (screenshot: ${shot})`);
  } finally {
    await context.close();
  }
}

/** Milliseconds of near-silence (below -40 dBFS) at the start of a 16-bit mono WAV. */
function leadingSilenceMs(wav) {
  const rate = wav.readUInt32LE(24);
  let offset = 12;
  while (offset + 8 <= wav.length && wav.toString("ascii", offset, offset + 4) !== "data") {
    offset += 8 + wav.readUInt32LE(offset + 4);
  }
  for (let i = offset + 8; i + 1 < wav.length; i += 2) {
    if (Math.abs(wav.readInt16LE(i)) > 328) return ((i - offset - 8) / 2 / rate) * 1000;
  }
  return NaN;
}

function cacheFile(cache, tag, text) {
  const key = crypto.createHash("sha256").update(`${tag}\n${text}`).digest("hex");
  return path.join(cache, `${key}.wav`);
}

function emptyCache(cache) {
  for (const f of fs.readdirSync(cache)) fs.rmSync(path.join(cache, f));
}

runBench(async (report, args) => {
  const cache = args.speechCache;
  if (!cache || !fs.existsSync(cache)) throw new Error("--speech-cache: the prerendered cache is missing");
  const problems = [];
  const browser = await launch();
  try {
    const series = {};
    for (const mode of ["prerendered", "dynamic"]) {
      const delays = [];
      for (let i = 0; i < VISITS; i++) {
        if (mode === "dynamic") emptyCache(cache);
        const got = await visit(browser, args.baseUrl, cache, mode, problems);
        delays.push(...got.delays);
        (series.focus ??= []).push(...got.spoken);
      }
      series[mode] = delays;
      if (mode === "prerendered") {
        const silences = [...new Set(delays.map((d) => d.text))]
          .map((t) => cacheFile(cache, "zh-CN", t))
          .filter((f) => fs.existsSync(f))
          .map((f) => leadingSilenceMs(fs.readFileSync(f)));
        series.leadingSilenceMs = silences.map(Math.round);
        report.row(
          "speech: leading silence of the audio itself, median",
          `${Math.round(median(silences))} ms (${silences.length} headings)`,
          "reported",
        );
      }
    }
    if (problems.length) throw new Error(`the page threw: ${problems.join("; ")}`);
    for (const [mode, budget, what] of [
      ["prerendered", BUDGET_PRERENDERED_MS, "pre-rendered prompt"],
      ["dynamic", BUDGET_DYNAMIC_MS, "prompt synthesised on demand"],
      ["focus", BUDGET_DYNAMIC_MS, "dynamic text (a focused control's name, POST)"],
    ]) {
      const ms = series[mode].map((d) => d.ms);
      const p95 = quantile(ms, 0.95);
      report.row(
        `speech: ${mode === "focus" ? "focus" : "screen"} to first sound at ${RATE}×, ${what}, p95 / median`,
        `${Math.round(p95)} / ${Math.round(median(ms))} ms (n=${ms.length})`,
        `p95 ≤ ${budget} ms`,
        p95 <= budget,
      );
    }
    for (const mode of ["prerendered", "dynamic"]) {
      const part = (k) => Math.round(median(series[mode].map((d) => d[k])));
      report.row(
        `speech: ${mode}, median of each part: to play() / to playing`,
        `${part("toPlay")} / ${part("toPlaying")} ms`,
        "reported",
      );
    }
    report.details.series = series;
  } finally {
    await browser.close();
  }
});
