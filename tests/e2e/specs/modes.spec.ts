// Every screen of every flow in each barrier-free mode: axe finds nothing, nothing
// sticks out sideways, and every control is big enough to touch (44×44 CSS px,
// 60×60 with enlarged text). Modes are chosen in the accessibility panel, as a
// visitor would, and last for the visit, so each journey runs without reloading.
import { test, expect, type Kiosk, keypadType, uniquePhone, anyOf,
} from "../fixtures";
import type { Page } from "@playwright/test";

// The touch project has the portrait viewport: these mode checks run there once.
test.skip(({ kiosk }) => kiosk.touch, "same viewport as portrait");

type Mode = { name: string; choose: (kiosk: Kiosk) => Promise<void>; minTarget: number };

const MODES: Mode[] = [
  { name: "standard", choose: async () => {}, minTarget: 44 },
  {
    name: "larger-text",
    choose: (kiosk) => kiosk.press(kiosk.page.getByRole("button", { name: "特大字" })),
    minTarget: 60,
  },
  {
    name: "high-contrast",
    choose: (kiosk) => kiosk.press(kiosk.page.getByRole("button", { name: "高对比度" })),
    minTarget: 44,
  },
];

/** Controls smaller than `min` CSS px either way, and the page's sideways overflow. */
async function layoutProblems(page: Page, min: number) {
  return page.evaluate((min) => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("button, a[href], input")) {
      if (el.closest(".kiosk-skip-link")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        small.push(`${el.tagName} "${(el.textContent ?? "").trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    return { small, overflow };
  }, min);
}

async function check(kiosk: Kiosk, mode: Mode, shot: string) {
  await expect(kiosk.heading).toBeVisible();
  await kiosk.expectNoAxeViolations();
  const { small, overflow } = await layoutProblems(kiosk.page, mode.minTarget);
  expect(overflow, `${shot}: sideways overflow`).toBeLessThanOrEqual(0);
  expect(small, `${shot}: controls under ${mode.minTarget} px`).toEqual([]);
  if (kiosk.primary && ["home", "self-check-question", "booking-done", "callback-done"].includes(shot)) {
    await kiosk.screenshot(`mode-${mode.name}-${shot}`);
  }
}

function main(page: Page) {
  return page.getByRole("main");
}

async function openIn(kiosk: Kiosk, mode: Mode) {
  await kiosk.open("/accessibility");
  await mode.choose(kiosk);
  await check(kiosk, mode, "accessibility");
  await kiosk.press(main(kiosk.page).getByRole("link", { name: "返回首页" }));
  await expect(kiosk.tiles).toHaveCount(4);
  await check(kiosk, mode, "home");
}

for (const mode of MODES) {
  test.describe(`in ${mode.name} mode`, () => {
    test("the inactivity warning, staff sign-in and the staff panel", async ({ kiosk, page }) => {
      await page.clock.install();
      await openIn(kiosk, mode);
      await page.clock.runFor(60_000);
      await expect(page.getByRole("alertdialog")).toBeVisible();
      await check(kiosk, mode, "idle-warning");
      await kiosk.press(page.getByRole("button", { name: "我还在，继续" }));
      await page.keyboard.press("Control+Alt+m");
      await expect(kiosk.heading).toHaveText("工作人员登录");
      await check(kiosk, mode, "staff-sign-in");
      await keypadType(kiosk, "246810");
      await kiosk.press(main(page).getByRole("button", { name: "登录" }));
      await expect(kiosk.heading).toHaveText("维护面板");
      await check(kiosk, mode, "staff-panel");
      if (kiosk.primary) await kiosk.screenshot(`mode-${mode.name}-staff-panel`);
    });

    test("the self-check, screen by screen", async ({ kiosk, page }) => {
      await openIn(kiosk, mode);
      await kiosk.press(kiosk.tile("法律援助自测"));
      await check(kiosk, mode, "self-check-intro");
      await kiosk.press(page.getByRole("link", { name: "开始" }));
      await check(kiosk, mode, "self-check-question");
      await kiosk.press(kiosk.answer("工作和工资"));
      await kiosk.press(kiosk.answer("被拖欠工资"));
      await kiosk.press(kiosk.answer("否"));
      await check(kiosk, mode, "self-check-statuses");
      await kiosk.press(page.getByRole("button", { name: "都没有" }));
      await check(kiosk, mode, "self-check-next");
    });

    test("booking, screen by screen, to the receipt", async ({ kiosk, page }) => {
      await openIn(kiosk, mode);
      await kiosk.press(kiosk.tile("预约办事"));
      await check(kiosk, mode, "booking-service");
      await kiosk.press(main(page).getByRole("link", { name: "查询或取消已有的预约" }));
      await check(kiosk, mode, "booking-lookup");
      await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
      await check(kiosk, mode, "booking-lookup-error");
      await kiosk.press(main(page).getByRole("button", { name: "上一步" }));
      await expect(kiosk.heading).toHaveText("您要预约办理什么？");
      await kiosk.press(main(page).getByRole("button", { name: /^法律援助/ }));
      await check(kiosk, mode, "booking-day");
      await kiosk.press(await anyOf(main(page).getByRole("button", { name: /可预约/ })));
      await check(kiosk, mode, "booking-time");
      await kiosk.press(await anyOf(main(page).getByRole("button", { name: /还剩/ })));
      await check(kiosk, mode, "booking-name");
      await kiosk.press(page.getByRole("button", { name: "拼音" }));
      await check(kiosk, mode, "booking-name-pinyin");
      await kiosk.press(page.getByRole("button", { name: "常见姓氏" }));
      await kiosk.press(page.getByRole("group", { name: "常见姓氏" }).getByRole("button", { name: "王", exact: true }));
      await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
      await check(kiosk, mode, "booking-phone");
      await keypadType(kiosk, "2");
      await check(kiosk, mode, "booking-phone-error");
      await kiosk.press(page.getByRole("button", { name: "清空" }));
      await keypadType(kiosk, uniquePhone());
      await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
      await check(kiosk, mode, "booking-id");
      await keypadType(kiosk, "110105194912310021");
      await check(kiosk, mode, "booking-id-error");
      await kiosk.press(page.getByRole("button", { name: "删除" }));
      await kiosk.press(page.getByRole("button", { name: "X", exact: true }));
      await check(kiosk, mode, "booking-id-masked");
      await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
      await check(kiosk, mode, "booking-needs");
      await kiosk.press(main(page).getByRole("button", { name: "不需要" }));
      await check(kiosk, mode, "booking-notice");
      await kiosk.press(main(page).getByRole("button", { name: "我同意，继续" }));
      await check(kiosk, mode, "booking-check");
      await kiosk.press(main(page).getByRole("button", { name: "确认预约" }));
      await expect(kiosk.heading).toHaveText("预约成功");
      await check(kiosk, mode, "booking-done");
    });

    test("a callback request, screen by screen", async ({ kiosk, page }) => {
      await openIn(kiosk, mode);
      await kiosk.press(kiosk.tile("12348 回拨"));
      await check(kiosk, mode, "callback-topic");
      await kiosk.press(main(page).getByRole("button", { name: "交通事故" }));
      await check(kiosk, mode, "callback-when");
      await kiosk.press(main(page).getByRole("button", { name: "尽快" }));
      await check(kiosk, mode, "callback-phone");
      await keypadType(kiosk, uniquePhone());
      await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
      await check(kiosk, mode, "callback-name");
      await kiosk.press(main(page).getByRole("button", { name: "跳过" }));
      await check(kiosk, mode, "callback-safety");
      await kiosk.press(main(page).getByRole("button", { name: "可以说是 12348" }));
      await check(kiosk, mode, "callback-needs");
      await kiosk.press(main(page).getByRole("button", { name: "不需要" }));
      await check(kiosk, mode, "callback-note");
      await kiosk.press(main(page).getByRole("button", { name: "跳过" }));
      await check(kiosk, mode, "callback-notice");
      await kiosk.press(main(page).getByRole("button", { name: "我同意，继续" }));
      await check(kiosk, mode, "callback-check");
      await kiosk.press(main(page).getByRole("button", { name: "确认提交" }));
      await expect(kiosk.heading).toHaveText("已收到您的回电请求");
      await check(kiosk, mode, "callback-done");
    });
  });
}

test("keys alone, in the largest text with high contrast: a callback request with arrows and Enter", async ({
  kiosk,
  page,
}) => {
  // F2 opens the accessibility panel from anywhere; Escape goes back.
  await kiosk.open("/");
  await page.keyboard.press("F2");
  await expect(kiosk.heading).toHaveText("无障碍设置");
  await kiosk.press(page.getByRole("button", { name: "特大字" }));
  await kiosk.press(page.getByRole("button", { name: "高对比度" }));
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL("/");
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "high-contrast");
  /** Arrows down until the focused control's text matches, then Enter. */
  const arrowTo = async (name: RegExp) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("ArrowDown");
      const text = await page.evaluate(() => {
        const el = document.activeElement;
        return el && ["BUTTON", "A"].includes(el.tagName) ? (el.textContent ?? "") : "";
      });
      if (name.test(text)) {
        await page.keyboard.press("Enter");
        return;
      }
    }
    throw new Error(`arrows could not reach ${name}`);
  };
  await arrowTo(/^12348 回拨/);
  await expect(kiosk.heading).toHaveText("您想咨询哪方面的问题？");
  await arrowTo(/婚姻、离婚/);
  await expect(kiosk.heading).toHaveText("什么时候给您打电话？");
  await arrowTo(/尽快/);
  await expect(kiosk.heading).toHaveText("打哪个电话给您？");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#kiosk-phone")).toBeFocused();
  await page.keyboard.type(uniquePhone());
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("怎么称呼您？（可以不填）");
  await arrowTo(/^跳过$/);
  await arrowTo(/不要说是 12348/);
  await arrowTo(/^不需要$/);
  await expect(kiosk.heading).toHaveText("想先说一句您的问题吗？（可以不填）");
  await arrowTo(/^跳过$/);
  await arrowTo(/我同意，继续/);
  await expect(kiosk.heading).toHaveText("请核对回电请求");
  await kiosk.expectNoAxeViolations();
  await arrowTo(/^确认提交$/);
  await expect(kiosk.heading).toHaveText("已收到您的回电请求");
  await kiosk.expectNoAxeViolations();
  if (kiosk.primary) await kiosk.screenshot("mode-keys-larger-contrast-callback-done");
});

test("reduced motion stops animation, from the panel and from the system setting", async ({ kiosk, page }) => {
  const spinnerAnimation = () =>
    page.evaluate(() => {
      const s = document.createElement("span");
      s.className = "kiosk-submit__spinner";
      document.body.append(s);
      const name = getComputedStyle(s).animationName;
      s.remove();
      return name;
    });
  await kiosk.open("/accessibility");
  expect(await spinnerAnimation()).not.toBe("none");
  await kiosk.press(page.getByRole("group", { name: "减少动画" }).getByRole("button", { name: "打开" }));
  await expect(page.locator("html")).toHaveAttribute("data-reduced-motion", "true");
  expect(await spinnerAnimation()).toBe("none");
  await kiosk.press(page.getByRole("group", { name: "减少动画" }).getByRole("button", { name: "关闭" }));
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await spinnerAnimation()).toBe("none");
});
