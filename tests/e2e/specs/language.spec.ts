import { test, expect } from "../fixtures";

test("the language switch changes html lang and every text, and switches back", async ({
  kiosk,
  page,
}) => {
  await kiosk.open("/");
  await kiosk.press(page.getByRole("button", { name: "English" }));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(kiosk.heading).toHaveText("Welcome. What would you like to do?");
  await expect(kiosk.header).toContainText("Demo District Public Legal Service Centre");
  await expect(kiosk.tile("Book an appointment")).toBeVisible();
  await expect(page).toHaveTitle("Legal services self-service kiosk");
  await kiosk.screenshot("home-en");
  await kiosk.press(page.getByRole("button", { name: "中文" }));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(kiosk.heading).toHaveText("您好！请选择要办理的事项");
});
