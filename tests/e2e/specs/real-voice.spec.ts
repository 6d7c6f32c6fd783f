// Audio mode with a real voice: Debian's speech-dispatcher and its espeak-ng
// module, which Chromium uses when started with --enable-speech-dispatcher, as
// a Linux kiosk would be. The sound goes to a PulseAudio null sink of the
// test's own, whose monitor is recorded, so the test hears what a visitor would:
// the home screen's heading in Mandarin and an error in English, each measured
// as sound (not silence) lasting about as long as its text takes to say.
// `cargo xtask test` installs speech-dispatcher-espeak-ng, pulseaudio and
// pulseaudio-utils (parec).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, type Kiosk, keypadType, STAFF_PIN } from "../fixtures";

// The null sink is the test's own; one run, in the portrait project.
test.skip(({ kiosk }) => !kiosk.primary, "real sound: once, in the portrait project");

const port = Number(process.env.KIOSK_E2E_PORT ?? 18080);
const dir = path.join(__dirname, `../.tmp/voice-${port}`);
const runtime = path.join(dir, "run");
const pulseSocket = path.join(runtime, "pulse.sock");
// speech-dispatcher is started by Chromium (libspeechd's autospawn) with the
// browser's environment: this keeps its socket, configuration, log and sound
// apart from anything else on the machine.
const voiceEnv = {
  XDG_RUNTIME_DIR: runtime,
  XDG_CONFIG_HOME: path.join(dir, "config"),
  XDG_CACHE_HOME: path.join(dir, "cache"),
  PULSE_SERVER: `unix:${pulseSocket}`,
};
const chromium = JSON.parse(fs.readFileSync(path.join(__dirname, "../chromium.json"), "utf8"));
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM ?? chromium.executablePath,
    args: [...chromium.args, "--enable-speech-dispatcher"],
    env: { ...process.env, ...voiceEnv } as Record<string, string>,
  },
});

const RATE = 16_000;
let pulse: ChildProcess | undefined;

function need(program: string) {
  const found = spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;
  expect(found, `${program} is missing: \`cargo xtask test\` installs it`).toBe(true);
}

test.beforeAll(async () => {
  need("pulseaudio");
  need("parec");
  need("speech-dispatcher");
  fs.rmSync(dir, { recursive: true, force: true });
  for (const d of [runtime, voiceEnv.XDG_CONFIG_HOME, voiceEnv.XDG_CACHE_HOME]) {
    fs.mkdirSync(d, { recursive: true, mode: 0o700 });
  }
  // No hardware: one null sink, made the default, and a socket anyone here may use.
  pulse = spawn(
    "pulseaudio",
    [
      "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--log-target=stderr",
      "-L", `module-native-protocol-unix socket=${pulseSocket} auth-anonymous=1`,
      "-L", "module-null-sink sink_name=kiosk",
      "-L", "module-default-device-restore",
    ],
    { env: { ...process.env, ...voiceEnv, HOME: dir }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  pulse.stderr!.on("data", (d) => (log += d));
  await expect
    .poll(() => spawnSync("pactl", ["list", "short", "sinks"], { env: { ...process.env, ...voiceEnv } }).stdout?.toString() ?? "", {
      message: `PulseAudio did not start: ${log}`,
      timeout: 15_000,
    })
    .toContain("kiosk");
});

test.afterAll(async () => {
  // speech-dispatcher outlives the browser for a few seconds; end it now.
  const pidFile = path.join(runtime, "speech-dispatcher/pid/speech-dispatcher.pid");
  if (fs.existsSync(pidFile)) {
    try {
      process.kill(Number(fs.readFileSync(pidFile, "utf8").trim()));
    } catch {
      // already gone
    }
  }
  pulse?.kill();
});

type Said = { text: string; lang: string; voice: string | null; started: boolean; ended: boolean };

test.beforeEach(async ({ page }) => {
  // Watches speechSynthesis without changing it: every utterance still goes to
  // the real voice.
  await page.addInitScript(() => {
    const w = window as unknown as { __said: Said[] };
    w.__said = [];
    const synth = window.speechSynthesis;
    const speak0 = synth.speak.bind(synth);
    synth.speak = (u: SpeechSynthesisUtterance) => {
      const rec: Said = { text: u.text, lang: u.lang, voice: u.voice?.name ?? null, started: false, ended: false };
      w.__said.push(rec);
      u.addEventListener("start", () => (rec.started = true));
      u.addEventListener("end", () => (rec.ended = true));
      u.addEventListener("error", () => (rec.ended = true));
      speak0(u);
    };
  });
});

async function said(page: Page): Promise<Said[]> {
  return page.evaluate(() => (window as unknown as { __said: Said[] }).__said);
}

/** Waits until nothing is being said, and returns how many utterances there were. */
async function quiet(page: Page): Promise<number> {
  await expect
    .poll(async () => (await said(page)).every((s) => s.ended) && !(await page.evaluate(() => speechSynthesis.speaking)), {
      timeout: 30_000,
    })
    .toBe(true);
  return (await said(page)).length;
}

/** Records the null sink while `act` runs and the speech it causes plays out. */
async function hear(page: Page, name: string, act: () => Promise<void>) {
  const before = await quiet(page);
  const file = path.join(dir, `${name}.raw`);
  const parec = spawn(
    "parec",
    ["-d", "kiosk.monitor", "--format=s16le", `--rate=${RATE}`, "--channels=1", file],
    { env: { ...process.env, ...voiceEnv }, stdio: "ignore" },
  );
  // Recording has begun once the file exists.
  await expect.poll(() => fs.existsSync(file)).toBe(true);
  await act();
  await expect.poll(async () => (await said(page)).length).toBeGreaterThan(before);
  await expect.poll(async () => (await said(page)).slice(before).some((s) => s.started), { timeout: 15_000 }).toBe(true);
  await quiet(page);
  // The sink's latency: let the last of the sound through.
  await page.waitForTimeout(500);
  parec.kill("SIGINT");
  await new Promise((r) => parec.once("exit", r));
  // What was really said: an utterance cancelled before it started was not.
  const utterances = (await said(page)).slice(before).filter((s) => s.started);
  return { sound: measure(int16(fs.readFileSync(file)), RATE), utterances };
}

/** Seconds between the first and the last 20 ms window louder than -40 dBFS,
 * the seconds of such windows, and the loudest window. */
function measure(samples: Int16Array, rate: number) {
  const window = Math.round(rate / 50);
  let first = -1;
  let last = -1;
  let loud = 0;
  let peak = 0;
  for (let w = 0; (w + 1) * window <= samples.length; w++) {
    let sum = 0;
    for (let i = w * window; i < (w + 1) * window; i++) sum += samples[i] * samples[i];
    const rms = Math.sqrt(sum / window) / 32768;
    peak = Math.max(peak, rms);
    if (rms > 0.01) {
      if (first < 0) first = w;
      last = w;
      loud += 1;
    }
  }
  return {
    recorded: samples.length / rate,
    span: first < 0 ? 0 : (last - first + 1) / 50,
    loud: loud / 50,
    peakDb: peak > 0 ? 20 * Math.log10(peak) : -Infinity,
  };
}

function int16(buf: Buffer): Int16Array {
  const copy = Buffer.from(buf);
  return new Int16Array(copy.buffer, copy.byteOffset, Math.floor(copy.length / 2));
}

/** The same text said by espeak-ng itself (the voice speech-dispatcher's
 * module uses, at its default rate), measured the same way: what the recording
 * should last. */
function reference(voice: string, text: string) {
  const out = spawnSync("espeak-ng", ["-v", voice, "-b", "1", "--stdout"], { input: text, maxBuffer: 64 << 20 });
  expect(out.status, `espeak-ng: ${out.stderr}`).toBe(0);
  const wav = out.stdout;
  const rate = wav.readUInt32LE(24);
  let at = 12;
  while (at + 8 <= wav.length && wav.toString("ascii", at, at + 4) !== "data") {
    at += 8 + wav.readUInt32LE(at + 4);
  }
  // espeak-ng writing to a pipe leaves the data length unset: the rest is data.
  return measure(int16(wav.subarray(at + 8)), rate);
}

/** The recording lasts about as long as espeak-ng takes to say what was said. */
function expectFits(heard: ReturnType<typeof measure>, expected: ReturnType<typeof measure>, what: string) {
  console.log(`${what}: heard ${JSON.stringify(heard)}, espeak-ng alone ${JSON.stringify(expected)}`);
  expect(heard.peakDb, `${what}: not silence`).toBeGreaterThan(-30);
  expect(heard.span / expected.span, `${what}: length against the text`).toBeGreaterThan(0.7);
  expect(heard.span / expected.span, `${what}: length against the text`).toBeLessThan(1.4);
  expect(heard.loud, `${what}: mostly sound, not gaps`).toBeGreaterThan(heard.span * 0.4);
}

async function audioOn(kiosk: Kiosk) {
  await kiosk.open("/accessibility");
  await kiosk.press(kiosk.page.getByRole("group", { name: "语音朗读" }).getByRole("button", { name: "打开" }));
  await expect.poll(async () => (await said(kiosk.page)).map((s) => s.text).join(" ")).toContain("语音朗读已打开");
}

test("Chromium has speech-dispatcher's Mandarin and English voices, and the kiosk uses them", async ({ kiosk, page }) => {
  await kiosk.open("/");
  const voices = await page.evaluate(async () => {
    for (let i = 0; i < 100 && speechSynthesis.getVoices().length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return speechSynthesis.getVoices().map((v) => ({ name: v.name, lang: v.lang, local: v.localService }));
  });
  const mandarin = voices.filter((v) => /^(cmn|zh)\b/i.test(v.lang) && /Mandarin/.test(v.name));
  expect(mandarin.length, JSON.stringify(voices.slice(0, 20))).toBeGreaterThan(0);
  expect(mandarin.every((v) => v.local)).toBe(true);
  expect(voices.some((v) => /^en\b/i.test(v.lang))).toBe(true);

  // The staff panel names the browser voice as the source for both languages.
  await page.keyboard.press("Control+Alt+m");
  await expect(kiosk.heading).toHaveText("工作人员登录");
  await keypadType(kiosk, STAFF_PIN);
  await kiosk.press(page.getByRole("main").getByRole("button", { name: "登录" }));
  await expect(kiosk.heading).toHaveText("维护面板");
  const sources = page.locator("[data-fact=speech-sources]");
  await expect(sources.locator("li[data-lang=zh-CN]")).toContainText("Mandarin");
  await expect(sources.locator("li[data-lang=en]")).toContainText("espeak-ng");
  await kiosk.screenshot("real-voice-staff-sources");
});

test("the home screen's heading is heard in Mandarin, and an error in English", async ({ kiosk, page }) => {
  await audioOn(kiosk);

  const home = await hear(page, "home-zh", async () => {
    await kiosk.press(page.getByRole("main").getByRole("link", { name: "返回首页" }));
  });
  const homeText = home.utterances.map((u) => u.text).join("");
  expect(homeText).toContain("您好！请选择要办理的事项");
  for (const u of home.utterances) {
    expect(u.lang).toBe("zh-CN");
    expect(u.voice).toMatch(/Mandarin/);
  }
  expectFits(home.sound, reference("cmn", home.utterances.map((u) => u.text).join("\n")), "home, zh");

  // In English, the name step refuses an empty name, and says why.
  await kiosk.press(page.getByRole("button", { name: "English" }));
  await expect.poll(async () => (await said(page)).map((s) => s.text).join(" ")).toContain("Now in English");
  await kiosk.press(kiosk.tile("Book an appointment"));
  await kiosk.press(page.getByRole("main").getByRole("button", { name: /^Legal aid/ }));
  await kiosk.press(page.getByRole("main").getByRole("button", { name: /available/i }).first());
  await kiosk.press(page.getByRole("main").getByRole("button", { name: /left/i }).first());
  await expect(kiosk.heading).toContainText(/name/i);
  const error = await hear(page, "error-en", async () => {
    await kiosk.press(page.getByRole("main").getByRole("button", { name: "Continue", exact: true }));
  });
  // Pressing Continue says its name as focus lands on it; the error follows.
  expect(error.utterances.map((u) => u.text)).toContain("Error: Please enter at least your family name.");
  for (const u of error.utterances) {
    expect(u.lang).toBe("en");
    expect(u.voice).toMatch(/English/);
  }
  expectFits(error.sound, reference("en", error.utterances.map((u) => u.text).join("\n")), "error, en");
});
