// Audio mode with a browser voice: what the kiosk says, recorded by wrapping
// speechSynthesis, which is given one stand-in voice per language (the test
// browser has none; without them the kiosk plays the server's speech, see
// audio-server.spec.ts). Headings and instructions on arrival, focused controls,
// errors, status and the whole receipt; Stop and Repeat; private digits.
import { test, expect, type Kiosk, keypadType, uniquePhone, anyOf,
} from "../fixtures";
import type { Page } from "@playwright/test";

// The touch project has the portrait viewport: these mode checks run there once.
test.skip(({ kiosk }) => kiosk.touch, "same viewport as portrait");

type Utterance = { text: string; lang: string; rate: number; volume: number };

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __spoken: Utterance[]; __cancels: number };
    w.__spoken = [];
    w.__cancels = 0;
    const synth = window.speechSynthesis;
    synth.speak = (u: SpeechSynthesisUtterance) => {
      w.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate, volume: u.volume });
    };
    synth.cancel = () => {
      w.__cancels += 1;
    };
    const voices = [
      { lang: "zh-CN", name: "e2e-zh", localService: true, default: true },
      { lang: "en-GB", name: "e2e-en", localService: true, default: false },
    ];
    synth.getVoices = () => voices as unknown as SpeechSynthesisVoice[];
  });
});

async function spoken(page: Page): Promise<Utterance[]> {
  return page.evaluate(() => (window as unknown as { __spoken: Utterance[] }).__spoken);
}

async function allSpoken(page: Page): Promise<string> {
  return (await spoken(page)).map((u) => u.text).join(" | ");
}

async function expectSaid(page: Page, text: string | RegExp) {
  await expect.poll(() => allSpoken(page)).toMatch(typeof text === "string" ? new RegExp(escape(text)) : text);
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function audioOn(kiosk: Kiosk) {
  await kiosk.open("/accessibility");
  await kiosk.press(kiosk.page.getByRole("group", { name: "语音朗读" }).getByRole("button", { name: "打开" }));
  await expectSaid(kiosk.page, "语音朗读已打开");
}

function main(page: Page) {
  return page.getByRole("main");
}

test("nothing is spoken until audio mode is switched on", async ({ kiosk, page }) => {
  await kiosk.open("/");
  await kiosk.press(kiosk.tile("预约办事"));
  await expect(kiosk.heading).toHaveText("您要预约办理什么？");
  expect(await spoken(page)).toEqual([]);
});

test("a booking in audio mode: headings, instructions, errors, status and the receipt are spoken", async ({
  kiosk,
  page,
}) => {
  await audioOn(kiosk);
  const settings = (await spoken(page)).at(-1)!;
  expect(settings.lang).toBe("zh-CN");
  if (kiosk.primary) {
    await kiosk.expectNoAxeViolations();
    await kiosk.screenshot("audio-settings");
  }
  await kiosk.press(main(page).getByRole("link", { name: "返回首页" }));
  await expectSaid(page, "您好！请选择要办理的事项");
  await expectSaid(page, "要大字或语音朗读");
  await kiosk.press(kiosk.tile("预约办事"));
  await expectSaid(page, /您要预约办理什么？.*轻触一项/);
  await kiosk.press(main(page).getByRole("button", { name: /^法律援助/ }));
  await expectSaid(page, /哪一天来？.*今后 14 天/);
  await kiosk.press(await anyOf(main(page).getByRole("button", { name: /可预约/ })));
  await expectSaid(page, "几点来？");
  await kiosk.press(await anyOf(main(page).getByRole("button", { name: /还剩/ })));
  await expectSaid(page, /您怎么称呼？.*只写姓也可以/);
  // An error is spoken as it appears.
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await expectSaid(page, "错误：请至少写下您的姓。");
  await kiosk.press(page.getByRole("group", { name: "常见姓氏" }).getByRole("button", { name: "王", exact: true }));
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await expectSaid(page, "您的手机号码");
  // Phone digits are private: only "digit entered" without private listening.
  const phone = uniquePhone();
  const before = (await spoken(page)).length;
  await keypadType(kiosk, phone);
  const typed = (await spoken(page)).slice(before).map((u) => u.text);
  expect(typed.filter((t) => t === "已输入一位").length).toBe(phone.length);
  for (const t of typed) expect(t).not.toMatch(/^\d$/);
  expect(await allSpoken(page)).not.toContain(phone.slice(3, 7));
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await expectSaid(page, "您的身份证号码");
  await keypadType(kiosk, "11010519491231002");
  await kiosk.press(page.getByRole("button", { name: "X", exact: true }));
  expect(await allSpoken(page)).not.toContain("19491231");
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await kiosk.press(main(page).getByRole("button", { name: "不需要" }));
  await expectSaid(page, /您的信息怎样使用.*/);
  await kiosk.press(main(page).getByRole("button", { name: "我同意，继续" }));
  await expectSaid(page, "请核对您的预约");
  await kiosk.press(main(page).getByRole("button", { name: "确认预约" }));
  await expect(kiosk.heading).toHaveText("预约成功");
  const reference = (await page.getByTestId("reference").textContent()) ?? "";
  // The whole receipt: reference, time, place, masked phone, materials, how to cancel.
  await expectSaid(page, new RegExp(`预约成功.*${reference}.*示范区公共法律服务中心.*${phone.slice(0, 3)}\\*\\*\\*\\*${phone.slice(7)}.*身份证件.*怎样取消`, "s"));
  expect(await allSpoken(page)).not.toContain(phone);
  if (kiosk.primary) await kiosk.screenshot("audio-receipt");
});

test("Stop cancels, Repeat says the last thing again, by button and by key", async ({ kiosk, page }) => {
  await audioOn(kiosk);
  await kiosk.press(main(page).getByRole("link", { name: "返回首页" }));
  await expectSaid(page, "您好！请选择要办理的事项");
  const cancels = () => page.evaluate(() => (window as unknown as { __cancels: number }).__cancels);
  const c0 = await cancels();
  await kiosk.press(page.getByRole("button", { name: "停止朗读" }));
  expect(await cancels()).toBeGreaterThan(c0);
  // Repeat says the screen again (not the name of the button just pressed).
  const screen = (await spoken(page)).map((u) => u.text).find((t) => t.startsWith("您好！"))!;
  const n = (await spoken(page)).length;
  await page.keyboard.press("F3");
  await expect.poll(async () => (await spoken(page)).length).toBe(n + 1);
  expect((await spoken(page)).at(-1)!.text).toBe(screen);
  const c1 = await cancels();
  await page.keyboard.press("F4");
  await expect.poll(cancels).toBeGreaterThan(c1);
  await kiosk.press(page.getByRole("button", { name: "再说一遍" }));
  await expect.poll(async () => (await spoken(page)).at(-1)!.text).toBe(screen);
});

test("focus moves are spoken, with their state; arrows move focus", async ({ kiosk, page }) => {
  await audioOn(kiosk);
  await kiosk.press(main(page).getByRole("link", { name: "返回首页" }));
  await expectSaid(page, "您好！请选择要办理的事项");
  // From the top: the skip link, the header's controls, then the tiles.
  for (let i = 0; i < 10 && !(await allSpoken(page)).includes("法律援助自测"); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await expectSaid(page, /法律援助自测/);
  await page.keyboard.press("ArrowDown");
  await expectSaid(page, /预约办事/);
  await page.keyboard.press("ArrowUp");
  await expect(kiosk.tile("法律援助自测")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(kiosk.heading).toHaveText("您要预约办理什么？");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expectSaid(page, /法律援助/);
});

test("in English the kiosk speaks English, and the language switch is said in the new language", async ({
  kiosk,
  page,
}) => {
  await audioOn(kiosk);
  await kiosk.press(page.getByRole("button", { name: "English" }));
  await expectSaid(page, "Now in English");
  const last = (await spoken(page)).at(-1)!;
  expect(last.lang).toBe("en");
});

test("the inactivity warning is said when it appears and once more at 10 seconds, not every second", async ({
  kiosk,
  page,
}) => {
  await page.route("**/kiosk.json", (route) =>
    route.fulfill({ json: { timeouts: { info_s: 20, warning_s: 15 } } }),
  );
  await page.clock.install();
  await audioOn(kiosk);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.keyboard.press("Shift");
  await page.clock.runFor(20_000);
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectSaid(page, /您还在吗？.*15 秒后清除您填写的内容.*我还在，继续/);
  await page.clock.runFor(10_000);
  await expectSaid(page, "还有 10 秒将清除您填写的内容。");
  const said = (await spoken(page)).map((u) => u.text);
  expect(said.filter((t) => t.includes("您还在吗"))).toHaveLength(1);
  expect(said.filter((t) => t.includes("还有 10 秒"))).toHaveLength(1);
  expect(said.filter((t) => /\d+ 秒后清除/.test(t))).toHaveLength(1);
});
