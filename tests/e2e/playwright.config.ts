// End-to-end tests: the real kiosk-server serving the real release build, driven in
// Debian's Chromium (never a downloaded browser). `cargo xtask test` sets the env.
import { defineConfig } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const port = Number(process.env.KIOSK_E2E_PORT ?? 18080);
const baseURL = `http://127.0.0.1:${port}`;
const server = process.env.KIOSK_SERVER_BIN ?? path.join(root, "target/debug/kiosk-server");
const dist = process.env.KIOSK_DIST ?? path.join(root, "dist");
const consoleDist = process.env.KIOSK_CONSOLE_DIST ?? path.join(root, "console/dist");
// The back office console's first province admin, made as the README says (the
// CLI, password on standard input) before the server starts; see fixtures.ts.
// They are in fixtures.ts too (kept apart so the config imports no test code).
// The hall admin needs the demo hall, which the server makes when it starts:
// the tests add that user through the console, as a province admin would
// (ensureConsoleUser in fixtures.ts).
const consoleUsers = [
  { id: "e2e-admin", name: "王省管", password: "e2e-admin-password-1", role: "province_admin" },
  { id: "e2e-op1", name: "张话务", password: "e2e-operator-password-1", role: "operator" },
  { id: "e2e-op2", name: "刘话务", password: "e2e-operator-password-2", role: "operator" },
];
// Per port, so two runs side by side (e.g. two checkouts) never share a database.
const db = path.join(__dirname, `.tmp/e2e-${port}.sqlite3`);
// The server's speech cache and its log, per port, emptied each run: the speech
// tests check what was kept and what was logged (fixtures.ts names them too).
const speechCache = path.join(__dirname, `.tmp/speech-${port}`);
const serverLog = path.join(__dirname, `.tmp/server-${port}.log`);
// Servers the tests start themselves keep their speech apart from the checkout.
process.env.KIOSK_SPEECH_CACHE ??= path.join(__dirname, ".tmp/speech-other");
// The 12348 operator desk's token on the test server (see fixtures.ts).
const operatorToken = "e2e-operator-token";
// The staff PIN of the demo hall on the test server, and kiosks of the operations
// tests' own (one per test and project, so maintenance and lockouts stay apart).
const staffPin = "246810";
const opsKiosks = ["staff", "lock", "remote"].flatMap((t) =>
  ["portrait", "landscape", "touch"].map((p) => `ops-${t}-${p}`),
);

// The server gets the built-in standards plus one test-only region, so the tests
// can prove the kiosk uses what the server serves (a hall's update without a
// rebuild). The fixture region is not a real place or figure.
const standards = path.join(__dirname, ".tmp/standards.json");
const builtIn = JSON.parse(
  fs.readFileSync(path.join(root, "core/data/legal_aid_standards.json"), "utf8"),
);
builtIn.entries.push({
  region: "990000",
  names: { "zh-CN": "测试地区", en: "Test region" },
  rule: { "zh-CN": "测试用标准", en: "A standard for tests only" },
  standard_per_capita_monthly: 5000,
  comparison: "below",
  effective_from: "2020-01-01",
  source: "end-to-end test fixture",
  notes: "Not a real standard.",
});
fs.mkdirSync(path.dirname(standards), { recursive: true });
fs.writeFileSync(standards, JSON.stringify(builtIn, null, 2));

// Shared with the browser benchmarks (bench/common.mjs).
const chromium = JSON.parse(fs.readFileSync(path.join(__dirname, "chromium.json"), "utf8"));
const launchOptions = {
  executablePath: process.env.CHROMIUM ?? chromium.executablePath,
  args: chromium.args,
};

const portrait = { width: 1080, height: 1920 };
const landscape = { width: 1920, height: 1080 };

export default defineConfig({
  testDir: "./specs",
  outputDir: "./test-results",
  // Journeys run axe and take a screenshot on every step; a busy 2-core CI machine needs room.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    launchOptions,
    locale: "zh-CN",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "portrait", use: { viewport: portrait }, testIgnore: /console.*\.spec/ },
    { name: "landscape", use: { viewport: landscape }, testIgnore: /console.*\.spec/ },
    { name: "touch", use: { viewport: portrait, hasTouch: true }, testIgnore: /console.*\.spec/ },
    // The back office console is for desktop screens.
    { name: "console", use: { viewport: { width: 1280, height: 800 } }, testMatch: /console.*\.spec/ },
  ],
  webServer: {
    // A fresh database for every run, with the demo hall.
    command: `rm -rf "${db}" "${db}-wal" "${db}-shm" "${speechCache}" "${serverLog}" ${consoleUsers.map((u) => ` && echo "${u.password}" | "${server}" admin --db "${db}" user add ${u.id} --name "${u.name}" --role ${u.role} >/dev/null`).join("")} && exec env RUST_LOG=info,kiosk_server=debug "${server}" --addr 127.0.0.1:${port} --db "${db}" --dist "${dist}" --console-dist "${consoleDist}" --standards "${standards}" --operator-token "${operatorToken}" --staff-pin ${staffPin} --demo-kiosk ${opsKiosks.join(",")} --demo-data --speech-cache "${speechCache}" > "${serverLog}"`,
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    // The server logs to stdout, into `serverLog` (the speech tests read it).
    stderr: "pipe",
  },
});
