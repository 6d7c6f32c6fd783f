// Statistics in the console, fed by the real kiosk: a rating given at the kiosk
// appears in this week's row, in the chart's table and in the CSV.
import { test, expect, CONSOLE_ADMIN, CONSOLE_HALL_ADMIN, Kiosk, consoleShot, consoleSignIn, ensureConsoleUser, noAxeViolations } from "../fixtures";
import type { Browser, Page } from "@playwright/test";

/** The demo hall's table row of the current week, cell by cell. */
async function thisWeek(page: Page): Promise<string[]> {
  const table = page.getByRole("table", { name: /示范区公共法律服务中心/ });
  await expect(table).toBeVisible();
  const last = table.locator("tbody tr").last();
  return (await last.locator("th, td").allInnerTexts()).map((t) => t.trim());
}

/** A self-check at the kiosk, rated 基本满意 with a reason. */
async function rateAtTheKiosk(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, baseURL });
  const page = await context.newPage();
  const kiosk = new Kiosk(page, test.info());
  await kiosk.open("/eligibility");
  await page.getByRole("link", { name: "开始" }).click();
  for (const a of ["工作和工资", "被拖欠工资", "否", "进城务工人员（农民工）"]) await kiosk.answer(a).click();
  await page.getByRole("button", { name: "继续" }).click();
  await kiosk.answer("都没有").click();
  await page.getByRole("link", { name: "查看结果" }).click();
  await page.getByRole("button", { name: "返回首页并清除" }).click();
  await expect(kiosk.heading).toHaveText("您对这次自助服务满意吗？");
  await kiosk.answer("基本满意").click();
  await kiosk.answer("等待太久").click();
  await page.getByRole("main").getByRole("button", { name: "提交评价" }).click();
  await expect(kiosk.heading).toHaveText("感谢您的评价！");
  await context.close();
}

test("a rating given at the kiosk appears in the week's statistics, table and CSV", async ({ page, browser, baseURL }) => {
  await consoleSignIn(page, CONSOLE_ADMIN, "/console/stats");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("统计");
  // Columns: week, bookings, cancellations, no-shows, callbacks, in window, share, 5 … 1.
  const FAIR = 9;
  const before = await thisWeek(page);
  await rateAtTheKiosk(browser, baseURL!);
  await page.getByRole("button", { name: "查询" }).click();
  await expect.poll(async () => Number((await thisWeek(page))[FAIR])).toBe(Number(before[FAIR]) + 1);
  // The charts are drawn (Chart.js loaded), each named as an image pointing at
  // the table: three per hall (other tests may add halls).
  const charts = page.getByRole("region", { name: "示范区公共法律服务中心" }).getByRole("img", { name: /图表的数字见下表/ });
  await expect(charts).toHaveCount(3);
  expect(await page.evaluate(() => typeof (window as unknown as { Chart?: unknown }).Chart)).toBe("function");
  await noAxeViolations(page);
  await consoleShot(page, "stats");

  // The CSV of the same range, as the link downloads it.
  const href = await page.getByRole("link", { name: "下载 CSV 表格" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.startsWith("\ufeff服务中心编号,服务中心,周（周一）,预约")).toBe(true);
  const row = text.split("\r\n").filter((l) => l.startsWith("demo-hall,")).pop()!;
  expect(row.split(",")[10]).toBe(String(Number(before[FAIR]) + 1));

  // A range the server refuses is said at its field.
  await page.getByLabel("起始日期").fill("2026-12-10");
  await page.getByLabel("截止日期").fill("2026-12-01");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("截止日期不能早于起始日期。")).toBeVisible();
  await expect(page.getByLabel("截止日期")).toHaveAttribute("aria-invalid", "true");
  await noAxeViolations(page);
});

test("a hall admin sees only their halls, and English works", async ({ page, request }) => {
  await ensureConsoleUser(request, CONSOLE_HALL_ADMIN);
  await consoleSignIn(page, CONSOLE_HALL_ADMIN);
  await page.getByRole("navigation").getByRole("link", { name: "统计" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("统计");
  await expect(page.getByRole("table")).toHaveCount(1);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistics");
  await expect(page.getByRole("columnheader", { name: "Bookings" })).toBeVisible();
  await noAxeViolations(page);
  await consoleShot(page, "stats-en");
});
