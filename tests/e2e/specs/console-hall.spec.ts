// The hall console with the real kiosk: a hall admin closes tomorrow and the
// kiosk shows the day closed (with the booking it leaves listed to call);
// lowers one slot's seats and the kiosk shows the places left; opens special
// hours today and checks a visitor in at the counter. The kiosks screen shows
// the hall's kiosks and registers one with its secret shown once.
import {
  test,
  expect,
  CONSOLE_ADMIN,
  CONSOLE_HALL_ADMIN,
  Kiosk,
  bookThroughApi,
  consoleShot,
  consoleSignIn,
  ensureConsoleUser,
  noAxeViolations,
  slotsOf,
  uniquePhone,
} from "../fixtures";
import type { APIRequestContext, Browser, Page } from "@playwright/test";

const HALL_MS = 8 * 3600_000;

/** The hall's date `days` from today, `YYYY-MM-DD`. */
function hallDate(days: number): string {
  return new Date(Date.now() + HALL_MS + days * 86_400_000).toISOString().slice(0, 10);
}

/** Minutes after midnight, now, at the hall. */
function hallMinute(): number {
  const d = new Date(Date.now() + HALL_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

function masked(phone: string) {
  return `${phone.slice(0, 3)}****${phone.slice(7)}`;
}

async function hallAdminPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL });
  const page = await context.newPage();
  await consoleSignIn(page, CONSOLE_HALL_ADMIN);
  return page;
}

async function go(page: Page, link: string) {
  await page.getByRole("navigation").getByRole("link", { name: link }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(link);
}

/** Undoes what the test set, through the API, whatever step it stopped at. */
async function restore(request: APIRequestContext, closures: string[], seats?: { start: string; capacity: number }) {
  const signIn = await request.post("/api/v1/console/session", {
    data: { user: CONSOLE_ADMIN.id, password: CONSOLE_ADMIN.password },
  });
  const { csrf_token } = await signIn.json();
  const headers = { "X-CSRF-Token": csrf_token };
  for (const day of closures) {
    await request.delete(`/api/v1/console/halls/demo-hall/closures/${day}`, { headers });
  }
  if (seats) {
    const now = await request.get(`/api/v1/console/halls/demo-hall/slots?service=mediation&date=${seats.start.slice(0, 10)}`);
    const slot = ((await now.json()) as { start: string; capacity: number }[]).find((s) => s.start === seats.start);
    if (slot && slot.capacity !== seats.capacity) {
      await request.put("/api/v1/console/halls/demo-hall/slots", {
        headers,
        data: { service_id: "mediation", start: seats.start, capacity: seats.capacity, expected: slot.capacity },
      });
    }
  }
  await request.delete("/api/v1/console/session", { headers });
}

test("a hall admin closes tomorrow, lowers a slot's seats and checks a visitor in; the kiosk follows", async ({ browser, baseURL, request }) => {
  test.setTimeout(150_000);
  await ensureConsoleUser(request, CONSOLE_HALL_ADMIN);
  const tomorrow = hallDate(1);
  const today = hallDate(0);
  const slots = await slotsOf(baseURL!, "mediation");
  // A visitor already booked for tomorrow, whom the closure leaves to call.
  const tomorrowSlot = slots.find((s) => s.start.startsWith(tomorrow) && s.remaining > 0);
  // A time at least two days off with every seat free, so the kiosk's count is ours.
  const later = slots.find(
    (s) => s.start.slice(0, 10) > tomorrow && s.remaining === s.capacity && s.capacity >= 2,
  );
  expect(later, "a free time two or more days ahead").toBeTruthy();
  const closures = [tomorrow];
  try {
    let booked: string | undefined;
    const phone = uniquePhone();
    if (tomorrowSlot) {
      const res = await bookThroughApi(baseURL!, "mediation", tomorrowSlot.start, phone);
      expect(res.status).toBe(201);
      booked = ((await res.json()) as { reference: string }).reference;
    }

    const admin = await hallAdminPage(browser, baseURL!);
    await expect(admin.getByRole("navigation")).not.toContainText("12348 回拨");
    await go(admin, "服务中心设置");
    await expect(admin.getByLabel("名称（中文）")).toHaveValue(/公共法律服务中心/);

    // A closure without a reason is refused, field by field.
    await admin.locator("#closure-date").fill(tomorrow);
    await admin.getByRole("button", { name: "设置", exact: true }).click();
    await expect(admin.locator("#closure-reason-errors")).toContainText("请填写原因");
    await expect(admin.locator("#closure-reason")).toHaveAttribute("aria-invalid", "true");

    await admin.locator("#closure-reason").fill("设备检修");
    await admin.getByRole("button", { name: "设置", exact: true }).click();
    await expect(admin.getByRole("main").getByRole("status")).toContainText(`已设置：${tomorrow}`);
    const closureRow = admin.locator(`tr[data-date="${tomorrow}"]`);
    await expect(closureRow).toContainText("全天不开放");
    await expect(closureRow).toContainText("设备检修");
    if (booked) {
      const toCall = admin.locator(".hall-affected");
      await expect(toCall).toContainText(booked);
      await expect(toCall).toContainText(masked(phone));
      await expect(toCall).not.toContainText(phone);
    }
    await noAxeViolations(admin);
    await consoleShot(admin, "hall-closure");

    // Lower one time's seats to one.
    await admin.locator("#seats-service").selectOption("mediation");
    await admin.locator("#seats-day").fill(later!.start.slice(0, 10));
    await admin.locator(".hall-seats").getByRole("button", { name: "显示" }).click();
    const seatRow = admin.locator(`tr[data-start="${later!.start}"]`);
    await expect(seatRow.getByRole("spinbutton")).toHaveValue(String(later!.capacity));
    await seatRow.getByRole("spinbutton").fill("0");
    await seatRow.getByRole("button", { name: /保存/ }).click();
    await expect(seatRow).toContainText("名额须在 1 到 50 之间");
    await seatRow.getByRole("spinbutton").fill("1");
    await seatRow.getByRole("button", { name: /保存/ }).click();
    await expect(admin.getByRole("main").getByRole("status")).toContainText("已修改名额");
    await expect(admin.locator(`tr[data-start="${later!.start}"]`).getByRole("spinbutton")).toHaveValue("1");
    await noAxeViolations(admin);

    // The kiosk: tomorrow closed, the lowered time with one place left.
    const [tm, td] = tomorrow.slice(5).split("-").map(Number);
    const [lm, ld] = later!.start.slice(5, 10).split("-").map(Number);
    const kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1920 }, baseURL });
    const page = await kioskContext.newPage();
    const kiosk = new Kiosk(page, test.info());
    await kiosk.open("/booking");
    await kiosk.press(page.getByRole("main").getByRole("button", { name: /^人民调解/ }));
    await expect(kiosk.heading).toHaveText("哪一天来？");
    await expect(page.getByRole("main").getByRole("button", { name: new RegExp(`^${tm}月${td}日`) })).toContainText("不办公");
    await kiosk.press(page.getByRole("main").getByRole("button", { name: new RegExp(`^${lm}月${ld}日`) }));
    await expect(kiosk.heading).toHaveText("几点来？");
    await expect(page.getByRole("main").getByRole("button", { name: new RegExp(`^${later!.start.slice(11, 16)}`) })).toContainText("还剩 1");

    await kioskContext.close();

    // Special hours today, from the next half hour, and a visitor booked into them.
    const start = Math.ceil((hallMinute() + 5) / 30) * 30;
    test.skip(start + 60 > 24 * 60, "too late in the hall's day to open special hours today");
    closures.push(today);
    await admin.locator("#closure-date").fill(today);
    await admin.locator("#closure-reason").fill("延长服务");
    await admin.getByLabel("缩短开放时间").check();
    await admin.locator("#closure-sessions").fill(`${clock(start)}-${clock(start + 60)}`);
    await admin.getByRole("button", { name: "设置", exact: true }).click();
    await expect(admin.getByRole("main").getByRole("status")).toContainText(`已设置：${today}`);
    const todaySlot = (await slotsOf(baseURL!, "mediation")).find((s) => s.start.startsWith(`${today}T${clock(start)}`));
    expect(todaySlot, "the special hours' first time").toBeTruthy();
    const visitor = uniquePhone();
    const res = await bookThroughApi(baseURL!, "mediation", todaySlot!.start, visitor);
    expect(res.status).toBe(201);
    const reference = ((await res.json()) as { reference: string }).reference;

    await go(admin, "今日预约");
    const row = admin.locator(`tr[data-reference="${reference}"]`);
    await expect(row).toContainText(masked(visitor));
    await expect(row).not.toContainText(visitor);
    await expect(row).toContainText(`${clock(start)}–${clock(start + 30)}`);
    await noAxeViolations(admin);
    await consoleShot(admin, "hall-today");
    // Too early for a no-show: refused, and said.
    await row.getByRole("button", { name: /^未到/ }).click();
    await expect(admin.getByRole("main").getByRole("alert")).toContainText("预约时间还没到");
    await row.getByRole("button", { name: /^已到/ }).click();
    await expect(admin.getByRole("main").getByRole("status")).toContainText("已登记到场");
    await expect(admin.getByRole("main").getByRole("status")).toContainText(reference);
    await expect(row).toContainText("已到");
    await expect(row.getByRole("button", { name: /^已到/ })).toHaveCount(0);
    // The number only on purpose.
    await row.getByRole("button", { name: /显示完整号码/ }).click();
    await expect(row).toContainText(visitor);
    await admin.context().close();
  } finally {
    await restore(request, closures, later && { start: later.start, capacity: later.capacity });
  }
});

test("the hall's kiosks: state, maintenance with a message, and a new kiosk's secret shown once", async ({ browser, baseURL }) => {
  const admin = await hallAdminPage(browser, baseURL!);
  await go(admin, "自助终端");
  await expect(admin.getByRole("table")).toBeVisible();
  const id = `e2e-kiosk-${Date.now().toString(36)}`;

  await admin.getByLabel("终端编号").fill("bad id!");
  await admin.getByRole("button", { name: "登记", exact: true }).click();
  await expect(admin.locator("#kiosk-new-id-errors")).toContainText("终端编号须为");

  await admin.getByLabel("终端编号").fill(id);
  await admin.getByRole("button", { name: "登记", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "终端密钥（只显示这一次）" })).toBeFocused();
  const secret = (await admin.getByTestId("kiosk-secret").textContent()) ?? "";
  expect(secret.length).toBeGreaterThanOrEqual(20);
  const row = admin.locator(`tr[data-kiosk="${id}"]`);
  await expect(row).toContainText("从未连接");
  await expect(row).not.toContainText(secret);
  await noAxeViolations(admin);
  await consoleShot(admin, "hall-kiosks");
  await admin.getByRole("button", { name: "我已记下，关闭" }).click();
  await expect(admin.getByTestId("kiosk-secret")).toHaveCount(0);

  // Maintenance with a message; a time in the past is refused.
  await row.getByRole("button", { name: /维护设置/ }).click();
  await expect(admin.getByRole("heading", { name: `维护设置：${id}` })).toBeFocused();
  await admin.getByLabel("暂停服务（维护模式）").check();
  await admin.getByLabel("屏幕提示（中文，可不填）").fill("设备升级，请到窗口办理");
  await admin.getByLabel("预计恢复时间（可不填）").fill("2020-01-01T09:00");
  await admin.getByRole("button", { name: "保存", exact: true }).click();
  await expect(admin.locator("#kiosk-maint-back-errors")).toContainText("预计恢复时间须在今后 14 天内");
  await admin.getByLabel("预计恢复时间（可不填）").fill(`${hallDate(1)}T09:00`);
  await admin.getByRole("button", { name: "保存", exact: true }).click();
  await expect(admin.getByRole("main").getByRole("status")).toContainText(`已保存维护设置：${id}`);
  await expect(row).toContainText("维护中");
  await expect(row).toContainText("设备升级，请到窗口办理");
  await noAxeViolations(admin);
  await admin.context().close();
});

test("a province admin adds a hall, which the hall screens then show", async ({ page }) => {
  await consoleSignIn(page, CONSOLE_ADMIN);
  await go(page, "服务中心设置");
  const form = page.getByRole("region", { name: "新增服务中心" });
  const id = `e2e-${Date.now().toString(36)}`;
  await form.getByLabel("编号", { exact: true }).fill("Bad Id");
  await form.getByRole("button", { name: "新增" }).click();
  await expect(page.locator("#new-hall-id-errors")).toContainText("编号须为");
  await expect(page.locator("#new-hall-names-errors")).toContainText("请填写中英文名称");
  await expect(page.locator("#new-hall-phone-errors")).toContainText("电话号码无效");

  await form.getByLabel("编号", { exact: true }).fill(id);
  await form.getByLabel("名称（中文）").fill("测试区公共法律服务中心");
  await form.getByLabel("名称（英文）").fill("Test District Public Legal Service Centre");
  await form.getByLabel("地址（中文）").fill("测试路 1 号");
  await form.getByLabel("地址（英文）").fill("1 Test Road");
  await form.getByLabel("服务中心电话").fill("010-1234 5678");
  await form.getByLabel("开放时间说明（中文）").fill("周一至周五 9:00–17:00");
  await form.getByLabel("开放时间说明（英文）").fill("Monday to Friday 9:00–17:00");
  await form.getByRole("button", { name: "新增" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("已新增服务中心：测试区公共法律服务中心");
  await expect(page.locator("#hall-hall")).toHaveValue(id);
  await expect(page.locator("#hall-names-zh")).toHaveValue("测试区公共法律服务中心");
  await expect(form.getByLabel("编号", { exact: true })).toHaveValue("");
  await noAxeViolations(page);
  await consoleShot(page, "hall-new");

  // The same screen in English, where every label and hint has its own words.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hall settings");
  await expect(page.getByRole("region", { name: "Add a hall" })).toBeVisible();
  await expect(page.getByLabel("Monday")).toHaveValue("");
  await expect(page.getByRole("main")).toContainText("Closures and holidays");
  await noAxeViolations(page);
});
