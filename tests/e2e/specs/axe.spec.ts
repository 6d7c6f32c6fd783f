import { test, TILES } from "../fixtures";

const screens = [
  { name: "home", path: "/" },
  ...TILES.map((t) => ({ name: t.path.slice(1), path: t.path })),
  { name: "not-found", path: "/no-such-page" },
];

for (const screen of screens) {
  test(`axe finds no WCAG 2.2 AA violations on ${screen.name}`, async ({ kiosk }) => {
    await kiosk.open(screen.path);
    await kiosk.expectNoAxeViolations();
  });
}

for (const mode of [
  { name: "extra large text", button: "特大字" },
  { name: "high contrast", button: "高对比度" },
]) {
  test(`axe finds no violations on home and settings in ${mode.name}`, async ({
    kiosk,
    page,
  }) => {
    await kiosk.open("/accessibility");
    await kiosk.press(page.getByRole("button", { name: mode.button }));
    await kiosk.expectNoAxeViolations();
    await kiosk.press(page.getByRole("main").getByRole("link", { name: "返回首页" }));
    await kiosk.expectNoAxeViolations();
  });
}
