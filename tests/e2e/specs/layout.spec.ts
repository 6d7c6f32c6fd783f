// What a visitor sees on arriving at each screen, in every text size, theme and
// panel: the heading and the first control of the screen must be on the screen
// without scrolling. An elderly visitor who has just chosen 特大字 must see what
// to tap without knowing that the page scrolls.
//
// Every screen of every flow is reached by the soak's visitor (bench/driver.js):
// the self-check both ways to its result, booking with and without the ID number
// step, and the 12348 callback, each to its review and once to its receipt, and
// the settings screen on the way home; then looking up a booking, and the
// rating asked for at the end. The panels are a 1080 × 1920 portrait and
// a 1920 × 1080 landscape screen, each at 100 % and at 200 % scaling (540 × 960
// and 960 × 540 CSS px). Screenshots of the extra-large set are kept in
// test-results/screenshots/layout/.
import path from "node:path";
import { expect, test } from "../fixtures";

const SIZES = [
  { id: "normal", button: "标准" },
  { id: "large", button: "大字" },
  { id: "larger", button: "特大字" },
];
const THEMES = [
  { id: "standard", button: "标准" },
  { id: "high-contrast", button: "高对比度" },
];
const PANELS = [
  { id: "portrait", viewport: { width: 1080, height: 1920 }, scale: 1 },
  { id: "portrait-200", viewport: { width: 540, height: 960 }, scale: 2 },
  { id: "landscape", viewport: { width: 1920, height: 1080 }, scale: 1 },
  { id: "landscape-200", viewport: { width: 960, height: 540 }, scale: 2 },
];
// Three visits of each flow: the soak's visitor varies its answers by visit.
const FLOWS = ["eligibility", "booking", "callback"];
const VISITS = 9;

interface Arrival {
  screen: string;
  heading: string | null;
  control: string | null;
}

// The panels are the test's own; the other projects would only repeat it.
test.beforeEach(({}, info) => test.skip(info.project.name !== "portrait", "portrait project only"));

for (const size of SIZES) {
  for (const theme of THEMES) {
    for (const panel of PANELS) {
      test(`on arrival the heading and first control are in view: ${size.id} text, ${theme.id}, ${panel.id}`, async ({
        browser,
        baseURL,
      }, info) => {
        test.setTimeout(180_000);
        const context = await browser.newContext({
          baseURL,
          viewport: panel.viewport,
          deviceScaleFactor: panel.scale,
          locale: "zh-CN",
        });
        const page = await context.newPage();
        await page.addInitScript({ path: path.join(__dirname, "../bench/driver.js") });
        const shots = path.join(info.config.projects[0].outputDir, "screenshots/layout", `${theme.id}-${panel.id}`);
        let shot = 0;
        await page.exposeFunction("__layoutShot", async (screen: string) => {
          if (size.id !== "larger") return;
          shot += 1;
          const name = `${String(shot).padStart(2, "0")}-${screen.replace(/[\\/:*?"<>|？ ]/g, "_")}.png`;
          await page.screenshot({ path: path.join(shots, name) });
        });
        await page.addInitScript(() => {
          const w = window as unknown as Record<string, unknown>;
          const arrivals: unknown[] = [];
          w.__arrivals = arrivals;
          const controls = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";
          // Null when `el` is wholly inside the viewport, else where it is.
          const outside = (el: Element | null): string | null => {
            if (!el) return "missing";
            const r = el.getBoundingClientRect();
            const inside =
              r.width > 0 &&
              r.top >= -0.5 &&
              r.left >= -0.5 &&
              r.bottom <= innerHeight + 0.5 &&
              r.right <= innerWidth + 0.5;
            const label = (el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 30);
            return inside
              ? null
              : `"${label}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${innerWidth}×${innerHeight}`;
          };
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          w.__onScreen = async (screen: string) => {
            // A step that fetches (the days, the times) shows its answers once
            // they come: measured then, as the visitor sees them.
            for (let i = 0; i < 100 && document.querySelector("main .kiosk-flow__loading"); i++) await frame();
            await frame();
            const main = document.querySelector("main");
            const first = [...(main?.querySelectorAll(controls) ?? [])].find((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
            });
            arrivals.push({
              screen,
              heading: outside(document.querySelector("h1")),
              control: outside(first ?? null),
            });
            await (w.__layoutShot as (s: string) => Promise<void>)(screen);
          };
        });

        await page.goto("/accessibility");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("无障碍设置");
        await page.getByRole("group", { name: "文字大小" }).getByRole("button", { name: size.button, exact: true }).click();
        await page.getByRole("group", { name: "显示颜色" }).getByRole("button", { name: theme.button, exact: true }).click();
        await expect(page.locator("html")).toHaveAttribute("data-text-size", size.id);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme.id);
        await page.getByRole("main").getByRole("link", { name: "返回首页" }).click();
        const phoneBase = Math.floor(Math.random() * 9e7);
        await page.evaluate(
          ({ visits, flows, phoneBase }) =>
            (window as unknown as { __soak: { visits: (...a: unknown[]) => Promise<unknown> } }).__soak.visits(
              0,
              visits,
              flows,
              phoneBase,
            ),
          { visits: VISITS, flows: FLOWS, phoneBase },
        );
        // Two screens the visits do not pass: looking up a booking, and the
        // rating that "finish and clear" asks for after a visit that sent something.
        const h1 = page.getByRole("heading", { level: 1 });
        const arrive = async (heading: string) => {
          await expect(h1).toHaveText(heading);
          await page.evaluate(
            (h) => (window as unknown as { __onScreen: (h: string) => Promise<void> }).__onScreen(h),
            heading,
          );
        };
        await page.getByRole("main").getByRole("link", { name: /^预约办事/ }).click();
        await expect(h1).toHaveText("您要预约办理什么？");
        await page.getByRole("main").getByRole("link", { name: "查询或取消已有的预约" }).click();
        await arrive("请输入预约号");
        await page.getByRole("banner").getByRole("button", { name: "返回首页并清除" }).click();
        await arrive("您对这次自助服务满意吗？");
        const arrivals = (await page.evaluate(() => (window as unknown as { __arrivals: Arrival[] }).__arrivals)) ?? [];
        const screens = new Set(arrivals.map((a) => a.screen));
        // The flows' screens, the home screen, the settings, the lookup and the
        // rating: a walk that missed most of them would prove nothing.
        expect(screens.size, [...screens].join(", ")).toBeGreaterThanOrEqual(32);
        expect(screens).toContain("您对这次自助服务满意吗？");
        const cut = arrivals
          .filter((a) => a.heading || a.control)
          .map((a) => `${a.screen}: ${a.heading ? `heading ${a.heading}` : ""}${a.control ? ` first control ${a.control}` : ""}`);
        expect([...new Set(cut)]).toEqual([]);
        await context.close();
      });
    }
  }
}
