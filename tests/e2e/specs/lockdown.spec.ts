// Lockdown inside the page (#7): no browser menu, no selecting or dragging page
// content, no browser zoom, no way off the kiosk's own origin or into another
// window. Real input where the test browser can produce it (right and middle
// clicks, Ctrl + wheel, Ctrl + keys, a touch pinch), dispatched events otherwise.
import { test, expect, type Kiosk } from "../fixtures";
import type { Page } from "@playwright/test";

/** The attract screen, home, and the screens its tiles open. */
const SCREENS = ["/welcome", "/", "/eligibility", "/booking", "/callback", "/accessibility"];

type Seen = { type: string; prevented: boolean };

/**
 * Records, for each event of `types` that reaches the window (after every
 * listener of the app has run), whether it was cancelled.
 */
async function recordCancels(page: Page, types: string[]) {
  await page.evaluate((types) => {
    const w = window as unknown as { __seen: Seen[] };
    w.__seen = [];
    for (const type of types) {
      window.addEventListener(type, (e) => w.__seen.push({ type, prevented: e.defaultPrevented }));
    }
  }, types);
}

async function seen(page: Page): Promise<Seen[]> {
  return page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
}

type Dispatched = "selectstart" | "contextmenu" | "dragstart" | "wheel";

/**
 * Dispatches a cancelable, bubbling event of `kind` on `target` (a temporary text
 * field for "field"); true when the page cancelled it. For what the test browser
 * cannot produce as real input: a long press, a drag, selecting.
 */
async function cancelled(
  page: Page,
  kind: Dispatched,
  target: "heading-text" | "heading" | "tile" | "field",
): Promise<boolean> {
  return page.evaluate(
    ({ kind, target }) => {
      const init = { bubbles: true, cancelable: true };
      const event = {
        selectstart: () => new Event("selectstart", init),
        contextmenu: () => new MouseEvent("contextmenu", init),
        dragstart: () => new DragEvent("dragstart", init),
        wheel: () => new WheelEvent("wheel", { ...init, deltaY: 100 }),
      }[kind]();
      const heading = document.querySelector("h1")!;
      const field = document.createElement("input");
      field.value = "张三";
      document.body.append(field);
      try {
        const node: Node = {
          "heading-text": () => heading.firstChild!,
          heading: () => heading,
          tile: () => document.querySelector("main a[href]")!,
          field: () => field,
        }[target]();
        return !node.dispatchEvent(event);
      } finally {
        field.remove();
      }
    },
    { kind, target },
  );
}

/** Puts a link into the screen's main region and returns it. */
async function addLink(kiosk: Kiosk, name: string, attributes: Record<string, string>) {
  await kiosk.page.evaluate(
    ({ name, attributes }) => {
      const a = document.createElement("a");
      for (const [key, value] of Object.entries(attributes)) a.setAttribute(key, value);
      a.textContent = name;
      a.className = "kiosk-button";
      document.querySelector("main")!.prepend(a);
    },
    { name, attributes },
  );
  return kiosk.page.getByRole("main").getByRole("link", { name, exact: true });
}

test("the page's text cannot be selected or called out, and only scrolling is left to touch", async ({
  kiosk,
  page,
}) => {
  await kiosk.open("/");
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.documentElement);
    const field = document.createElement("input");
    document.body.append(field);
    const fieldSelect = getComputedStyle(field).userSelect;
    field.remove();
    const tile = getComputedStyle(document.querySelector("main a[href]")!);
    return {
      userSelect: s.userSelect,
      touchAction: s.touchAction,
      overscroll: [s.overscrollBehaviorX, s.overscrollBehaviorY],
      fieldSelect,
      linkDrag: tile.getPropertyValue("-webkit-user-drag"),
    };
  });
  expect(style).toEqual({
    userSelect: "none",
    // Not `manipulation`: that would still allow pinch zoom.
    touchAction: "pan-x pan-y",
    overscroll: ["none", "none"],
    fieldSelect: "text",
    linkDrag: "none",
  });

  // A triple click, which selects a paragraph in a normal page, selects nothing.
  await kiosk.heading.click({ clickCount: 3 });
  expect(await page.evaluate(() => String(window.getSelection()))).toBe("");
});

test("selecting starts only inside a text field", async ({ kiosk, page }) => {
  await kiosk.open("/");
  expect(await cancelled(page, "selectstart", "heading-text")).toBe(true);
  expect(await cancelled(page, "selectstart", "field")).toBe(false);
});

test("a right click or long press opens no browser menu", async ({ kiosk, page }) => {
  await kiosk.open("/");
  await recordCancels(page, ["contextmenu"]);
  await kiosk.heading.click({ button: "right" });
  await kiosk.tile("预约办事").click({ button: "right" });
  expect(await seen(page)).toEqual([
    { type: "contextmenu", prevented: true },
    { type: "contextmenu", prevented: true },
  ]);
  // A long press on a touch screen sends the same event.
  expect(await cancelled(page, "contextmenu", "heading")).toBe(true);
});

test("links and images cannot be dragged out of the page", async ({ kiosk, page }) => {
  await kiosk.open("/");
  expect(await cancelled(page, "dragstart", "tile")).toBe(true);
  expect(await cancelled(page, "dragstart", "heading-text")).toBe(true);
});

test("Ctrl with the wheel or with + - = 0 does not zoom the browser", async ({ kiosk, page }) => {
  await kiosk.open("/");
  await recordCancels(page, ["wheel", "keydown"]);
  const box = (await kiosk.heading.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -120);
  for (const key of ["Equal", "Minus", "Digit0", "NumpadAdd", "NumpadSubtract"]) {
    await page.keyboard.press(key);
  }
  await page.keyboard.up("Control");
  await expect.poll(() => seen(page)).toContainEqual({ type: "wheel", prevented: true });
  const events = await seen(page);
  const zoomKeys = events.filter((e) => e.type === "keydown").slice(1); // after Control itself
  expect(zoomKeys).toHaveLength(5);
  expect(zoomKeys.every((e) => e.prevented), JSON.stringify(zoomKeys)).toBe(true);
  expect(events.filter((e) => e.type === "wheel").every((e) => e.prevented)).toBe(true);
  // The wheel without Ctrl still scrolls.
  expect(await cancelled(page, "wheel", "heading")).toBe(false);
});

test("a two-finger pinch does not zoom the screen", async ({ kiosk, page }) => {
  test.skip(!kiosk.touch, "pinching needs a touch screen");
  await kiosk.open("/");
  const box = (await kiosk.heading.boundingBox())!;
  const x = Math.round(box.x + box.width / 2);
  const y = Math.round(box.y + box.height / 2);
  const fingers = (apart: number) => [
    { x: x - 100 - apart, y, id: 0 },
    { x: x + 100 + apart, y, id: 1 },
  ];
  // Two fingers moving apart, as real touch input (Playwright has no pinch of its own).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(0) });
  for (const apart of [20, 40, 60, 80, 100]) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(apart) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  // Without the lockdown this zooms the page (to about 2.5 in the test browser).
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.visualViewport!.scale)).toBe(1);
});

test("a link to another site, into another window or for a download goes nowhere", async ({
  kiosk,
  page,
}) => {
  await kiosk.open("/");
  let offSite = 0;
  await page.route("https://example.com/**", (route) => {
    offSite += 1;
    return route.abort();
  });
  const popups: string[] = [];
  page.context().on("page", (p) => popups.push(p.url()));
  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.url()));

  await kiosk.press(await addLink(kiosk, "外部网站", { href: "https://example.com/" }));
  await kiosk.press(await addLink(kiosk, "新窗口", { href: "/accessibility", target: "_blank" }));
  await kiosk.press(await addLink(kiosk, "顶层窗口", { href: "/accessibility", target: "_top" }));
  await kiosk.press(await addLink(kiosk, "下载", { href: "/accessibility", download: "" }));
  await kiosk.press(await addLink(kiosk, "电话", { href: "tel:12348" }));
  // A middle click or Ctrl / Shift + click would open the kiosk's own page in a new tab or
  // window; Alt + click would download it.
  await kiosk.tile("无障碍").click({ button: "middle" });
  for (const modifier of ["Control", "Shift", "Alt"] as const) {
    await kiosk.tile("无障碍").click({ modifiers: [modifier] });
  }

  expect(new URL(page.url()).pathname).toBe("/");
  expect(offSite).toBe(0);
  expect(popups).toEqual([]);
  expect(downloads).toEqual([]);
  expect(page.context().pages()).toHaveLength(1);

  // The kiosk's own links still work.
  await kiosk.press(kiosk.tile("无障碍"));
  await expect(kiosk.heading).toHaveText("无障碍设置");
});

test("no screen links to another site or opens another window", async ({ kiosk, page }) => {
  for (const screen of SCREENS) {
    await kiosk.open(screen);
    const found = await page.evaluate(() => ({
      otherWindow: [...document.querySelectorAll("[target]:not([target='_self'])")].map((el) => el.outerHTML),
      offSite: [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
        .filter((a) => a.origin !== location.origin)
        .map((a) => a.href),
    }));
    expect(found, screen).toEqual({ otherWindow: [], offSite: [] });
  }
});
