import { test, expect, TILES, DEMO_HALL } from "../fixtures";

test("the home screen shows the hall from the server, the hotline and four tiles", async ({
  kiosk,
  page,
}) => {
  await kiosk.open("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(kiosk.heading).toHaveText("您好！请选择要办理的事项");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(kiosk.header).toContainText(DEMO_HALL);
  await expect(kiosk.header).toContainText("12348");
  await expect(page.getByRole("contentinfo")).toContainText("12348");
  await expect(kiosk.tiles).toHaveCount(4);
  for (const tile of TILES) {
    await expect(kiosk.tile(tile.name)).toBeVisible();
  }
  expect(await kiosk.hasNoHorizontalOverflow()).toBe(true);
  await kiosk.screenshot("home");
});

test("every tile and header button is large enough to touch", async ({ kiosk, page }) => {
  await kiosk.open("/");
  const targets = page.locator(".kiosk-tile, .kiosk-button");
  const count = await targets.count();
  expect(count).toBeGreaterThanOrEqual(7);
  for (let i = 0; i < count; i++) {
    const box = await targets.nth(i).boundingBox();
    expect(box, `target ${i}`).not.toBeNull();
    expect(box!.width, `target ${i} width`).toBeGreaterThanOrEqual(60);
    expect(box!.height, `target ${i} height`).toBeGreaterThanOrEqual(60);
  }
});

test("the loading notice is in index.html before the app starts", async ({ request }) => {
  const html = await (await request.get("/")).text();
  expect(html).toContain('id="kiosk-loading"');
  expect(html).toContain("正在启动");
});

test("the kiosk runs under its strict CSP with no violations or console errors", async ({
  kiosk,
  page,
}) => {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  const response = await page.goto("/");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain("unsafe-inline");
  await expect(kiosk.tiles).toHaveCount(4);
  await kiosk.press(kiosk.tile("无障碍"));
  await expect(kiosk.heading).toHaveText("无障碍设置");
  expect(problems).toEqual([]);
});
