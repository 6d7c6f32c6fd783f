// The 好差评 rating at the end of a visit that did something: five large answers,
// optional reasons, one tap to skip; anonymous (only the level, the reasons and
// the kind of visit are sent); a poor rating offers a call back of its own.
import { test, expect, type Kiosk } from "../fixtures";
import type { Page, Request } from "@playwright/test";

const RATING_HEADING = "您对这次自助服务满意吗？";
const LEVELS = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"];

function main(page: Page) {
  return page.getByRole("main");
}

function ratingPosts(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && /\/api\/v1\/kiosks\/[^/]+\/ratings$/.test(new URL(r.url()).pathname)) seen.push(r);
  });
  return seen;
}

/** The quickest self-check to a result (a migrant worker owed wages). */
async function selfCheck(kiosk: Kiosk) {
  const page = kiosk.page;
  await kiosk.open("/eligibility");
  await kiosk.press(page.getByRole("link", { name: "开始" }));
  await kiosk.press(kiosk.answer("工作和工资"));
  await kiosk.press(kiosk.answer("被拖欠工资"));
  await kiosk.press(kiosk.answer("否"));
  await kiosk.press(kiosk.answer("进城务工人员（农民工）"));
  await kiosk.press(page.getByRole("button", { name: "继续" }));
  await kiosk.press(kiosk.answer("都没有"));
  await kiosk.press(page.getByRole("link", { name: "查看结果" }));
  await expect(kiosk.heading).toHaveText("自测结果");
}

test("a poor rating after a self-check is sent with nothing personal, and offers a call back about it", async ({
  kiosk,
  page,
}) => {
  const posts = ratingPosts(page);
  await selfCheck(kiosk);
  await kiosk.press(page.getByRole("button", { name: "返回首页并清除" }));
  await expect(kiosk.heading).toHaveText(RATING_HEADING);
  await expect(kiosk.heading).toBeFocused();
  await expect(main(page)).toContainText("评价是匿名的");
  for (const level of LEVELS) await expect(kiosk.answer(level)).toBeVisible();
  // Large targets: every answer at least the kiosk's 60 px minimum.
  for (const level of LEVELS) {
    const box = (await kiosk.answer(level).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(60);
  }
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot("rating-levels");
  }
  await kiosk.press(kiosk.answer("不满意"));
  await expect(kiosk.heading).toHaveText("主要是因为什么？");
  await expect(main(page)).toContainText("您的评价： 不满意");
  // Reasons that fit a poor rating, never the praise.
  await expect(kiosk.answer("操作简单")).toHaveCount(0);
  await kiosk.press(kiosk.answer("不会操作"));
  await expect(kiosk.answer("不会操作")).toHaveAttribute("aria-pressed", "true");
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot("rating-reasons");
  }
  await kiosk.press(main(page).getByRole("button", { name: "提交评价" }));
  await expect(kiosk.heading).toHaveText("感谢您的评价！");
  await expect(main(page)).toContainText("我们可以打电话向您了解情况吗？");
  expect(posts).toHaveLength(1);
  expect(posts[0].postDataJSON()).toEqual({ level: "dissatisfied", reasons: ["hard_to_use"], flow: "self_check" });
  expect(posts[0].headers()["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot("rating-poor-thanks");
  }

  // The call back is a request of its own, about the service.
  await kiosk.press(main(page).getByRole("button", { name: "可以，请给我回电" }));
  await expect(kiosk.heading).toHaveText("什么时候给您打电话？");
  await kiosk.press(main(page).getByRole("button", { name: "上一步" }));
  await expect(kiosk.answer("对服务的意见")).toHaveAttribute("aria-pressed", "true");
  // Finishing now ends the visit: it was rated already.
  await kiosk.press(page.getByRole("button", { name: "返回首页并清除" }));
  await expect(page).toHaveURL("/welcome");
  expect(posts).toHaveLength(1);
});

test("the rating is skipped with one tap, and a visit that did nothing is not asked", async ({ kiosk, page }) => {
  const posts = ratingPosts(page);
  await selfCheck(kiosk);
  await kiosk.press(page.getByRole("button", { name: "返回首页并清除" }));
  await expect(kiosk.heading).toHaveText(RATING_HEADING);
  await kiosk.press(main(page).getByRole("button", { name: "不评价，结束" }));
  await expect(page).toHaveURL("/welcome");
  // The header's finish button on the rating screen is a skip too.
  await kiosk.press(main(page).getByRole("button", { name: /轻触屏幕任意位置开始/ }));
  await selfCheck(kiosk);
  await kiosk.press(page.getByRole("button", { name: "返回首页并清除" }));
  await expect(kiosk.heading).toHaveText(RATING_HEADING);
  await kiosk.press(page.getByRole("banner").getByRole("button", { name: "返回首页并清除" }));
  await expect(page).toHaveURL("/welcome");

  await kiosk.open("/booking");
  await kiosk.press(page.getByRole("button", { name: "返回首页并清除" }));
  await expect(page).toHaveURL("/welcome");
  // Opened by address with nothing to rate: the visit simply ends.
  await kiosk.page.goto("/rating");
  await expect(page).toHaveURL("/welcome");
  expect(posts).toHaveLength(0);
});

test("keyboard alone rates a visit, in English", async ({ kiosk, page }) => {
  test.skip(kiosk.touch, "keys, not touch");
  const posts = ratingPosts(page);
  await selfCheck(kiosk);
  await kiosk.press(page.getByRole("button", { name: "English" }));
  await kiosk.keyboardChoose("Finish and clear");
  await expect(kiosk.heading).toHaveText("How satisfied are you with this visit?");
  await kiosk.keyboardChoose("Very satisfied");
  await expect(kiosk.heading).toHaveText("What was it mainly about?");
  await kiosk.keyboardChoose("Quick", " ");
  await kiosk.keyboardChoose("Send the rating");
  await expect(kiosk.heading).toHaveText("Thank you for your rating!");
  await expect(main(page)).not.toContainText("May we call you");
  if (kiosk.primary) await kiosk.expectNoAxeViolations();
  await kiosk.keyboardChoose("Finish");
  await expect(page).toHaveURL("/welcome");
  expect(posts.map((p) => p.postDataJSON())).toEqual([{ level: "very_satisfied", reasons: ["quick"], flow: "self_check" }]);
});
