import { test, expect, TILES } from "../fixtures";

for (const tile of TILES) {
  test(`the ${tile.path} tile opens its screen and the visitor can get back`, async ({
    kiosk,
    page,
  }) => {
    await kiosk.open("/");
    await kiosk.press(kiosk.tile(tile.name));
    await expect(page).toHaveURL(tile.path);
    await expect(kiosk.heading).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await kiosk.screenshot(tile.path.slice(1));
    // Information screens link home; a flow's first step goes back home.
    const main = page.getByRole("main");
    const home = main
      .getByRole("link", { name: "返回首页" })
      .or(main.getByRole("button", { name: "上一步" }));
    await kiosk.press(home.first());
    await expect(page).toHaveURL("/");
    await expect(kiosk.tiles).toHaveCount(4);
  });
}

test("an unknown address shows the not-found screen with a way home", async ({
  kiosk,
  page,
}) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(200);
  await expect(kiosk.heading).toHaveText("找不到这个页面");
  await expect(page.getByRole("main")).toContainText("12348");
  await kiosk.screenshot("not-found");
  await kiosk.press(page.getByRole("link", { name: "返回首页" }));
  await expect(kiosk.tiles).toHaveCount(4);
});

test("a deep link to a screen loads that screen directly", async ({ kiosk }) => {
  await kiosk.open("/booking");
  await expect(kiosk.heading).toHaveText("您要预约办理什么？");
});

test("Escape goes back to the previous screen", async ({ kiosk, page }) => {
  await kiosk.open("/");
  await kiosk.press(kiosk.tile("预约办事"));
  await expect(kiosk.heading).toHaveText("您要预约办理什么？");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL("/");
  await expect(kiosk.tiles).toHaveCount(4);
});
