// Time to first sound in audio mode with the kiosk PC's server speech (the
// browser has no voice, as Debian's headless Chromium has none), at 4× CPU
// throttling (BENCHMARKS.md). Run by `cargo xtask bench` as
//   node tests/e2e/bench/speech.mjs --base-url URL --site DIR --out PREFIX --speech-cache DIR
// against a server whose speech cache xtask has filled with
// `kiosk-server speech prerender`.
//
// A visit in audio mode through five screens: from the attract screen's "start
// with reading aloud" to home, then the booking's service, day, time and name
// steps. For each screen: from the first frame that shows its
// heading (a MutationObserver sees the new heading, a requestAnimationFrame the
// frame it is painted in) to the `playing` event of the heading's audio:
// the kiosk's own work (it starts speaking after that frame), the request, the
// server's answer, decoding and the start of playback. Timestamps are the
// page's own clock (event.timeStamp and the frame time), not Node's.
//
// 1. Pre-rendered prompts: the cache as a deployment leaves it; every heading
//    comes from it (the answer's X-Speech-Source is checked).
// 2. Synthesised on demand: the same screens with the cache emptied before each
//    visit, so espeak-ng renders each heading when it is asked for, as it
//    renders a dynamic text (a receipt, a day's label).
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

/** In the page, before the app: arrivals, speech requests and playback starts. */
function instrument() {
  const w = window;
  w.__arrivals = [];
  w.__asked = [];
  w.__playing = [];
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
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    if (!(input instanceof Request && input.url.endsWith("/api/v1/speech"))) {
      return fetch0.call(this, input, init);
    }
    const asked = { at: performance.now(), text: null, source: null };
    w.__asked.push(asked);
    // Read from a copy taken before the request sends its body.
    input.clone().text().then((b) => (asked.text = JSON.parse(b).text));
    const res = fetch0.call(this, input, init);
    res.then((r) => {
      asked.answered = performance.now();
      asked.source = r.headers.get("x-speech-source");
    }, () => {});
    return res;
  };
  const play0 = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (!this.__benched) {
      this.__benched = true;
      this.addEventListener("playing", (e) => w.__playing.push(e.timeStamp));
    }
    return play0.call(this);
  };
}

/** One visit in audio mode; the delay to first sound on each of its screens. */
async function visit(browser, baseUrl, wantSource, problems) {
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
      const arrival = await page
        .waitForFunction(
          ({ before, heading }) => {
            const a = window.__arrivals.slice(before).find((a) => a.text.startsWith(heading));
            if (!a || a.painted == null) return null;
            // The screen's own speech: the tapped control's name, said as it
            // took focus, is asked for before and cut off by it. The kiosk stops
            // that audio before it asks for the heading, so what starts playing
            // after the heading's request is the heading.
            const asked = window.__asked.find((q) => q.at > a.painted && q.text?.startsWith(heading));
            const played = asked && window.__playing.find((t) => t > asked.at);
            return played != null && asked.source ? { painted: a.painted, played, asked } : null;
          },
          { before, heading },
          { timeout: 20_000 },
        )
        .then((h) => h.jsonValue());
      if (arrival.asked.source !== wantSource) {
        throw new Error(`"${arrival.asked.text}" came from ${arrival.asked.source}, not ${wantSource}`);
      }
      // Where the time went: the kiosk's wait for the frame and its own work
      // up to the request, the answer's headers, then reading, decoding and
      // starting to play.
      delays.push({
        screen: heading,
        ms: arrival.played - arrival.painted,
        toRequest: Math.round(arrival.asked.at - arrival.painted),
        toAnswer: Math.round(arrival.asked.answered - arrival.asked.at),
        toPlaying: Math.round(arrival.played - arrival.asked.answered),
        text: arrival.asked.text,
      });
    }
    return delays;
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
    for (const [mode, source] of [["prerendered", "cache"], ["dynamic", "rendered-kept"]]) {
      const delays = [];
      for (let i = 0; i < VISITS; i++) {
        if (mode === "dynamic") emptyCache(cache);
        delays.push(...(await visit(browser, args.baseUrl, source, problems)));
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
      ["dynamic", BUDGET_DYNAMIC_MS, "synthesised on demand"],
    ]) {
      const ms = series[mode].map((d) => d.ms);
      const p95 = quantile(ms, 0.95);
      report.row(
        `speech: screen to first sound at ${RATE}×, ${what}, p95 / median`,
        `${Math.round(p95)} / ${Math.round(median(ms))} ms (n=${ms.length})`,
        `p95 ≤ ${budget} ms`,
        p95 <= budget,
      );
    }
    for (const mode of ["prerendered", "dynamic"]) {
      const part = (k) => Math.round(median(series[mode].map((d) => d[k])));
      report.row(
        `speech: ${mode}, median of each part: to the request / to the answer / to playing`,
        `${part("toRequest")} / ${part("toAnswer")} / ${part("toPlaying")} ms`,
        "reported",
      );
    }
    report.details.series = series;
  } finally {
    await browser.close();
  }
});
