// A hall as it is deployed: one central server, and two kiosk PCs each running
// `kiosk-server edge` in front of it, all real processes. One appointment book
// for the hall, one 12348 queue, and a kiosk that keeps callback requests while
// the central cannot be reached.
import {
  test,
  expect,
  Kiosk,
  pressContinue,
  keypadType,
  uniquePhone,
  Central,
  Edge,
  STAFF_PIN,
} from "../fixtures";
import type { Page } from "@playwright/test";

function main(page: Page) {
  return page.getByRole("main");
}

// Each test starts a central and two edges of its own; one project (portrait)
// is enough, the flows themselves are covered in all three by their own specs.
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== "portrait", "the deployment runs once, in portrait");
});

let central: Central;
let kioskA: Edge;
let kioskB: Edge;

test.beforeEach(async () => {
  central = await Central.start();
  kioskA = await Edge.start(central, "hall-kiosk-a");
  kioskB = await Edge.start(central, "hall-kiosk-b");
});

test.afterEach(async () => {
  await kioskA?.down();
  await kioskB?.down();
  await central?.down();
});

async function shoot(kiosk: Kiosk, name: string) {
  await kiosk.expectNoAxeViolations();
  await kiosk.screenshot(name);
}

/** Staff sign in at `edge`'s kiosk (Ctrl+Alt+M and the PIN) and see the panel. */
async function staffPanel(kiosk: Kiosk, edge: Edge) {
  const page = kiosk.page;
  await kiosk.open(`${edge.url}/welcome`);
  await page.keyboard.press("Control+Alt+m");
  await expect(kiosk.heading).toHaveText("工作人员登录");
  await keypadType(kiosk, STAFF_PIN);
  await kiosk.press(main(page).getByRole("button", { name: "登录" }));
  await expect(kiosk.heading).toHaveText("维护面板");
}

/** A callback request by touch: as soon as possible, nothing optional. */
async function requestCallback(kiosk: Kiosk, edge: Edge, phone: string) {
  const page = kiosk.page;
  await kiosk.open(`${edge.url}/callback`);
  await expect(kiosk.heading).toHaveText("您想咨询哪方面的问题？");
  await kiosk.press(main(page).getByRole("button", { name: "工作、工资、工伤" }));
  await expect(kiosk.heading).toHaveText("什么时候给您打电话？");
  await kiosk.press(main(page).getByRole("button", { name: "尽快" }));
  await expect(kiosk.heading).toHaveText("打哪个电话给您？");
  await keypadType(kiosk, phone);
  await pressContinue(kiosk);
  await expect(kiosk.heading).toHaveText("怎么称呼您？（可以不填）");
  await pressContinue(kiosk);
  await expect(kiosk.heading).toHaveText("打电话时，可以说是 12348 打来的吗？");
  await kiosk.press(main(page).getByRole("button", { name: "可以说是 12348" }));
  await expect(kiosk.heading).toHaveText("通话时需要照顾什么吗？");
  await kiosk.press(main(page).getByRole("button", { name: "不需要" }));
  await expect(kiosk.heading).toHaveText("想先说一句您的问题吗？（可以不填）");
  await pressContinue(kiosk);
  await expect(kiosk.heading).toHaveText("您的信息怎样使用");
  await kiosk.press(main(page).getByRole("button", { name: "我同意，继续" }));
  await expect(kiosk.heading).toHaveText("请核对回电请求");
  await kiosk.press(main(page).getByRole("button", { name: "确认提交" }));
}

test("a seat booked at kiosk A is gone at kiosk B: the hall has one appointment book", async ({ kiosk, page, context }) => {
  // One place per time, so the one booking fills it.
  central.admin("service", "offer", "--hall", "demo-hall", "--service", "mediation", "--capacity", "1");
  const slots = (await (
    await fetch(`${kioskA.url}/api/v1/halls/demo-hall/slots?service=mediation`)
  ).json()) as { start: string; remaining: number; capacity: number }[];
  // At least ten minutes off, so it cannot stop being bookable while the test runs.
  const target = slots.find((s) => s.remaining === 1 && Date.parse(s.start) > Date.now() + 600_000);
  test.skip(!target, "no free time in the next 14 days by the real clock");
  const [month, day] = target!.start.slice(5, 10).split("-").map(Number);
  const hhmm = target!.start.slice(11, 16);
  const phone = uniquePhone();
  const dayButton = (p: Page) => main(p).getByRole("button", { name: new RegExp(`^${month}月${day}日`) });
  const timeButton = (p: Page) => main(p).getByRole("button", { name: new RegExp(`^${hhmm}`) });

  // Kiosk A: the kiosk page comes from its edge, which knows its identity.
  const config = await (await fetch(`${kioskA.url}/kiosk.json`)).json();
  expect(config).toMatchObject({ kiosk_id: "hall-kiosk-a", hall_id: "demo-hall", api_base: "/api/v1" });
  await kiosk.open(`${kioskA.url}/booking`);
  await kiosk.press(main(page).getByRole("button", { name: /^人民调解/ }));
  await expect(kiosk.heading).toHaveText("哪一天来？");
  await kiosk.press(dayButton(page));
  await expect(kiosk.heading).toHaveText("几点来？");
  await expect(timeButton(page)).toContainText("还剩 1");
  await kiosk.press(timeButton(page));
  await expect(kiosk.heading).toHaveText("您怎么称呼？");
  await kiosk.press(page.getByRole("group", { name: "常见姓氏" }).getByRole("button", { name: "王", exact: true }));
  await pressContinue(kiosk);
  await expect(kiosk.heading).toHaveText("您的手机号码");
  await keypadType(kiosk, phone);
  await pressContinue(kiosk);
  await expect(kiosk.heading).toHaveText("来的时候需要什么帮助吗？");
  await pressContinue(kiosk);
  await expect(kiosk.heading).toHaveText("您的信息怎样使用");
  await kiosk.press(main(page).getByRole("button", { name: "我同意，继续" }));
  await expect(kiosk.heading).toHaveText("请核对您的预约");
  await kiosk.press(main(page).getByRole("button", { name: "确认预约" }));
  await expect(kiosk.heading).toHaveText("预约成功");
  const reference = (await page.getByTestId("reference").textContent()) ?? "";
  expect(reference).not.toBe("");
  await shoot(kiosk, "deployment-booked-at-a");

  // Kiosk B, another PC with its own edge: the same time is full.
  const pageB = await context.newPage();
  const kioskAtB = new Kiosk(pageB, test.info());
  await kioskAtB.open(`${kioskB.url}/booking`);
  await kioskAtB.press(main(pageB).getByRole("button", { name: /^人民调解/ }));
  await expect(kioskAtB.heading).toHaveText("哪一天来？");
  await kioskAtB.press(dayButton(pageB));
  await expect(kioskAtB.heading).toHaveText("几点来？");
  await expect(timeButton(pageB)).toContainText("已约满");
  await expect(timeButton(pageB)).toHaveAttribute("aria-disabled", "true");
  await shoot(kioskAtB, "deployment-full-at-b");

  // The central holds it: the visitor can look it up at any kiosk of the hall.
  const lookup = await fetch(`${kioskB.url}/api/v1/appointments/lookup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ reference, phone }),
  });
  expect(lookup.status).toBe(200);
  expect(await lookup.json()).toMatchObject({ reference, status: "booked", slot_start: target!.start });
});

test("a callback requested at kiosk B is in the 12348 queue at the central; the staff panel shows the link", async ({
  kiosk,
  page,
}) => {
  const phone = uniquePhone();
  await requestCallback(kiosk, kioskB, phone);
  await expect(kiosk.heading).toHaveText("已收到您的回电请求");
  const reference = (await page.getByTestId("reference").textContent()) ?? "";
  const mine = (await central.queue()).filter((c) => c.reference === reference);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ phone, kiosk_id: "hall-kiosk-b", topic: "labour" });

  // Staff at kiosk B sign in through its edge and see the link to the central.
  await staffPanel(kiosk, kioskB);
  const fact = (name: string) => page.locator(`[data-fact=${name}]`);
  await expect(fact("kiosk")).toContainText("hall-kiosk-b");
  await expect(fact("central")).toContainText(`${central.url}：连接正常`);
  await expect(fact("outbox")).toContainText("没有（最多 5000 条）");
  await shoot(kiosk, "deployment-staff-panel-at-b");
});

test("with the central stopped, kiosk B saves a callback request and it reaches 12348 once the central is back", async ({
  kiosk,
  page,
}) => {
  const phone = uniquePhone();
  // Staff signed in at this kiosk once while the central answered…
  await staffPanel(kiosk, kioskB);
  await kiosk.press(main(page).getByRole("button", { name: "退出维护面板" }));
  // …then the connection to the central goes, with the kiosk open.
  await kiosk.open(`${kioskB.url}/`);
  await central.down();
  await requestCallback(kiosk, kioskB, phone);
  await expect(kiosk.heading).toHaveText("已保存在本机，联网后自动发送");
  await expect(page.getByTestId("what-next")).toContainText("网络一恢复就会自动发送给 12348 热线");
  await expect(main(page)).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)}`);
  const reference = (await page.getByTestId("reference").textContent()) ?? "";
  expect(reference).toMatch(/^C[2-9A-HJKMNP-Z]{7}$/);
  await shoot(kiosk, "deployment-saved-on-kiosk");

  // Meanwhile the home screen says booking needs the central, and why.
  await kiosk.open(`${kioskB.url}/`);
  await expect(main(page)).toContainText("这台自助机暂时连不上服务中心：现在不能预约");
  await shoot(kiosk, "deployment-central-down-home");

  // Staff can still open the panel (the edge checks the PIN it last saw
  // accepted), and it says what is held and that the central does not answer.
  await staffPanel(kiosk, kioskB);
  const fact = (name: string) => page.locator(`[data-fact=${name}]`);
  await expect(fact("central")).toContainText(`${central.url}：连接不上`);
  await expect(fact("outbox")).toContainText(/^[1-9]\d* 条（最多 5000 条），最早的已等待 \d+ 秒/);
  await expect(fact("heartbeat")).toContainText("已保存在本机，联网后发送");
  await shoot(kiosk, "deployment-staff-panel-offline");
  await kiosk.press(main(page).getByRole("button", { name: "退出维护面板" }));

  await central.up();
  // The edge sends it by itself (its backoff is at most a minute).
  await expect
    .poll(async () => (await central.queue()).filter((c) => c.reference === reference).length, {
      timeout: 75_000,
      intervals: [500],
    })
    .toBe(1);
  const [arrived] = (await central.queue()).filter((c) => c.reference === reference);
  expect(arrived).toMatchObject({ phone, kiosk_id: "hall-kiosk-b", topic: "labour" });
  // And only once, however often the edge tried.
  await new Promise((r) => setTimeout(r, 2_000));
  expect((await central.queue()).filter((c) => c.reference === reference)).toHaveLength(1);
});
