// Page objects for the kiosk, and a fixture that hands one to every test.
import { test as base, expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";

export const TILES = [
  { name: "法律援助自测", path: "/eligibility" },
  { name: "预约办事", path: "/booking" },
  { name: "12348 回拨", path: "/callback" },
  { name: "无障碍", path: "/accessibility" },
] as const;

export const DEMO_HALL = "示范区公共法律服务中心";

export class Kiosk {
  constructor(
    readonly page: Page,
    private readonly info: TestInfo,
  ) {}

  /** Opens a path and waits until the app (not the loading notice) shows its heading. */
  async open(path = "/") {
    await this.page.goto(path);
    await expect(this.page.locator("#kiosk-loading")).toHaveCount(0);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get header(): Locator {
    return this.page.getByRole("banner");
  }

  get tiles(): Locator {
    return this.page.getByRole("main").getByRole("list").getByRole("link");
  }

  tile(name: string): Locator {
    return this.page.getByRole("main").getByRole("listitem").getByRole("link", { name });
  }

  /** An answer button of a self-check question, by its exact label. */
  answer(name: string): Locator {
    return this.page.getByRole("main").getByRole("list").getByRole("button", { name, exact: true });
  }

  /** The project that also runs axe and writes screenshots on every step. */
  get primary(): boolean {
    return this.info.project.name === "portrait";
  }

  /** Tabs to the control whose text is `name` (at most 60 stops) and presses `key`. */
  async keyboardChoose(name: string, key = "Enter") {
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press("Tab");
      const text = await this.page.evaluate(() =>
        (document.activeElement?.textContent ?? "").replace(/[✓←]/g, "").replace(/\s+/g, " ").trim(),
      );
      if (text === name) {
        await this.page.keyboard.press(key);
        return;
      }
    }
    throw new Error(`keyboard could not reach "${name}"`);
  }

  /** Tabs until the element with `id` has focus (at most 60 stops). */
  async keyboardFocus(id: string) {
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press("Tab");
      if (await this.page.evaluate((id) => document.activeElement?.id === id, id)) return;
    }
    throw new Error(`keyboard could not reach #${id}`);
  }

  get touch(): boolean {
    return !!this.info.project.use.hasTouch;
  }

  /** Activates a control the way this project's visitor would: a tap or a click. */
  async press(target: Locator) {
    if (this.touch) await target.tap();
    else await target.click();
  }

  /** Runs axe with the WCAG 2.0–2.2 A/AA tags and expects no violations. */
  async expectNoAxeViolations() {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
    expect(summary, "axe violations").toEqual([]);
  }

  /** Saves a full-page screenshot as test-results/screenshots/<project>/<name>.png. */
  async screenshot(name: string) {
    const dir = `${this.info.config.projects[0].outputDir}/screenshots/${this.info.project.name}`;
    fs.mkdirSync(dir, { recursive: true });
    const file = `${dir}/${name}.png`;
    await this.page.screenshot({ path: file, fullPage: true });
    await this.info.attach(name, { path: file, contentType: "image/png" });
  }

  /** True when nothing sticks out sideways (the layout reflowed). */
  async hasNoHorizontalOverflow(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    );
  }
}

export const test = base.extend<{ kiosk: Kiosk }>({
  kiosk: async ({ page }, use, info) => {
    await use(new Kiosk(page, info));
  },
});

export { expect };
