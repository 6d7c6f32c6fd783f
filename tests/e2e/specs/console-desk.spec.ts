// The 12348 desk with the real kiosk: a callback asked for at the kiosk appears
// at the desk; one operator claims it and the other cannot; no answer, then
// reached; the audit log names who did each step.
import {
  test,
  expect,
  CONSOLE_ADMIN,
  CONSOLE_OPERATOR_1,
  CONSOLE_OPERATOR_2,
  CONSOLE_HALL_ADMIN,
  Kiosk,
  consoleShot,
  consoleSignIn,
  ensureConsoleUser,
  noAxeViolations,
  uniquePhone,
} from "../fixtures";
import type { Browser, Page } from "@playwright/test";

/** A callback request made at the kiosk by touch; its reference. */
async function requestAtTheKiosk(browser: Browser, baseURL: string, phone: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, baseURL });
  const page = await context.newPage();
  const kiosk = new Kiosk(page, test.info());
  const main = page.getByRole("main");
  await kiosk.open("/callback");
  await expect(kiosk.heading).toHaveText("您想咨询哪方面的问题？");
  await kiosk.answer("工作、工资、工伤").click();
  await expect(kiosk.heading).toHaveText("什么时候给您打电话？");
  await kiosk.answer("尽快").click();
  await expect(kiosk.heading).toHaveText("打哪个电话给您？");
  await page.locator("#kiosk-phone").fill(phone);
  await main.getByRole("button", { name: "继续" }).click();
  await expect(kiosk.heading).toHaveText("怎么称呼您？（可以不填）");
  await main.getByRole("button", { name: "继续" }).click();
  await expect(kiosk.heading).toHaveText("打电话时，可以说是 12348 打来的吗？");
  await kiosk.answer("不要说是 12348").click();
  await expect(kiosk.heading).toHaveText("通话时需要照顾什么吗？");
  await main.getByRole("button", { name: "不需要", exact: true }).click();
  await expect(kiosk.heading).toHaveText("想先说一句您的问题吗？（可以不填）");
  await main.getByRole("button", { name: "继续" }).click();
  await expect(kiosk.heading).toHaveText("您的信息怎样使用");
  await main.getByRole("button", { name: "我同意，继续" }).click();
  await expect(kiosk.heading).toHaveText("请核对回电请求");
  await main.getByRole("button", { name: "确认提交" }).click();
  await expect(kiosk.heading).toHaveText("已收到您的回电请求");
  const reference = ((await page.getByTestId("reference").textContent()) ?? "").trim();
  await context.close();
  return reference;
}

async function operatorPage(browser: Browser, baseURL: string, who: typeof CONSOLE_OPERATOR_1): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL });
  const page = await context.newPage();
  await consoleSignIn(page, who, "/console/desk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("12348 回拨");
  return page;
}

function row(page: Page, reference: string) {
  return page.locator(`tr[data-reference="${reference}"]`);
}

test("a kiosk's callback is claimed by one operator, tried, reached, and audited by name", async ({ page, browser, baseURL }) => {
  const phone = uniquePhone();
  const reference = await requestAtTheKiosk(browser, baseURL!, phone);
  expect(reference).toMatch(/^C[0-9A-Z]{7}$/);
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;

  const op1 = await operatorPage(browser, baseURL!, CONSOLE_OPERATOR_1);
  const op2 = await operatorPage(browser, baseURL!, CONSOLE_OPERATOR_2);
  await expect(row(op1, reference)).toContainText(masked);
  await expect(row(op1, reference)).not.toContainText(phone);
  await expect(row(op1, reference)).toContainText("尽快");
  await noAxeViolations(op1);
  await consoleShot(op1, "desk-queue");

  // Operator 1 claims; operator 2, whose list still offers it, is refused.
  await row(op1, reference).getByRole("button", { name: /认领并回拨/ }).click();
  await expect(op1.getByRole("main").getByRole("status")).toContainText("已认领");
  await expect(op1.getByRole("heading", { name: `回拨 ${reference}` })).toBeFocused();
  await row(op2, reference).getByRole("button", { name: /认领并回拨/ }).click();
  await expect(op2.getByRole("main").getByRole("alert")).toContainText("已被其他话务员认领");
  await expect(row(op2, reference)).toContainText(`已被认领：${CONSOLE_OPERATOR_1.name}`);

  // The caution the visitor asked for, and the number only on purpose.
  const panel = op1.locator(".desk-call");
  await expect(panel).toContainText("不要说“这里是 12348”");
  await expect(panel).not.toContainText(phone);
  await panel.getByRole("button", { name: "显示完整号码" }).click();
  await expect(panel).toContainText(phone);
  await noAxeViolations(op1);
  await consoleShot(op1, "desk-call");

  // No answer: back in the queue with one try; claim again and reach them.
  await panel.getByLabel("无人接听").check();
  await panel.getByLabel("备注（可不填）").fill("第一次无人接听");
  await panel.getByRole("button", { name: "记录结果" }).click();
  await expect(op1.getByRole("main").getByRole("status")).toContainText("已记录回拨结果");
  await expect(row(op1, reference)).toContainText("1 / 3");
  await row(op1, reference).getByRole("button", { name: /认领并回拨/ }).click();
  const again = op1.locator(".desk-call");
  await expect(again).toContainText("第一次无人接听");
  // "Later" needs a time: said at its field.
  await again.getByLabel("来访者要求稍后再打").check();
  await again.getByRole("button", { name: "记录结果" }).click();
  await expect(again.getByText("请填写约定再次回拨的时间。")).toBeVisible();
  await again.getByLabel("已接通并处理").check();
  await again.getByRole("button", { name: "记录结果" }).click();
  await expect(op1.getByRole("main").getByRole("status")).toContainText("已记录回拨结果");
  await expect(row(op1, reference)).toHaveCount(0);
  await op1.getByLabel("状态", { exact: true }).selectOption("closed");
  await op1.getByRole("button", { name: "显示", exact: true }).click();
  await expect(row(op1, reference)).toContainText("已接通并处理");

  // The audit log, as the province admin reads it: each step with its user.
  await consoleSignIn(page, CONSOLE_ADMIN, "/console/audit");
  const log = page.getByRole("table");
  await expect(log).toBeVisible();
  const lines = log.locator("tbody tr").filter({ hasText: reference });
  await expect(lines.filter({ hasText: "认领回拨" }).filter({ hasText: CONSOLE_OPERATOR_1.name })).toHaveCount(2);
  await expect(lines.filter({ hasText: "查看完整电话" }).filter({ hasText: CONSOLE_OPERATOR_1.name })).toHaveCount(1);
  await expect(lines.filter({ hasText: "记录回拨结果" }).filter({ hasText: CONSOLE_OPERATOR_1.name })).toHaveCount(2);
  await expect(log).not.toContainText(phone);
  await op1.context().close();
  await op2.context().close();
});

test("a hall admin has no desk: not in the navigation, and its address is not found", async ({ page, request }) => {
  await ensureConsoleUser(request, CONSOLE_HALL_ADMIN);
  await consoleSignIn(page, CONSOLE_HALL_ADMIN);
  await expect(page.getByRole("navigation")).not.toContainText("12348 回拨");
  await page.goto("/console/desk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  await noAxeViolations(page);
});
