import { test, expect, TILES } from "../fixtures";

test("keyboard alone reaches every tile, in reading order, with a visible focus ring", async ({
  kiosk,
  page,
}) => {
  await kiosk.open("/");
  const reached: string[] = [];
  for (let i = 0; i < 20 && reached.length < TILES.length; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        title: el?.querySelector(".kiosk-tile__title")?.textContent ?? null,
        outline: el ? parseFloat(getComputedStyle(el).outlineWidth) : 0,
      };
    });
    if (focused.title) {
      reached.push(focused.title);
      expect(focused.outline, `focus ring on ${focused.title}`).toBeGreaterThanOrEqual(3);
    }
  }
  expect(reached).toEqual(TILES.map((t) => t.name));
  await kiosk.screenshot("keyboard-focus");
});

test("Enter on a focused tile opens it", async ({ kiosk, page }) => {
  await kiosk.open("/");
  await kiosk.tile("12348 回拨").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/callback");
  await expect(kiosk.heading).toHaveText("您想咨询哪方面的问题？");
});

test("the skip link is the first stop and moves focus to the main content", async ({
  kiosk,
  page,
}) => {
  await kiosk.open("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await expect(page).toHaveURL("/");
  await page.keyboard.press("Tab");
  await expect(kiosk.tile(TILES[0].name)).toBeFocused();
});
