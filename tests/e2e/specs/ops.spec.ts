// Running unattended (#7): the attract screen, the inactivity warning and reset
// (with Playwright's clock, never by waiting), staff sign-in and the staff panel,
// maintenance from the panel and from the API, offline and recovery, and crash
// recovery. All against the real server; the operations tests that change a
// kiosk's state use kiosks of their own (playwright.config.ts registers them).
import {
  test,
  expect,
  keypadType,
  uniquePhone,
  browserTraces,
  expectNoPersonalDataKept,
  PrivateServer,
  type Kiosk,
  anyOf,
} from "../fixtures";
import type { Page, TestInfo } from "@playwright/test";

const STAFF_PIN = "246810";
const ATTRACT_HEADING = "法律服务自助终端";
const OOS_HEADING = "抱歉，本机暂停服务";

const DEFAULT_CONFIG = {
  kiosk_id: "kiosk-1",
  hall_id: "demo-hall",
  api_base: "/api/v1",
  public_url: null,
  default_language: "zh-CN",
  timeouts: { form_s: 120, info_s: 60, warning_s: 60, staff_idle_s: 60, status_poll_s: 30, heartbeat_s: 60 },
  key_map: {},
};

/** Serves this test's own kiosk.json (what a hall would edit) to the page. */
async function useConfig(page: Page, over: { kiosk_id?: string; timeouts?: Partial<typeof DEFAULT_CONFIG.timeouts> }) {
  const config = {
    ...DEFAULT_CONFIG,
    ...over,
    timeouts: { ...DEFAULT_CONFIG.timeouts, ...(over.timeouts ?? {}) },
  };
  await page.route("**/kiosk.json", (route) => route.fulfill({ json: config }));
}

/** This test's own kiosk id (registered with the test server). */
function ownKiosk(kind: "staff" | "lock" | "remote", info: TestInfo) {
  return `ops-${kind}-${info.project.name}`;
}

function main(page: Page) {
  return page.getByRole("main");
}

async function shoot(kiosk: Kiosk, name: string) {
  if (!kiosk.primary) return;
  await kiosk.expectNoAxeViolations();
  await kiosk.screenshot(name);
}

async function staffToken(baseURL: string, kioskId: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/staff/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ kiosk_id: kioskId, pin: STAFF_PIN }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).token;
}

async function setMaintenance(baseURL: string, kioskId: string, on: boolean) {
  const token = await staffToken(baseURL, kioskId);
  const res = await fetch(`${baseURL}/api/v1/kiosks/${kioskId}/maintenance`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ maintenance: on }),
  });
  expect(res.status).toBe(200);
}

async function statusOf(baseURL: string, kioskId: string) {
  const res = await fetch(`${baseURL}/api/v1/kiosks/${kioskId}/status`);
  expect(res.status).toBe(200);
  return res.json();
}

/** Opens staff sign-in with the key chord and signs in with `pin`. */
async function signIn(kiosk: Kiosk, pin: string) {
  const page = kiosk.page;
  await page.keyboard.press("Control+Alt+m");
  await expect(kiosk.heading).toHaveText("工作人员登录");
  await keypadType(kiosk, pin);
  await kiosk.press(main(page).getByRole("button", { name: "登录" }));
}

test("the attract screen names the hall and 12348 and starts a visit with a touch or with reading aloud", async ({
  kiosk,
  page,
}) => {
  await kiosk.open("/welcome");
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING);
  await expect(main(page)).toContainText("示范区公共法律服务中心");
  await expect(main(page)).toContainText("12348");
  await expect(main(page)).toContainText("轻触屏幕任意位置开始");
  await expect(page.getByRole("banner")).toHaveCount(0);
  await shoot(kiosk, "ops-attract");
  // Anywhere on the screen, not only the button.
  await kiosk.press(main(page).getByText("在这里可以："));
  await expect(kiosk.heading).toHaveText("您好！请选择要办理的事项");
  await expect(page).toHaveURL("/");

  await kiosk.open("/welcome");
  await kiosk.press(main(page).getByRole("button", { name: "开启朗读并开始" }));
  await expect(kiosk.heading).toHaveText("您好！请选择要办理的事项");
  await expect(page.locator("html")).toHaveAttribute("data-audio", "on");
});

test("the inactivity warning comes exactly when configured, and continue keeps the visit, ten times over", async ({
  kiosk,
  page,
}) => {
  await useConfig(page, { timeouts: { form_s: 30, info_s: 20, warning_s: 15 } });
  await page.clock.install();
  await kiosk.open("/booking");
  await expect(kiosk.heading).toHaveText("您要预约办理什么？");
  // From here time moves only when the test moves it.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.keyboard.press("Shift");
  const dialog = page.getByRole("alertdialog");
  const keep = dialog.getByRole("button", { name: "我还在，继续" });
  for (let round = 1; round <= 10; round++) {
    await page.clock.runFor(29_999);
    await expect(dialog).toHaveCount(0);
    await page.clock.runFor(1);
    await expect(dialog).toBeVisible();
    await expect(keep).toBeFocused();
    await expect(dialog).toContainText("15 秒后");
    await expect(dialog).toContainText("清除您填写的内容");
    if (round === 1) {
      // The countdown moves on screen; "10 seconds left" is said once.
      await page.clock.runFor(5_000);
      await expect(dialog).toContainText("10 秒后");
      await expect(dialog.getByRole("status")).toHaveText("还有 10 秒将清除您填写的内容。");
      // axe needs running timers: let time flow for it, then stop it again.
      await page.clock.resume();
      await shoot(kiosk, "ops-idle-warning");
    }
    await kiosk.press(keep);
    await expect(dialog).toHaveCount(0);
    if (round === 1) {
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
      await page.keyboard.press("Shift");
    }
    await expect(kiosk.heading).toHaveText("您要预约办理什么？");
  }
  // Information screens wait info_s (20 s) instead.
  await kiosk.press(page.getByRole("link", { name: "无障碍" }).first());
  await expect(kiosk.heading).toHaveText("无障碍设置");
  await page.clock.runFor(19_999);
  await expect(dialog).toHaveCount(0);
  await page.clock.runFor(1);
  await expect(dialog).toBeVisible();
  // Any key counts as the visitor being there.
  await page.keyboard.press("Shift");
  await expect(dialog).toHaveCount(0);
  // Left alone to the end, the visit is cleared.
  await page.clock.runFor(35_000);
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING);
});

test("the reset clears a booking left at the contact step: nothing of the visitor remains", async ({
  kiosk,
  page,
}) => {
  await useConfig(page, { timeouts: { form_s: 30, warning_s: 10 } });
  await page.clock.install();
  const phone = uniquePhone();
  await kiosk.open("/booking");
  await kiosk.press(main(page).getByRole("button", { name: /^法律咨询/ }));
  await kiosk.press(await anyOf(main(page).getByRole("button", { name: /可预约/ })));
  await kiosk.press(await anyOf(main(page).getByRole("button", { name: /还剩/ })));
  await expect(kiosk.heading).toHaveText("您怎么称呼？");
  await kiosk.press(page.getByRole("group", { name: "常见姓氏" }).getByRole("button", { name: "王", exact: true }));
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await expect(kiosk.heading).toHaveText("您的手机号码");
  await keypadType(kiosk, phone.slice(0, 7));
  await expect(page.locator("#kiosk-phone")).toHaveValue(phone.slice(0, 7));

  await page.clock.runFor(31_000);
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.clock.runFor(10_000);
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING);
  await expect(page).toHaveURL("/welcome");

  const dom = await page.evaluate(() => ({
    text: document.body.innerText,
    values: [...document.querySelectorAll("input, textarea")].map((e) => (e as HTMLInputElement).value),
  }));
  for (const secret of ["王", phone.slice(0, 7)]) {
    expect(dom.text).not.toContain(secret);
    expect(dom.values.join(" ")).not.toContain(secret);
  }
  await expectNoPersonalDataKept(page, ["王", phone.slice(0, 7)]);
  expect(JSON.parse(await browserTraces(page)).url).toMatch(/\/welcome$/);
  // Starting again begins an empty visit.
  await kiosk.press(main(page).getByRole("button", { name: /轻触屏幕任意位置开始/ }));
  await kiosk.press(kiosk.tile("预约办事"));
  await expect(kiosk.heading).toHaveText("您要预约办理什么？");
});

test("staff sign in with the PIN, take the kiosk out of service and bring it back; it survives a reload", async ({
  kiosk,
  page,
  baseURL,
}, info) => {
  const id = ownKiosk("staff", info);
  await useConfig(page, { kiosk_id: id });
  await page.clock.install();
  await kiosk.open("/welcome");
  // The hidden way in: hold the hall name for 5 seconds.
  const hall = main(page).getByText("示范区公共法律服务中心");
  await hall.dispatchEvent("pointerdown");
  await page.clock.runFor(4_000);
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING);
  await page.clock.runFor(1_100);
  await expect(kiosk.heading).toHaveText("工作人员登录");
  await shoot(kiosk, "ops-staff-pin");
  await keypadType(kiosk, STAFF_PIN);
  await expect(page.locator("#staff-pin")).toHaveAttribute("type", "password");
  await kiosk.press(main(page).getByRole("button", { name: "登录" }));

  await expect(kiosk.heading).toHaveText("维护面板");
  const fact = (name: string) => page.locator(`[data-fact=${name}]`);
  await expect(fact("kiosk")).toContainText(id);
  await expect(fact("hall")).toContainText("demo-hall");
  await expect(fact("version")).toContainText(/\d+\.\d+\.\d+/);
  await expect(fact("config")).toContainText("正常");
  await expect(fact("api")).toContainText(/正常，\d+ 毫秒响应/);
  await expect(fact("heartbeat")).toContainText("服务器已收到");
  await expect(fact("display")).toContainText(/\d+×\d+ · .*(竖屏|横屏)/);
  await expect(fact("service")).toContainText("正在服务");
  await shoot(kiosk, "ops-staff-panel");

  await kiosk.press(main(page).getByRole("button", { name: "1 小时后" }));
  await kiosk.press(main(page).getByRole("button", { name: "暂停服务" }));
  await expect(fact("service")).toContainText("暂停服务中");
  const status = await statusOf(baseURL!, id);
  expect(status.maintenance).toBe(true);
  expect(status.back_at).toMatch(/\+08:00$/);

  await kiosk.press(main(page).getByRole("button", { name: "退出维护面板" }));
  await expect(kiosk.heading).toHaveText(OOS_HEADING);
  // The time it gave; with the day too when that is not today (an hour from
  // late evening is tomorrow).
  const backAt = status.back_at.slice(11, 16);
  await expect(main(page)).toContainText(
    new RegExp(`预计 (\\d+月\\d+日 星期. )?${backAt} 恢复使用`),
  );
  await expect(main(page)).toContainText("本机没有保存任何人的信息");
  await expect(main(page)).toContainText("到大厅的服务窗口办理");
  await expect(main(page)).toContainText("拨打法律服务热线 12348");
  await expect(main(page)).toContainText("Sorry, this kiosk is not available");
  await shoot(kiosk, "ops-out-of-service");
  // The server keeps it: a reload (or a restart) shows the notice again.
  await page.reload();
  await expect(kiosk.heading).toHaveText(OOS_HEADING);
  // A touch does not start a visit while out of service.
  await kiosk.press(main(page).getByText("本机没有保存任何人的信息"));
  await expect(kiosk.heading).toHaveText(OOS_HEADING);

  await signIn(kiosk, STAFF_PIN);
  await expect(kiosk.heading).toHaveText("维护面板");
  await kiosk.press(main(page).getByRole("button", { name: "恢复服务" }));
  await expect(fact("service")).toContainText("正在服务");
  expect((await statusOf(baseURL!, id)).maintenance).toBe(false);
  // Left alone, the panel closes by itself after 60 s.
  await page.clock.runFor(61_000);
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING);
});

test("a wrong PIN is refused, and five in a row lock staff sign-in", async ({ kiosk, page }, info) => {
  await useConfig(page, { kiosk_id: ownKiosk("lock", info) });
  await kiosk.open("/welcome");
  await signIn(kiosk, "1111");
  const error = page.locator("#staff-pin-error");
  await expect(error).toContainText("密码不正确");
  await expect(page.locator("#staff-pin")).toHaveValue("");
  await expect(page.locator("#staff-pin")).toHaveAttribute("aria-invalid", "true");
  for (let i = 2; i <= 5; i++) {
    await keypadType(kiosk, "1111");
    await kiosk.press(main(page).getByRole("button", { name: "登录" }));
    await expect(error).toContainText(i < 5 ? "密码不正确" : "已锁定");
  }
  await expect(error).toContainText("请 15 分钟后再试");
  // Locked means locked, even for the right PIN.
  await keypadType(kiosk, STAFF_PIN);
  await kiosk.press(main(page).getByRole("button", { name: "登录" }));
  await expect(error).toContainText("已锁定");
  await expect(kiosk.heading).toHaveText("工作人员登录");
  await shoot(kiosk, "ops-staff-locked");
});

test("a kiosk.json with mistakes still runs on the defaults, and the staff panel lists each mistake", async ({
  kiosk,
  page,
}) => {
  await page.route("**/kiosk.json", (route) =>
    route.fulfill({ body: '{"timeouts": {"form_s": 1, "info_s": 45}, "default_language": "fr", "colour": "red"}' }),
  );
  await kiosk.open("/welcome");
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING);
  await signIn(kiosk, STAFF_PIN);
  await expect(kiosk.heading).toHaveText("维护面板");
  const config = page.locator("[data-fact=config]");
  await expect(config).toContainText("有问题，以下各项使用默认值");
  await expect(config).toContainText("timeouts.form_s");
  await expect(config).toContainText("default_language");
  await expect(config).toContainText("colour");
  await expect(config.getByRole("listitem")).toHaveCount(3);
  await expect(page.locator("[data-fact=kiosk]")).toHaveText("kiosk-1");
  if (kiosk.primary) await kiosk.screenshot("ops-staff-config-problems");
});

test("maintenance set through the API flips an idle kiosk within one poll, but never a visitor mid-visit", async ({
  kiosk,
  page,
  baseURL,
}, info) => {
  const id = ownKiosk("remote", info);
  await useConfig(page, { kiosk_id: id });
  await page.clock.install();
  await kiosk.open("/welcome");
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING);

  await setMaintenance(baseURL!, id, true);
  await page.clock.runFor(30_500);
  await expect(kiosk.heading).toHaveText(OOS_HEADING);
  await setMaintenance(baseURL!, id, false);
  await page.clock.runFor(30_500);
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING);

  // A visitor is booking: the switch waits until the visit ends.
  await kiosk.press(main(page).getByRole("button", { name: /轻触屏幕任意位置开始/ }));
  await kiosk.press(kiosk.tile("预约办事"));
  await kiosk.press(main(page).getByRole("button", { name: /^法律咨询/ }));
  await expect(kiosk.heading).toHaveText("哪一天来？");
  await setMaintenance(baseURL!, id, true);
  await page.clock.runFor(31_000);
  await page.clock.runFor(31_000);
  await expect(kiosk.heading).toHaveText("哪一天来？");
  await expect(page.getByText(OOS_HEADING)).toHaveCount(0);
  await kiosk.press(page.getByRole("button", { name: "返回首页并清除" }));
  await expect(kiosk.heading).toHaveText(OOS_HEADING);
  await setMaintenance(baseURL!, id, false);
});

test("with the server down the self-check still works, booking says it is unavailable, and the kiosk recovers", async ({
  kiosk,
  page,
}) => {
  const server = await PrivateServer.start();
  try {
    await page.clock.install();
    await kiosk.open(`${server.url}/`);
    await expect(kiosk.tile("预约办事")).toBeVisible();
    await server.down();
    await page.clock.runFor(31_000);
    const notice = page.getByRole("alert").filter({ hasText: "暂时连接不上服务器" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("12348");
    await expect(main(page).getByText("暂时无法使用")).toHaveCount(2);
    await expect(kiosk.tile("预约办事")).toHaveCount(0);
    await shoot(kiosk, "ops-offline-home");

    await kiosk.press(kiosk.tile("法律援助自测"));
    await kiosk.press(page.getByRole("link", { name: "开始" }));
    await expect(kiosk.heading).toHaveText("您遇到的是哪一类问题？");
    await kiosk.press(kiosk.answer("工作和工资"));
    await expect(kiosk.heading).toHaveText("具体是什么事？");
    await kiosk.press(kiosk.answer("被拖欠工资"));
    await expect(kiosk.heading).toHaveText("这件事您已经请了律师吗？");

    await server.up();
    await page.clock.runFor(11_000);
    await expect(notice).toHaveCount(0);
    await kiosk.press(page.getByRole("button", { name: "返回首页并清除" }));
    await kiosk.press(main(page).getByRole("button", { name: /轻触屏幕任意位置开始/ }));
    await kiosk.press(kiosk.tile("预约办事"));
    await expect(kiosk.heading).toHaveText("您要预约办理什么？");
  } finally {
    await server.down();
  }
});

test("an unhandled error shows a calm restarting notice and the attract screen within 5 seconds", async ({
  kiosk,
  page,
}) => {
  // Everything the browser reports: console lines and uncaught errors.
  const logged: string[] = [];
  page.on("console", (m) => logged.push(m.text()));
  page.on("pageerror", (e) => logged.push(e.message));
  await kiosk.open("/booking");
  const started = Date.now();
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error("injected failure 13912345678");
    }, 0);
  });
  const notice = page.getByRole("alert");
  await expect(notice).toContainText("正在重新启动");
  await expect(notice).toContainText("12348");
  await expect(notice).toContainText("Restarting");
  if (kiosk.primary) await kiosk.screenshot("ops-restarting");
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING, { timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(page).toHaveURL("/welcome");
  // The error's message (which here holds a phone number) is not in the console.
  expect(logged.join("\n")).toContain("restarting");
  expect(logged.join("\n")).not.toContain("13912345678");
});

test("a panic in the WebAssembly returns to the attract screen within 5 seconds", async ({ kiosk, page }) => {
  const logged: string[] = [];
  page.on("console", (m) => logged.push(m.text()));
  await kiosk.open("/welcome");
  await signIn(kiosk, STAFF_PIN);
  await expect(kiosk.heading).toHaveText("维护面板");
  const started = Date.now();
  await kiosk.press(main(page).getByRole("button", { name: "测试自动重启" }));
  await expect(page.getByRole("alert")).toContainText("正在重新启动");
  await expect(kiosk.heading).toHaveText(ATTRACT_HEADING, { timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);
  // What was logged says only that it restarted, not the panic's message.
  expect(logged.join("\n")).not.toContain("restart test from the staff panel");
});
