import { test, expect } from "../fixtures";

test("text size and colours apply at once and finish-and-clear resets them", async ({
  kiosk,
  page,
}) => {
  await kiosk.open("/");
  const html = page.locator("html");
  const tileTitle = page.locator(".kiosk-tile__title").first();
  const normalSize = await tileTitle.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  await kiosk.press(kiosk.header.getByRole("link", { name: "无障碍" }));
  await expect(kiosk.heading).toHaveText("无障碍设置");
  const larger = page.getByRole("button", { name: "特大字" });
  await kiosk.press(larger);
  await expect(larger).toHaveAttribute("aria-pressed", "true");
  await expect(html).toHaveAttribute("data-text-size", "larger");
  await kiosk.press(page.getByRole("button", { name: "高对比度" }));
  await expect(html).toHaveAttribute("data-theme", "high-contrast");
  await kiosk.screenshot("settings-larger-high-contrast");

  await kiosk.press(page.getByRole("main").getByRole("link", { name: "返回首页" }));
  const largerSize = await tileTitle.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(largerSize).toBeGreaterThanOrEqual(normalSize * 1.6);
  const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(body, "main text ≥ 30 pt (40 px) at the largest step").toBeGreaterThanOrEqual(40);
  expect(await kiosk.hasNoHorizontalOverflow()).toBe(true);
  await kiosk.screenshot("home-larger-high-contrast");

  await kiosk.press(page.getByRole("button", { name: "English" }));
  await kiosk.press(page.getByRole("button", { name: "Finish and clear" }));
  await expect(page).toHaveURL("/welcome");
  await expect(html).toHaveAttribute("lang", "zh-CN");
  await expect(html).toHaveAttribute("data-text-size", "normal");
  await expect(html).toHaveAttribute("data-theme", "standard");
  await expect(kiosk.heading).toHaveText("法律服务自助终端");
  await kiosk.press(page.getByRole("button", { name: /轻触屏幕任意位置开始/ }));
  await expect(kiosk.heading).toHaveText("您好！请选择要办理的事项");
});

test("finish and clear leaves no way back into the visit", async ({ kiosk, page }) => {
  await kiosk.open("/");
  await kiosk.press(kiosk.tile("预约办事"));
  await expect(kiosk.heading).toHaveText("您要预约办理什么？");
  await kiosk.press(page.getByRole("button", { name: "返回首页并清除" }));
  await expect(page).toHaveURL("/welcome");
  await expect(kiosk.heading).toHaveText("法律服务自助终端");
  await kiosk.press(page.getByRole("button", { name: /轻触屏幕任意位置开始/ }));
  await expect(kiosk.tiles).toHaveCount(4);
  const storage = await page.evaluate(() => localStorage.length + sessionStorage.length);
  expect(storage).toBe(0);
});
