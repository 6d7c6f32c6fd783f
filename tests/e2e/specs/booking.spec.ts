// Booking an appointment at the hall, against the real server: by touch and by
// keys, with bad input, a slot taken while the visitor types, the server down
// during submit, a double press, the printed receipt and its QR code.
import {
  test,
  expect,
  type Kiosk,
  flowStep,
  pressContinue,
  keypadType,
  uniquePhone,
  expectNoPersonalDataKept,
  slotsOf,
  bookThroughApi,
  PrivateServer,
  anyOf,
} from "../fixtures";
import type { Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

function step(kiosk: Kiosk, heading: string | RegExp, shot: string, act: () => Promise<void>) {
  return flowStep(kiosk, "booking", heading, shot, act);
}

function main(page: Page) {
  return page.getByRole("main");
}

const next = pressContinue;

/** The first day with places, then its first time with places. */
async function chooseFirstFreeTime(kiosk: Kiosk) {
  await step(kiosk, "哪一天来？", "day", async () => {
    await expect(main(kiosk.page)).toContainText("不办公");
    await kiosk.press(await anyOf(main(kiosk.page).getByRole("button", { name: /可预约/ })));
  });
  await step(kiosk, "几点来？", "time", async () =>
    kiosk.press(await anyOf(main(kiosk.page).getByRole("button", { name: /还剩/ }))),
  );
}

async function enterContact(kiosk: Kiosk, phone: string) {
  await step(kiosk, "您怎么称呼？", "name", async () => {
    await kiosk.press(kiosk.page.getByRole("group", { name: "常见姓氏" }).getByRole("button", { name: "王", exact: true }));
    await expect(kiosk.page.locator("#kiosk-name")).toHaveValue("王");
    await next(kiosk);
  });
  await step(kiosk, "您的手机号码", "phone", async () => {
    await keypadType(kiosk, phone);
    await expect(kiosk.page.locator("#kiosk-phone")).toHaveValue(phone);
    await next(kiosk);
  });
}

async function needsAndConsent(kiosk: Kiosk) {
  await step(kiosk, "来的时候需要什么帮助吗？", "needs", async () => {
    await kiosk.press(main(kiosk.page).getByRole("button", { name: "轮椅通道或轮椅" }));
    await next(kiosk);
  });
  await step(kiosk, "您的信息怎样使用", "notice", async () => {
    await expect(main(kiosk.page)).toContainText("30 天内删除");
    await expect(main(kiosk.page)).toContainText("说明版本：booking-2026-11");
    await kiosk.press(main(kiosk.page).getByRole("button", { name: "我同意，继续" }));
  });
}

test("a visitor sent from the self-check books legal aid by touch and keeps a receipt", async ({
  kiosk,
  page,
  baseURL,
}) => {
  const phone = uniquePhone();
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));

  await kiosk.open("/booking?service=legal_aid");
  await step(kiosk, "您要预约办理什么？", "service", async () => {
    const legalAid = main(page).getByRole("button", { name: /^法律援助/ });
    await expect(legalAid).toHaveAttribute("aria-pressed", "true");
    await expect(legalAid).toContainText("申请免费律师代理或辩护");
    await next(kiosk);
  });
  await chooseFirstFreeTime(kiosk);
  await enterContact(kiosk, phone);
  await step(kiosk, "您的身份证号码", "id", async () => {
    await keypadType(kiosk, "11010519491231002");
    await kiosk.press(page.getByRole("button", { name: "X", exact: true }));
    // Masked once complete; shown for ten seconds on request.
    await expect(page.locator("#kiosk-id-number")).toHaveValue("110***********002X");
    await kiosk.press(page.getByRole("button", { name: "显示 10 秒" }));
    await expect(page.locator("#kiosk-id-number")).toHaveValue("11010519491231002X");
    if (kiosk.primary) await kiosk.screenshot("booking-id-revealed");
    await kiosk.press(page.getByRole("button", { name: /正在显示/ }));
    await next(kiosk);
  });
  await needsAndConsent(kiosk);
  await step(kiosk, "请核对您的预约", "check", async () => {
    await expect(main(page)).toContainText("法律援助");
    await expect(main(page)).toContainText(masked);
    await expect(main(page)).toContainText("110***********002X");
    await expect(main(page)).not.toContainText(phone);
    await expect(main(page)).toContainText("轮椅通道或轮椅");
    await kiosk.press(main(page).getByRole("button", { name: "确认预约" }));
  });
  let reference = "";
  await step(kiosk, "预约成功", "done", async () => {
    reference = (await page.getByTestId("reference").textContent()) ?? "";
    expect(reference).toMatch(/^A[2-9A-HJKMNP-Z]{7}$/);
    await expect(main(page)).toContainText(masked);
    await expect(main(page)).toContainText("身份证");
    await expect(main(page)).toContainText("示范区公共法律服务中心");
    await expect(main(page)).not.toContainText(phone);
  });

  // The booking exists on the server, as the visitor was told.
  const lookup = await fetch(`${baseURL}/api/v1/appointments/lookup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ reference, phone }),
  });
  expect(lookup.status).toBe(200);
  expect((await lookup.json()).status).toBe("booked");

  // The QR code carries the reference and the lookup path, nothing personal.
  const png = PNG.sync.read(await page.locator(".kiosk-qr").screenshot());
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(qr?.data).toBe(`${baseURL}/booking/lookup?ref=${reference}`);

  // The printed receipt (80 mm): the reference and masked data only.
  if (kiosk.primary) {
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = await pdfText(pdf);
    expect(text).toContain(reference);
    expect(text).toContain(masked);
    expect(text).not.toContain(phone);
    expect(text).not.toContain("11010519491231002X");
    expect(text).not.toContain("返回首页并清除"); // the screen's chrome is not printed
    const widthMm = await pdfWidthMm(pdf);
    expect(widthMm).toBeGreaterThan(78);
    expect(widthMm).toBeLessThan(82);
    await page.emulateMedia({ media: "print" });
    await kiosk.screenshot("booking-receipt-print");
    await page.emulateMedia({ media: "screen" });
  }

  for (const u of urls) expect(u).not.toContain(phone);
  await expectNoPersonalDataKept(page, [phone, "11010519491231002X", "王"]);
});

test("a booking made with keys only, then looked up and cancelled", async ({ kiosk, page }) => {
  const phone = uniquePhone();
  await kiosk.open("/");
  await tabTo(kiosk, /^预约办事/);
  await expect(kiosk.heading).toHaveText("您要预约办理什么？");
  await tabTo(kiosk, /^法律咨询/);
  await expect(kiosk.heading).toHaveText("哪一天来？");
  await tabTo(kiosk, /可预约/);
  await expect(kiosk.heading).toHaveText("几点来？");
  await tabTo(kiosk, /还剩/);
  await expect(kiosk.heading).toHaveText("您怎么称呼？");
  // A field's Enter continues: no tabbing through the on-screen keyboard.
  await kiosk.keyboardFocus("kiosk-name");
  await page.keyboard.type("王");
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("您的手机号码");
  await kiosk.keyboardFocus("kiosk-phone");
  await page.keyboard.type(phone);
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("来的时候需要什么帮助吗？");
  await kiosk.keyboardChoose("不需要");
  await expect(kiosk.heading).toHaveText("您的信息怎样使用");
  await kiosk.keyboardChoose("我同意，继续");
  await expect(kiosk.heading).toHaveText("请核对您的预约");
  await kiosk.keyboardChoose("确认预约");
  await expect(kiosk.heading).toHaveText("预约成功");
  const reference = (await page.getByTestId("reference").textContent()) ?? "";
  expect(reference).toMatch(/^A[2-9A-HJKMNP-Z]{7}$/);

  // Look it up and cancel it, still by keys.
  await kiosk.open("/booking/lookup");
  await expect(kiosk.heading).toHaveText("请输入预约号");
  await kiosk.keyboardFocus("kiosk-reference");
  await page.keyboard.type(reference.slice(1).toLowerCase()); // typed in any case
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("请输入预约时留的电话号码");
  await kiosk.keyboardFocus("kiosk-phone");
  await page.keyboard.type(phone);
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("您的预约");
  await expect(main(page)).toContainText(reference);
  await expect(main(page)).toContainText("已预约");
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot("booking-lookup-found");
  }
  await kiosk.keyboardChoose("取消这个预约");
  await kiosk.keyboardChoose("是，取消预约");
  await expect(main(page)).toContainText("已取消");
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot("booking-lookup-cancelled");
  }
  await expectNoPersonalDataKept(page, [phone]);
});

/** Tabs to the first control whose text matches `name` and presses Enter. */
async function tabTo(kiosk: Kiosk, name: RegExp) {
  for (let i = 0; i < 80; i++) {
    await kiosk.page.keyboard.press("Tab");
    // Only a control counts: with focus on <body> its text is the whole page.
    const text = await kiosk.page.evaluate(() => {
      const el = document.activeElement;
      return el && ["BUTTON", "A"].includes(el.tagName) ? (el.textContent ?? "") : "";
    });
    if (name.test(text)) {
      await kiosk.page.keyboard.press("Enter");
      return;
    }
  }
  throw new Error(`keyboard could not reach ${name}`);
}

test("bad phone and ID numbers are explained as they are typed", async ({ kiosk, page }) => {
  await kiosk.open("/booking?service=legal_aid");
  await next(kiosk);
  await chooseFirstFreeTime(kiosk);
  await kiosk.press(page.getByRole("group", { name: "常见姓氏" }).getByRole("button", { name: "李", exact: true }));
  await next(kiosk);
  await expect(kiosk.heading).toHaveText("您的手机号码");
  const error = page.locator("#kiosk-step-error");
  await keypadType(kiosk, "2");
  await expect(error).toHaveText("错误：手机号码以 1 开头，请检查第一位。");
  await expect(error).toHaveAttribute("role", "alert");
  await expect(page.locator("#kiosk-phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#kiosk-phone")).toHaveAttribute("aria-describedby", /kiosk-step-error/);
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot("booking-error-phone-first-digit");
  }
  await kiosk.press(page.getByRole("button", { name: "清空" }));
  await expect(error).toBeEmpty();
  await keypadType(kiosk, "138123");
  await next(kiosk);
  await expect(error).toHaveText("错误：手机号码是 11 位，还没有输完。");
  await expect(kiosk.heading).toHaveText("您的手机号码");
  await keypadType(kiosk, "45678");
  await expect(error).toBeEmpty();
  await next(kiosk);

  await expect(kiosk.heading).toHaveText("您的身份证号码");
  await keypadType(kiosk, "130402198207290622");
  await expect(error).toHaveText("错误：号码有一位输错了，请逐位检查。");
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot("booking-error-id-check");
  }
  await next(kiosk);
  await expect(kiosk.heading).toHaveText("您的身份证号码");
  await kiosk.press(page.getByRole("button", { name: "删除" }));
  await next(kiosk);
  await expect(error).toHaveText("错误：身份证号码是 18 位，请检查是否输完整。");
});

test("a time taken by someone else while the visitor types ends in a clear message and a fresh list", async ({
  kiosk,
  page,
}) => {
  const server = await PrivateServer.start();
  try {
    // A time at least ten minutes off: the first time of the day can start, and
    // stop being bookable, while the test runs (a CI run at 11:29:55 did that).
    const slots = await slotsOf(server.url, "mediation");
    const target = slots.find((s) => s.remaining > 0 && Date.parse(s.start) > Date.now() + 600_000)!;
    const [month, day] = target.start.slice(5, 10).split("-").map(Number);
    const hhmm = target.start.slice(11, 16);
    await kiosk.open(`${server.url}/booking`);
    await kiosk.press(main(page).getByRole("button", { name: /^人民调解/ }));
    await step(kiosk, "哪一天来？", "day", () =>
      kiosk.press(main(page).getByRole("button", { name: new RegExp(`^${month}月${day}日`) })),
    );
    await step(kiosk, "几点来？", "time", () =>
      kiosk.press(main(page).getByRole("button", { name: new RegExp(`^${hhmm}`) })),
    );
    await enterContact(kiosk, uniquePhone());
    // Meanwhile the operator desk books the last places of that time.
    for (let i = 0; i < target.remaining; i++) {
      expect((await bookThroughApi(server.url, "mediation", target.start, uniquePhone())).status).toBe(201);
    }
    await needsAndConsent(kiosk);
    await kiosk.press(main(page).getByRole("button", { name: "确认预约" }));
    await expect(kiosk.heading).toHaveText("几点来？");
    await expect(page.locator("#kiosk-step-error")).toContainText("刚刚被别人约走了");
    await expect(main(page).getByRole("button", { name: new RegExp(`^${hhmm}`) })).toContainText("已约满");
    if (kiosk.primary) {
      await kiosk.expectNoAxeViolations();
      await kiosk.screenshot("booking-slot-taken");
    }
    // Choosing another time goes straight back to the check screen with everything kept
    // (the day's last free time: the furthest from starting while the test runs).
    await kiosk.press(main(page).getByRole("button", { name: /还剩/ }).last());
    await expect(kiosk.heading).toHaveText("请核对您的预约");
    await kiosk.press(main(page).getByRole("button", { name: "确认预约" }));
    await expect(kiosk.heading).toHaveText("预约成功");
  } finally {
    await server.down();
  }
});

test("with the server down the visitor is told nothing was saved; after a restart one press books once", async ({
  kiosk,
  page,
}) => {
  const server = await PrivateServer.start();
  try {
    await page.clock.install();
    await kiosk.open(`${server.url}/booking`);
    await kiosk.press(main(page).getByRole("button", { name: /^人民调解/ }));
    await chooseFirstFreeTime(kiosk);
    await enterContact(kiosk, uniquePhone());
    await needsAndConsent(kiosk);
    await expect(kiosk.heading).toHaveText("请核对您的预约");
    const before = await slotsOf(server.url, "mediation");
    await server.down();
    await kiosk.press(main(page).getByRole("button", { name: "确认预约" }));
    await expect(page.getByRole("status")).toContainText("正在提交");
    await expect(main(page).getByRole("button", { name: "正在提交……" })).toHaveAttribute("aria-disabled", "true");
    // Each retry waits on a timer: run the clock on until the kiosk gives up (~30 s).
    const notSent = main(page).getByRole("heading", { name: "没有提交成功" });
    await expect(async () => {
      await page.clock.runFor(5_000);
      await expect(notSent).toBeVisible({ timeout: 250 });
    }).toPass({ timeout: 30_000 });
    await expect(main(page)).toContainText("什么也没有保存");
    await expect(main(page)).toContainText("12348");
    await expect(main(page)).toContainText("王"); // the answers are still on screen for staff
    if (kiosk.primary) {
      await kiosk.expectNoAxeViolations();
      await kiosk.screenshot("booking-not-sent");
    }
    await server.up();
    await kiosk.press(main(page).getByRole("button", { name: "再试一次" }));
    await expect(kiosk.heading).toHaveText("预约成功");
    const after = await slotsOf(server.url, "mediation");
    const taken = (list: typeof before) => list.reduce((n, s) => n + s.capacity - s.remaining, 0);
    expect(taken(after) - taken(before)).toBe(1);
  } finally {
    await server.down();
  }
});

test("the same confirm pressed twice quickly books once", async ({ kiosk, page }) => {
  const server = await PrivateServer.start();
  try {
    await kiosk.open(`${server.url}/booking`);
    await kiosk.press(main(page).getByRole("button", { name: /^人民调解/ }));
    await chooseFirstFreeTime(kiosk);
    await enterContact(kiosk, uniquePhone());
    await needsAndConsent(kiosk);
    const before = await slotsOf(server.url, "mediation");
    await main(page)
      .getByRole("button", { name: "确认预约" })
      .evaluate((b: HTMLButtonElement) => {
        b.click();
        b.click();
      });
    await expect(kiosk.heading).toHaveText("预约成功");
    const after = await slotsOf(server.url, "mediation");
    const taken = (list: typeof before) => list.reduce((n, s) => n + s.capacity - s.remaining, 0);
    expect(taken(after) - taken(before)).toBe(1);
  } finally {
    await server.down();
  }
});

/** The text of a PDF, page by page. */
async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ("str" in it ? it.str : "")).join("");
  }
  return text;
}

/** The width of the first page of a PDF, in millimetres. */
async function pdfWidthMm(pdf: Buffer): Promise<number> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const [x0, , x1] = (await doc.getPage(1)).view;
  return ((x1 - x0) / 72) * 25.4;
}
