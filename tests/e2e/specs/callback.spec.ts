// Asking the 12348 hotline to call back, against the real server: by touch from a
// self-check result, and by keys; what the operator desk then sees.
import {
  test,
  expect,
  type Kiosk,
  flowStep,
  pressContinue,
  keypadType,
  uniquePhone,
  expectNoPersonalDataKept,
  OPERATOR_TOKEN,
} from "../fixtures";
import type { Page } from "@playwright/test";

function step(kiosk: Kiosk, heading: string | RegExp, shot: string, act: () => Promise<void>) {
  return flowStep(kiosk, "callback", heading, shot, act);
}

function main(page: Page) {
  return page.getByRole("main");
}

const next = pressContinue;

async function operatorQueue(baseURL: string) {
  const res = await fetch(`${baseURL}/api/v1/callbacks`, {
    headers: { Authorization: `Bearer ${OPERATOR_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>[];
}

test("a visitor asks 12348 to call back discreetly one evening, by touch", async ({ kiosk, page, baseURL }) => {
  const phone = uniquePhone();
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));

  await kiosk.open("/callback?topic=legal_aid");
  await step(kiosk, "您想咨询哪方面的问题？", "topic", async () => {
    await expect(main(page).getByRole("button", { name: "申请法律援助" })).toHaveAttribute("aria-pressed", "true");
    await next(kiosk);
  });
  await step(kiosk, "什么时候给您打电话？", "when", async () => {
    const days = main(page).getByRole("list").nth(1).getByRole("button");
    await expect(days).toHaveCount(7);
    await kiosk.press(days.nth(1));
    await expect(page.getByRole("group", { name: "这一天的什么时候？" })).toBeVisible();
    if (kiosk.primary) await kiosk.screenshot("callback-when-day-chosen");
    await kiosk.press(main(page).getByRole("button", { name: "晚上（6 点到 8 点）" }));
  });
  await step(kiosk, "打哪个电话给您？", "phone", async () => {
    await keypadType(kiosk, phone);
    await next(kiosk);
  });
  await step(kiosk, "怎么称呼您？（可以不填）", "name", async () => {
    await kiosk.press(page.getByRole("group", { name: "常见姓氏" }).getByRole("button", { name: "张", exact: true }));
    await next(kiosk);
  });
  await step(kiosk, "打电话时，可以说是 12348 打来的吗？", "safety", () =>
    kiosk.press(main(page).getByRole("button", { name: "不要说是 12348" })),
  );
  await step(kiosk, "通话时需要照顾什么吗？", "needs", async () => {
    await kiosk.press(main(page).getByRole("button", { name: "我戴助听器，请说慢一点" }));
    await next(kiosk);
  });
  await step(kiosk, "想先说一句您的问题吗？（可以不填）", "note", async () => {
    const letters = page.getByRole("group", { name: "字母键" });
    for (const l of "gong") await kiosk.press(letters.getByRole("button", { name: l, exact: true }));
    await kiosk.press(page.getByRole("group", { name: "可选的字" }).getByRole("button", { name: "工", exact: true }));
    await expect(page.locator("#kiosk-note")).toHaveValue("工");
    if (kiosk.primary) await kiosk.screenshot("callback-note-pinyin");
    await next(kiosk);
  });
  await step(kiosk, "您的信息怎样使用", "notice", async () => {
    await expect(main(page)).toContainText("说明版本：callback-2026-11");
    await kiosk.press(main(page).getByRole("button", { name: "我同意，继续" }));
  });
  await step(kiosk, "请核对回电请求", "check", async () => {
    await expect(main(page)).toContainText("申请法律援助");
    await expect(main(page)).toContainText("晚上");
    await expect(main(page)).toContainText(masked);
    await expect(main(page)).not.toContainText(phone);
    await expect(main(page)).toContainText("不要说是 12348");
    await kiosk.press(main(page).getByRole("button", { name: "确认提交" }));
  });
  let reference = "";
  await step(kiosk, "已收到您的回电请求", "done", async () => {
    reference = (await page.getByTestId("reference").textContent()) ?? "";
    expect(reference).toMatch(/^C[2-9A-HJKMNP-Z]{7}$/);
    await expect(main(page)).toContainText("12348 热线的律师会按您选的时间打电话给您");
    await expect(main(page)).toContainText("律师会先确认是您本人接听");
    await expect(main(page)).toContainText(masked);
    await expect(main(page)).not.toContainText(phone);
  });

  // The operator desk sees the request with the full number it must ring.
  const mine = (await operatorQueue(baseURL!)).find((c) => c.reference === reference);
  expect(mine).toMatchObject({
    phone,
    name: "张",
    topic: "legal_aid",
    may_say_12348: false,
    needs: ["hearing_aid"],
    note: "工",
    preferred: { period: "evening" },
  });
  for (const u of urls) expect(u).not.toContain(phone);
  await expectNoPersonalDataKept(page, [phone, "张"]);
});

test("a callback request with keys only: as soon as possible, nothing optional", async ({ kiosk, page, baseURL }) => {
  const phone = uniquePhone();
  await kiosk.open("/");
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.getAttribute("href") === "/callback")) break;
  }
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("您想咨询哪方面的问题？");
  await kiosk.keyboardChoose("工作、工资、工伤");
  await expect(kiosk.heading).toHaveText("什么时候给您打电话？");
  await kiosk.keyboardChoose("尽快");
  await expect(kiosk.heading).toHaveText("打哪个电话给您？");
  await kiosk.keyboardFocus("kiosk-phone");
  await page.keyboard.type(phone);
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("怎么称呼您？（可以不填）");
  await kiosk.keyboardFocus("kiosk-name");
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("打电话时，可以说是 12348 打来的吗？");
  await kiosk.keyboardChoose("可以说是 12348");
  await expect(kiosk.heading).toHaveText("通话时需要照顾什么吗？");
  await kiosk.keyboardChoose("不需要");
  await expect(kiosk.heading).toHaveText("想先说一句您的问题吗？（可以不填）");
  await kiosk.keyboardFocus("kiosk-note");
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("您的信息怎样使用");
  await kiosk.keyboardChoose("我同意，继续");
  await expect(kiosk.heading).toHaveText("请核对回电请求");
  await expect(main(page)).toContainText("（没有填）");
  await kiosk.keyboardChoose("确认提交");
  await expect(kiosk.heading).toHaveText("已收到您的回电请求");
  const reference = (await page.getByTestId("reference").textContent()) ?? "";
  const mine = (await operatorQueue(baseURL!)).find((c) => c.reference === reference);
  expect(mine).toMatchObject({ phone, topic: "labour", preferred: "asap", may_say_12348: true, needs: [] });
  expect(mine?.name ?? null).toBeNull();
  expect(mine?.note ?? null).toBeNull();
  await expectNoPersonalDataKept(page, [phone]);
});

test("a callback cannot skip ahead: a deep link starts at the first open question", async ({ kiosk, page }) => {
  await kiosk.open("/callback/check");
  await expect(kiosk.heading).toHaveText("您想咨询哪方面的问题？");
  await expect(page).toHaveURL(/\/callback$/);
});
