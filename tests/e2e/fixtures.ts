// Page objects for the kiosk, and a fixture that hands one to every test.
import {
  test as base,
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
  type TestInfo,
} from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const TILES = [
  { name: "法律援助自测", path: "/eligibility" },
  { name: "预约办事", path: "/booking" },
  { name: "12348 回拨", path: "/callback" },
  { name: "无障碍", path: "/accessibility" },
] as const;

export const DEMO_HALL = "示范区公共法律服务中心";

const e2ePort = Number(process.env.KIOSK_E2E_PORT ?? 18080);
/** The test server's speech cache and log (as playwright.config.ts starts it). */
export const SPEECH_CACHE = path.join(__dirname, `.tmp/speech-${e2ePort}`);
export const SERVER_LOG = path.join(__dirname, `.tmp/server-${e2ePort}.log`);

export class Kiosk {
  constructor(
    readonly page: Page,
    private readonly info: TestInfo,
  ) {}

  /** Opens a path and waits until the app (not the loading notice) shows its heading. */
  async open(path = "/") {
    await this.page.goto(path);
    await expect(this.page.locator("#kiosk-loading")).toHaveCount(0);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get header(): Locator {
    return this.page.getByRole("banner");
  }

  get tiles(): Locator {
    return this.page.getByRole("main").getByRole("list").getByRole("link");
  }

  tile(name: string): Locator {
    return this.page.getByRole("main").getByRole("listitem").getByRole("link", { name });
  }

  /** An answer button of a self-check question, by its exact label. */
  answer(name: string): Locator {
    return this.page.getByRole("main").getByRole("list").getByRole("button", { name, exact: true });
  }

  /** The project that also runs axe and writes screenshots on every step. */
  get primary(): boolean {
    return this.info.project.name === "portrait";
  }

  /** Tabs to the control whose text is `name` (at most 60 stops) and presses `key`. */
  async keyboardChoose(name: string, key = "Enter") {
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press("Tab");
      const text = await this.page.evaluate(() =>
        (document.activeElement?.textContent ?? "").replace(/[✓←]/g, "").replace(/\s+/g, " ").trim(),
      );
      if (text === name) {
        await this.page.keyboard.press(key);
        return;
      }
    }
    throw new Error(`keyboard could not reach "${name}"`);
  }

  /** Tabs until the element with `id` has focus (at most 60 stops). */
  async keyboardFocus(id: string) {
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press("Tab");
      if (await this.page.evaluate((id) => document.activeElement?.id === id, id)) return;
    }
    throw new Error(`keyboard could not reach #${id}`);
  }

  get touch(): boolean {
    return !!this.info.project.use.hasTouch;
  }

  /** Activates a control the way this project's visitor would: a tap or a click. */
  async press(target: Locator) {
    if (this.touch) await target.tap();
    else await target.click();
  }

  /** Runs axe with the WCAG 2.0–2.2 A/AA tags and expects no violations. */
  async expectNoAxeViolations() {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
    expect(summary, "axe violations").toEqual([]);
  }

  /** Saves a full-page screenshot as test-results/screenshots/<project>/<name>.png. */
  async screenshot(name: string) {
    const dir = `${this.info.config.projects[0].outputDir}/screenshots/${this.info.project.name}`;
    fs.mkdirSync(dir, { recursive: true });
    const file = `${dir}/${name}.png`;
    await this.page.screenshot({ path: file, fullPage: true });
    await this.info.attach(name, { path: file, contentType: "image/png" });
  }

  /** True when nothing sticks out sideways (the layout reflowed). */
  async hasNoHorizontalOverflow(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    );
  }
}

export const test = base.extend<{ kiosk: Kiosk }>({
  kiosk: async ({ page }, use, info) => {
    await use(new Kiosk(page, info));
  },
});

export { expect };

// ---- Booking and callback flows ----


const root = path.resolve(__dirname, "../..");

/** The operator desk's bearer token on the shared test server (playwright.config.ts). */
export const OPERATOR_TOKEN = "e2e-operator-token";

/** A mobile number no other test uses (tests run in parallel against one server). */
export function uniquePhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

/**
 * One step of a form flow: checks its heading (and that it has focus), runs axe
 * and saves `<flow>-<shot>.png` on the primary project, then acts.
 */
export async function flowStep(
  kiosk: Kiosk,
  flow: string,
  heading: string | RegExp,
  shot: string,
  act: () => Promise<void>,
) {
  await expect(kiosk.heading).toHaveText(heading);
  await expect(kiosk.heading).toBeFocused();
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot(`${flow}-${shot}`);
  }
  await act();
}

/**
 * One of the items of `list`, at random. The tests share one server and run side
 * by side: taking the first free day and time, they race for the same seats, and
 * the loser is (rightly) sent back to choose another time.
 */
export async function anyOf(list: Locator): Promise<Locator> {
  await expect(list.first()).toBeVisible();
  const n = await list.count();
  return list.nth(Math.floor(Math.random() * n));
}

/** Presses the step's Continue button. */
export async function pressContinue(kiosk: Kiosk) {
  await kiosk.press(kiosk.page.getByRole("main").getByRole("button", { name: "继续", exact: true }));
}

/** Presses the digits of `text` on the on-screen number pad. */
export async function keypadType(kiosk: Kiosk, text: string) {
  const pad = kiosk.page.getByRole("group", { name: "数字键" });
  for (const ch of text) await kiosk.press(pad.getByRole("button", { name: ch, exact: true }));
}

/** What the browser keeps for this origin and page, to prove it holds no personal data. */
export async function browserTraces(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dbs = (await indexedDB.databases?.()) ?? [];
    return JSON.stringify({
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
      cookie: document.cookie,
      indexedDB: dbs.map((d) => d.name),
      url: location.href,
      historyState: history.state,
      historyLength: history.length,
    });
  });
}

/** Expects none of `secrets` in storage, cookies, the URL or history state. */
export async function expectNoPersonalDataKept(page: Page, secrets: string[]) {
  const traces = await browserTraces(page);
  const parsed = JSON.parse(traces);
  expect(parsed.local).toEqual([]);
  expect(parsed.session).toEqual([]);
  expect(parsed.cookie).toBe("");
  expect(parsed.indexedDB).toEqual([]);
  for (const s of secrets) expect(traces, `"${s}" kept by the browser`).not.toContain(s);
}

/** The slots of a service at the demo hall, as the API lists them. */
export async function slotsOf(baseURL: string, service: string) {
  const res = await fetch(`${baseURL}/api/v1/halls/demo-hall/slots?service=${service}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { start: string; end: string; capacity: number; remaining: number }[];
}

/** Books `slotStart` through the API (another channel, e.g. the operator desk). */
export async function bookThroughApi(baseURL: string, service: string, slotStart: string, phone: string) {
  return fetch(`${baseURL}/api/v1/appointments`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({
      hall_id: "demo-hall",
      service_id: service,
      slot_start: slotStart,
      name: "李",
      phone,
      language: "zh-CN",
      consent_version: "api-test",
    }),
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * A kiosk-server of the test's own (same binary and build as the shared one, its
 * own database and port), for tests that stop and restart the server.
 */
export class PrivateServer {
  private child?: ChildProcess;
  private constructor(
    readonly port: number,
    private readonly db: string,
  ) {}

  static async start(): Promise<PrivateServer> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-e2e-"));
    const server = new PrivateServer(await freePort(), path.join(dir, "kiosk.sqlite3"));
    await server.up();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up() {
    const bin = process.env.KIOSK_SERVER_BIN ?? path.join(root, "target/debug/kiosk-server");
    const dist = process.env.KIOSK_DIST ?? path.join(root, "dist");
    this.child = spawn(
      bin,
      ["--addr", `127.0.0.1:${this.port}`, "--db", this.db, "--dist", dist, "--demo-data"],
      { stdio: "ignore" },
    );
    for (let i = 0; i < 100; i++) {
      try {
        const res = await fetch(`${this.url}/api/v1/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("private server did not start");
  }

  async down() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  }
}

// ---- A hall's deployment: one central server, a kiosk edge on each kiosk PC ----

/** The staff PIN of the demo hall on a central the test starts itself. */
export const STAFF_PIN = "246810";

function serverBin(): string {
  return process.env.KIOSK_SERVER_BIN ?? path.join(root, "target/debug/kiosk-server");
}

function kioskDist(): string {
  return process.env.KIOSK_DIST ?? path.join(root, "dist");
}

/** Waits until `url` answers 200 (a process just started). */
async function answers(url: string, what: string, child: ChildProcess) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start`);
}

/** SIGKILLs `child` and waits until it is gone. */
async function killed(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

/**
 * The central server of a hall (its own SQLite database, the demo hall, the
 * operator desk), and `kiosk-server admin` on its database, as the README's
 * guide sets one up.
 */
export class Central {
  private child?: ChildProcess;
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<Central> {
    const central = new Central(fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-central-")), await freePort());
    await central.up();
    return central;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get db(): string {
    return path.join(this.dir, "central.sqlite3");
  }

  async up() {
    const log = fs.openSync(path.join(this.dir, "central.log"), "a");
    this.child = spawn(
      serverBin(),
      [
        "--addr", `127.0.0.1:${this.port}`,
        "--db", this.db,
        "--dist", kioskDist(),
        "--operator-token", OPERATOR_TOKEN,
        "--staff-pin", STAFF_PIN,
        "--demo-data",
      ],
      { stdio: ["ignore", "ignore", log] },
    );
    await answers(`${this.url}/api/v1/health`, "the central server", this.child);
  }

  async down() {
    await killed(this.child);
  }

  /** `kiosk-server admin --db … ARGS…`: what it printed. */
  admin(...args: string[]): string {
    const out = spawnSync(serverBin(), ["admin", "--db", this.db, ...args], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(`admin ${args.join(" ")}: ${out.stderr}`);
    return out.stdout;
  }

  /** Registers a kiosk of the demo hall; the file holding its secret. */
  addKiosk(id: string): string {
    const printed = this.admin("kiosk", "add", id, "--hall", "demo-hall");
    const secret = printed.split("\n").find((l) => /^[0-9a-f]{64}$/.test(l.trim()));
    if (!secret) throw new Error(`admin kiosk add printed no secret:\n${printed}`);
    const file = path.join(this.dir, `${id}.key`);
    fs.writeFileSync(file, `${secret.trim()}\n`, { mode: 0o600 });
    return file;
  }

  /** The 12348 operator desk's queue. */
  async queue(): Promise<Record<string, unknown>[]> {
    const res = await fetch(`${this.url}/api/v1/callbacks`, {
      headers: { Authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>[];
  }
}

/** `kiosk-server edge` of one kiosk PC in front of `central`. */
export class Edge {
  private child?: ChildProcess;
  private constructor(
    readonly central: Central,
    readonly kioskId: string,
    readonly port: number,
    private readonly keyFile: string,
  ) {}

  static async start(central: Central, kioskId: string): Promise<Edge> {
    const edge = new Edge(central, kioskId, await freePort(), central.addKiosk(kioskId));
    await edge.up();
    return edge;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up() {
    const log = fs.openSync(path.join(this.central.dir, `edge-${this.kioskId}.log`), "a");
    this.child = spawn(
      serverBin(),
      [
        "edge",
        "--addr", `127.0.0.1:${this.port}`,
        "--upstream", `${this.central.url}/`,
        "--kiosk-id", this.kioskId,
        "--kiosk-key-file", this.keyFile,
        "--dist", kioskDist(),
        "--outbox", path.join(this.central.dir, `${this.kioskId}-outbox.sqlite3`),
        "--upstream-timeout-s", "2",
      ],
      { stdio: ["ignore", "ignore", log] },
    );
    await answers(`${this.url}/kiosk.json`, `the edge of ${this.kioskId}`, this.child);
  }

  async down() {
    await killed(this.child);
  }
}

// ---- The back office console ----

/** A console user that playwright.config.ts creates with `admin user add`. */
export interface ConsoleUser {
  id: string;
  name: string;
  password: string;
  role: "operator" | "hall_admin" | "province_admin";
  /** The halls of a hall admin. */
  halls?: string[];
}

/** The province admin. */
export const CONSOLE_ADMIN: ConsoleUser = {
  id: "e2e-admin",
  name: "王省管",
  password: "e2e-admin-password-1",
  role: "province_admin",
};
/** Two 12348 operators, for the claim race, and the demo hall's admin. */
export const CONSOLE_OPERATOR_1: ConsoleUser = {
  id: "e2e-op1",
  name: "张话务",
  password: "e2e-operator-password-1",
  role: "operator",
};
export const CONSOLE_OPERATOR_2: ConsoleUser = {
  id: "e2e-op2",
  name: "刘话务",
  password: "e2e-operator-password-2",
  role: "operator",
};
export const CONSOLE_HALL_ADMIN: ConsoleUser = {
  id: "e2e-hall",
  name: "陈馆管",
  password: "e2e-hall-admin-password",
  role: "hall_admin",
  halls: ["demo-hall"],
};
export const CONSOLE_USERS = [CONSOLE_ADMIN, CONSOLE_OPERATOR_1, CONSOLE_OPERATOR_2, CONSOLE_HALL_ADMIN];

/** 0 axe violations under WCAG 2.2 AA, or the list of what is wrong. */
export async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, "axe violations").toEqual([]);
}

/** A full-page screenshot of a console page, for looking at. */
export async function consoleShot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/console-${name}.png`, fullPage: true });
}

/**
 * Makes `user` through the console's API, signed in as the province admin, if
 * it is not there yet (the hall admin, whose hall exists only once the server
 * has started).
 */
export async function ensureConsoleUser(request: APIRequestContext, user: ConsoleUser) {
  const signIn = await request.post("/api/v1/console/session", {
    data: { user: CONSOLE_ADMIN.id, password: CONSOLE_ADMIN.password },
  });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const { csrf_token } = await signIn.json();
  const made = await request.post("/api/v1/console/users", {
    headers: { "X-CSRF-Token": csrf_token },
    data: { id: user.id, display_name: user.name, role: user.role, halls: user.halls ?? [], password: user.password },
  });
  expect([201, 409], await made.text()).toContain(made.status());
  await request.delete("/api/v1/console/session", { headers: { "X-CSRF-Token": csrf_token } });
}

/** Signs `user` in to the console at `path` (Chinese labels). */
export async function consoleSignIn(page: Page, user: ConsoleUser, path = "/console/") {
  await page.goto(path);
  await page.getByLabel("用户名").fill(user.id);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("banner")).toContainText(user.name);
}
