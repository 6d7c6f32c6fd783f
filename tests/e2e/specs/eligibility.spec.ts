import { test, expect, type Kiosk } from "../fixtures";
import type { Page, Request } from "@playwright/test";

/** Every request the page makes, to prove the answers never leave the kiosk. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (r) => seen.push(r));
  return seen;
}

function expectNothingSent(requests: Request[], words: string[]) {
  for (const r of requests) {
    // The kiosk's heartbeat is the one POST: about the kiosk, never the visitor.
    if (/^\/api\/v1\/kiosks\/[^/]+\/heartbeat$/.test(new URL(r.url()).pathname)) {
      expect(Object.keys(JSON.parse(r.postData() ?? "{}")).sort()).toEqual([
        "errors",
        "interval_s",
        "last_interaction_s",
        "uptime_s",
        "version",
      ]);
      continue;
    }
    expect(r.method(), `${r.method()} ${r.url()}`).toBe("GET");
    expect(r.postData() ?? "").toBe("");
    for (const w of words) expect(r.url()).not.toContain(w);
    const url = new URL(r.url());
    // The only self-check request is for the hall's standards, with no query.
    if (url.pathname.startsWith("/api/v1/eligibility")) {
      expect(url.pathname).toBe("/api/v1/eligibility/standards");
      expect(url.search).toBe("");
    }
  }
}

/** Answers one screen: checks it, optionally runs axe and takes a screenshot. */
async function step(kiosk: Kiosk, heading: string | RegExp, shot: string, answer: () => Promise<void>) {
  await expect(kiosk.heading).toHaveText(heading);
  await expect(kiosk.heading).toBeFocused();
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot(`eligibility-${shot}`);
  }
  await answer();
}

test("a migrant worker owed wages is told legal aid is likely, without a test of means", async ({
  kiosk,
  page,
}) => {
  const requests = recordRequests(page);
  await kiosk.open("/");
  await kiosk.press(kiosk.tile("法律援助自测"));
  await step(kiosk, "法律援助自测", "intro", () => kiosk.press(page.getByRole("link", { name: "开始" })));
  await step(kiosk, "您遇到的是哪一类问题？", "category", async () => {
    await expect(page.getByText("第 1 题，共 4 题")).toBeVisible();
    await kiosk.press(kiosk.answer("工作和工资"));
  });
  await step(kiosk, "具体是什么事？", "matter", () => kiosk.press(kiosk.answer("被拖欠工资")));
  await step(kiosk, "这件事您已经请了律师吗？", "lawyer", () => kiosk.press(kiosk.answer("否")));
  await step(kiosk, "下面哪些情况符合您，并且有证明？", "statuses", async () => {
    await kiosk.press(kiosk.answer("进城务工人员（农民工）"));
    await expect(kiosk.answer("进城务工人员（农民工）")).toHaveAttribute("aria-pressed", "true");
    await kiosk.press(page.getByRole("button", { name: "继续" }));
  });
  await step(kiosk, "有没有很急的情况？", "urgency", () => kiosk.press(kiosk.answer("都没有")));
  await step(kiosk, "请核对您的回答", "check", async () => {
    await expect(page.getByRole("main")).toContainText("被拖欠工资");
    await expect(page.getByRole("main")).toContainText("进城务工人员（农民工）");
    await kiosk.press(page.getByRole("link", { name: "查看结果" }));
  });
  await step(kiosk, "自测结果", "result-likely", async () => {
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 2, name: "很可能可以获得法律援助" })).toBeVisible();
    await expect(main).toContainText("带上证明，可免查经济状况");
    await expect(main).toContainText("《法律援助法》第31条第5项");
    await expect(main).toContainText("《法律援助法》第42条第3项");
    await expect(main).toContainText("7日内");
    await expect(main).toContainText("身份证明材料");
    await expect(main.getByRole("link", { name: "预约法律援助" })).toHaveAttribute(
      "href",
      "/booking?service=legal_aid",
    );
    await expect(main).not.toContainText("驳回");
    await expect(main).not.toContainText("拒绝");
  });
  expectNothingSent(requests, ["wages", "migrant", "statuses"]);
});

test("a household above the Shanghai standard is told aid is unlikely, with the standard shown", async ({
  kiosk,
  page,
}) => {
  const requests = recordRequests(page);
  await kiosk.open("/eligibility");
  await kiosk.press(page.getByRole("link", { name: "开始" }));
  await kiosk.press(kiosk.answer("事故和受伤赔偿"));
  await kiosk.press(kiosk.answer("交通事故受伤赔偿"));
  await kiosk.press(kiosk.answer("否"));
  await step(kiosk, "下面哪些情况符合您，并且有证明？", "statuses-none", () =>
    kiosk.press(page.getByRole("button", { name: "都没有" })),
  );
  await step(kiosk, "您的事情在哪里办理？", "region", () => kiosk.press(kiosk.answer("上海市")));
  await step(kiosk, "您家一起生活的有几口人（包括您）？", "household", () =>
    kiosk.press(kiosk.answer("2 人")),
  );
  await step(kiosk, "全家每月收入一共大约多少元？", "income", async () => {
    // Continue with nothing entered: a clear, specific error, and nothing lost.
    await kiosk.press(page.getByRole("button", { name: "继续" }));
    await expect(page.getByRole("alert")).toContainText("请输入金额");
    const field = page.getByLabel("每月收入（元）");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    if (kiosk.primary) {
      await kiosk.expectNoAxeViolations();
      await kiosk.screenshot("eligibility-income-error");
    }
    for (const key of ["8", "0", "0", "0"]) {
      await kiosk.press(page.getByRole("group", { name: "数字键" }).getByRole("button", { name: key, exact: true }));
    }
    await expect(field).toHaveValue("8000");
    await kiosk.press(page.getByRole("button", { name: "继续" }));
  });
  await kiosk.press(kiosk.answer("都没有"));
  await expect(kiosk.heading).toHaveText("请核对您的回答");
  await expect(page.getByRole("main")).toContainText("8000 元");
  await kiosk.press(page.getByRole("link", { name: "查看结果" }));
  await step(kiosk, "自测结果", "result-unlikely", async () => {
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 2, name: "获得法律援助的可能性不大" })).toBeVisible();
    await expect(main).toContainText("上海市标准（2024-07-01 起）：每人每月 3190 元");
    await expect(main).toContainText("每人每月约 4000 元");
    await expect(main).toContainText("经济困难状况说明表");
  });
  expectNothingSent(requests, ["8000", "310000", "traffic"]);
});

test("the kiosk uses the standards its server serves, not only the built-in ones", async ({
  kiosk,
  page,
}) => {
  await kiosk.open("/eligibility");
  await kiosk.press(page.getByRole("link", { name: "开始" }));
  await kiosk.press(kiosk.answer("事故和受伤赔偿"));
  await kiosk.press(kiosk.answer("医疗事故受伤赔偿"));
  await kiosk.press(kiosk.answer("否"));
  await kiosk.press(page.getByRole("button", { name: "都没有" }));
  // "测试地区" exists only in the file the server was started with.
  await kiosk.press(kiosk.answer("测试地区"));
  await kiosk.press(kiosk.answer("1 人"));
  await page.getByLabel("每月收入（元）").fill("4000");
  await kiosk.press(page.getByRole("button", { name: "继续" }));
  await kiosk.press(kiosk.answer("都没有"));
  await kiosk.press(page.getByRole("link", { name: "查看结果" }));
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 2, name: "很可能可以获得法律援助" })).toBeVisible();
  await expect(main).toContainText("测试地区标准（2020-01-01 起）：每人每月 5000 元");
});

test("a deep link into the middle of the self-check starts at its first question", async ({
  kiosk,
  page,
}) => {
  await page.goto("/eligibility/q/urgency");
  await expect(page).toHaveURL("/eligibility/q/category");
  await expect(kiosk.heading).toHaveText("您遇到的是哪一类问题？");
});

test("an urgent domestic-violence case leads with asking staff now", async ({ kiosk, page }) => {
  const requests = recordRequests(page);
  await kiosk.open("/eligibility");
  await kiosk.press(page.getByRole("link", { name: "开始" }));
  await kiosk.press(kiosk.answer("家庭"));
  await kiosk.press(kiosk.answer("虐待、遗弃或家庭暴力"));
  await kiosk.press(kiosk.answer("否"));
  await step(kiosk, "有没有很急的情况？", "urgency-deadline", () =>
    kiosk.press(kiosk.answer("起诉、仲裁等期限不到 7 天")),
  );
  await kiosk.press(page.getByRole("link", { name: "查看结果" }));
  await step(kiosk, "自测结果", "result-urgent", async () => {
    const main = page.getByRole("main");
    await expect(main.getByRole("alert")).toContainText("情况紧急");
    await expect(main).toContainText("不审查经济状况");
    await expect(main).toContainText("《法律援助法》第44条");
    const next = main.locator(".kiosk-result__next > *");
    await expect(next.first()).toHaveText("现在找工作人员");
    await kiosk.press(next.first());
    await expect(main.getByRole("status").filter({ hasText: "服务窗口" })).toBeVisible();
  });
  expectNothingSent(requests, ["abuse", "deadline"]);
});

test("keyboard alone completes the self-check, and Back and Change keep the answers", async ({
  kiosk,
  page,
}) => {
  test.skip(!kiosk.primary, "one keyboard run is enough");
  await kiosk.open("/eligibility");
  await kiosk.keyboardChoose("开始");
  await kiosk.keyboardChoose("工作和工资");
  await kiosk.keyboardChoose("被拖欠工资");
  await expect(kiosk.heading).toHaveText("这件事您已经请了律师吗？");
  await kiosk.keyboardChoose("上一步");
  await expect(kiosk.heading).toHaveText("具体是什么事？");
  await expect(kiosk.answer("被拖欠工资")).toHaveAttribute("aria-pressed", "true");
  await kiosk.keyboardChoose("被拖欠工资");
  await kiosk.keyboardChoose("否");
  await kiosk.keyboardChoose("进城务工人员（农民工）", " ");
  await kiosk.keyboardChoose("继续");
  await kiosk.keyboardChoose("都没有");
  await expect(kiosk.heading).toHaveText("请核对您的回答");
  // Change the lawyer answer: "yes" settles the route, so fewer questions remain.
  await kiosk.keyboardChoose("修改 这件事您已经请了律师吗？");
  await kiosk.keyboardChoose("是");
  await expect(kiosk.heading).toHaveText("请核对您的回答");
  await kiosk.keyboardChoose("查看结果");
  await expect(page.getByRole("heading", { level: 2, name: "获得法律援助的可能性不大" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("已经有律师");
});

test("keyboard alone completes the unlikely and the urgent journeys", async ({ kiosk, page }) => {
  test.skip(!kiosk.primary, "one keyboard run is enough");
  await kiosk.open("/eligibility");
  await kiosk.keyboardChoose("开始");
  await kiosk.keyboardChoose("事故和受伤赔偿");
  await kiosk.keyboardChoose("交通事故受伤赔偿");
  await kiosk.keyboardChoose("否");
  await kiosk.keyboardChoose("都没有");
  await kiosk.keyboardChoose("上海市");
  await kiosk.keyboardChoose("2 人");
  await kiosk.keyboardFocus("kiosk-income");
  await page.keyboard.type("8000");
  await kiosk.keyboardChoose("继续");
  await kiosk.keyboardChoose("都没有");
  await kiosk.keyboardChoose("查看结果");
  await expect(page.getByRole("heading", { level: 2, name: "获得法律援助的可能性不大" })).toBeVisible();

  await kiosk.keyboardChoose("重新自测");
  await kiosk.keyboardChoose("开始");
  await kiosk.keyboardChoose("家庭");
  await kiosk.keyboardChoose("虐待、遗弃或家庭暴力");
  await kiosk.keyboardChoose("否");
  await kiosk.keyboardChoose("起诉、仲裁等期限不到 7 天");
  await kiosk.keyboardChoose("查看结果");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("情况紧急");
  await kiosk.keyboardChoose("现在找工作人员");
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "服务窗口" })).toBeVisible();
});

test("the self-check in English and at the largest text size passes axe", async ({ kiosk, page }) => {
  test.skip(!kiosk.primary, "one run is enough");
  await kiosk.open("/accessibility");
  await kiosk.press(page.getByRole("button", { name: "特大字" }));
  await kiosk.press(page.getByRole("button", { name: "English" }));
  await kiosk.press(page.getByRole("main").getByRole("link", { name: "Back to the start" }));
  await kiosk.press(kiosk.tile("Legal aid self-check"));
  await expect(kiosk.heading).toHaveText("Legal aid self-check");
  await kiosk.expectNoAxeViolations();
  await kiosk.press(page.getByRole("link", { name: "Start", exact: true }));
  await expect(kiosk.heading).toHaveText("What is your problem about?");
  await expect(page.getByText("Question 1 of 4")).toBeVisible();
  await kiosk.expectNoAxeViolations();
  expect(await kiosk.hasNoHorizontalOverflow()).toBe(true);
  await kiosk.screenshot("eligibility-category-en-larger");
});
