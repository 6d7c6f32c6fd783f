// Audio mode without a browser voice, as in the test browser, which has none:
// every screen of every flow plays the speech the kiosk PC's own server makes
// (POST /api/v1/speech), its heading asked for and played to its end, at the
// visitor's speed. Nothing said reaches the server's log, and after a booking
// the speech cache holds nothing personal: only texts that were asked for, none
// with a name, a phone number, an ID number or a reference in it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import {
  test, expect, type Kiosk, keypadType, uniquePhone, anyOf, SPEECH_CACHE, SERVER_LOG,
} from "../fixtures";

// Real audio plays in real time: once, in the portrait project.
test.skip(({ kiosk }) => !kiosk.primary, "plays real audio: once, in the portrait project");

type Played = { src: string; text: string | null; rate: number; ended: boolean };

test.beforeEach(async ({ page }) => {
  // Which text each played piece is: the request's body, through the response's
  // blob and its object URL, to the element that plays it.
  await page.addInitScript(() => {
    const w = window as unknown as { __played: Played[] };
    w.__played = [];
    const blobText = new WeakMap<Blob, string>();
    const urlText = new Map<string, string>();
    const fetch0 = window.fetch;
    window.fetch = async function (input: RequestInfo | URL, init?: RequestInit) {
      let text: string | undefined;
      if (input instanceof Request && input.url.endsWith("/api/v1/speech")) {
        text = JSON.parse(await input.clone().text()).text as string;
        // To the test, which keeps the list across the reload at a visit's end.
        (window as unknown as { __speechAsked?: (t: string) => void }).__speechAsked?.(text);
      }
      const res = await fetch0.call(this, input, init);
      if (text !== undefined) (res as unknown as { __text: string }).__text = text;
      return res;
    };
    const blob0 = Response.prototype.blob;
    Response.prototype.blob = async function () {
      const b = await blob0.call(this);
      const text = (this as unknown as { __text?: string }).__text;
      if (text !== undefined) blobText.set(b, text);
      return b;
    };
    const create0 = URL.createObjectURL;
    URL.createObjectURL = function (b: Blob | MediaSource) {
      const url = create0.call(URL, b);
      const text = b instanceof Blob ? blobText.get(b) : undefined;
      if (text !== undefined) urlText.set(url, text);
      return url;
    };
    const play0 = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement & { __rec?: Played & { src: string } }) {
      const el = this;
      if (!el.__rec) {
        // Registered before the kiosk's own handler, so it sees `ended` first.
        el.addEventListener("ended", () => {
          if (el.__rec && el.__rec.src === el.src) el.__rec.ended = true;
        });
      }
      const rec = { src: el.src, text: urlText.get(el.src) ?? null, rate: el.playbackRate, ended: false };
      el.__rec = rec;
      w.__played.push(rec);
      return play0.call(this);
    };
  });
});

async function played(page: Page): Promise<Played[]> {
  return page.evaluate(() => (window as unknown as { __played: Played[] }).__played);
}

/** A catalog text's address, as the kiosk and the server compute it. */
function address(lang: string, text: string) {
  return `/api/v1/speech/catalog/${crypto.createHash("sha256").update(`${lang}\n${text}`).digest("hex")}`;
}

/** The screen's heading was asked for and played to its end: by its address
 * (a catalog text), or by its text. Headings asked for by address go into
 * `asked` too. */
async function heard(kiosk: Kiosk, asked: string[]) {
  const heading = ((await kiosk.heading.textContent()) ?? "").trim();
  expect(heading).not.toBe("");
  const at = address("zh-CN", heading);
  await expect
    .poll(
      async () =>
        (await played(kiosk.page)).some((p) => (p.text === heading || new URL(p.src).pathname === at) && p.ended),
      { message: `"${heading}" played to its end`, timeout: 30_000 },
    )
    .toBe(true);
  if ((await played(kiosk.page)).some((p) => new URL(p.src).pathname === at)) asked.push(heading);
  expect(asked).toContain(heading);
}

function main(page: Page) {
  return page.getByRole("main");
}

function cacheFile(lang: string, text: string) {
  const hash = crypto.createHash("sha256").update(`${lang}\n${text}`).digest("hex");
  return path.join(SPEECH_CACHE, `${hash}.wav`);
}

test("every screen of every flow plays the server's speech; nothing personal is logged or kept", async ({
  kiosk,
  page,
}) => {
  test.setTimeout(300_000);
  const asked: string[] = [];
  await page.exposeFunction("__speechAsked", (text: string) => asked.push(text));
  expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);

  await kiosk.open("/accessibility");
  await kiosk.press(page.getByRole("group", { name: "语音朗读" }).getByRole("button", { name: "打开" }));
  await expect
    .poll(async () =>
      (await played(page)).some((p) => new URL(p.src).pathname === address("zh-CN", "语音朗读已打开") && p.ended),
    )
    .toBe(true);
  await kiosk.press(page.getByRole("group", { name: "朗读速度" }).getByRole("button", { name: "快" }));
  // No warning: the server speaks for the browser.
  await expect(main(page)).not.toContainText("本机没有这种语言的语音");
  await kiosk.press(main(page).getByRole("link", { name: "返回首页" }));
  await heard(kiosk, asked);

  // The self-check, and on from its result into a legal-aid booking.
  await kiosk.press(kiosk.tile("法律援助自测"));
  await heard(kiosk, asked);
  await kiosk.press(page.getByRole("link", { name: "开始" }));
  await heard(kiosk, asked);
  await kiosk.press(kiosk.answer("工作和工资"));
  await heard(kiosk, asked);
  await kiosk.press(kiosk.answer("被拖欠工资"));
  await heard(kiosk, asked);
  await kiosk.press(kiosk.answer("否"));
  await heard(kiosk, asked);
  await kiosk.press(kiosk.answer("进城务工人员（农民工）"));
  await kiosk.press(page.getByRole("button", { name: "继续" }));
  await heard(kiosk, asked);
  await kiosk.press(kiosk.answer("都没有"));
  await heard(kiosk, asked);
  await kiosk.press(page.getByRole("link", { name: "查看结果" }));
  await heard(kiosk, asked);
  const phone = uniquePhone();
  await kiosk.press(main(page).getByRole("link", { name: "预约法律援助" }));
  await heard(kiosk, asked);
  // Legal aid is chosen already.
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await heard(kiosk, asked);
  await kiosk.press(await anyOf(main(page).getByRole("button", { name: /可预约/ })));
  await heard(kiosk, asked);
  await kiosk.press(await anyOf(main(page).getByRole("button", { name: /还剩/ })));
  await heard(kiosk, asked);
  await kiosk.press(page.getByRole("group", { name: "常见姓氏" }).getByRole("button", { name: "王", exact: true }));
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await heard(kiosk, asked);
  await keypadType(kiosk, phone);
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await heard(kiosk, asked);
  await keypadType(kiosk, "11010519491231002");
  await kiosk.press(page.getByRole("button", { name: "X", exact: true }));
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "不需要" }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "我同意，继续" }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "确认预约" }));
  await expect(kiosk.heading).toHaveText("预约成功");
  await heard(kiosk, asked);
  const reference = ((await page.getByTestId("reference").textContent()) ?? "").trim();
  expect(reference).not.toBe("");
  // The receipt is said too: it holds the reference and the masked phone.
  await expect.poll(() => asked.some((t) => t.includes(reference))).toBe(true);
  await kiosk.press(main(page).getByRole("button", { name: "返回首页并清除" }));
  await expect(kiosk.heading).toBeVisible();

  // A callback request, to its confirmation.
  await kiosk.open("/accessibility");
  await kiosk.press(page.getByRole("group", { name: "语音朗读" }).getByRole("button", { name: "打开" }));
  await kiosk.press(page.getByRole("group", { name: "朗读速度" }).getByRole("button", { name: "快" }));
  await kiosk.press(main(page).getByRole("link", { name: "返回首页" }));
  await heard(kiosk, asked);
  await kiosk.press(kiosk.tile("12348 回拨"));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "交通事故" }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "尽快" }));
  await heard(kiosk, asked);
  await keypadType(kiosk, uniquePhone());
  await kiosk.press(main(page).getByRole("button", { name: "继续", exact: true }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "跳过" }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "可以说是 12348" }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "不需要" }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "跳过" }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "我同意，继续" }));
  await heard(kiosk, asked);
  await kiosk.press(main(page).getByRole("button", { name: "确认提交" }));
  await expect(kiosk.heading).toHaveText("已收到您的回电请求");
  await heard(kiosk, asked);

  // Every piece played at the speed chosen.
  const all = await played(page);
  // The catalog's texts by their address (streamed, and kept by the browser),
  // everything else by its text.
  const byAddress = all.filter((p) => new URL(p.src).pathname.startsWith("/api/v1/speech/catalog/"));
  expect(byAddress.length).toBeGreaterThan(20);
  expect(all.filter((p) => p.src.startsWith("blob:")).length).toBeGreaterThan(0);
  const turnedOn = address("zh-CN", "语音朗读已打开");
  expect(
    all.filter((p) => p.ended).every((p) => Math.abs(p.rate - 1.3) < 1e-6 || new URL(p.src).pathname === turnedOn),
  ).toBe(true);

  // Nothing said is in the server's log.
  const log = fs.readFileSync(SERVER_LOG, "utf8");
  expect(log).toContain("speech");
  for (const text of new Set(asked)) expect(log, `"${text}" in the server log`).not.toContain(text);
  // The phone as shown on the receipt (masked) and in full, the reference, the
  // ID number's date of birth. Not four digits alone: the log is full of
  // numbers (times, request ids, the catalog texts' keys).
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  for (const secret of [phone, masked, `****${phone.slice(7)}`, reference, "19491231"]) {
    expect(log, `"${secret}" in the server log`).not.toContain(secret);
  }

  // The cache holds only texts that were asked for, and nothing personal.
  const kept = new Set(fs.readdirSync(SPEECH_CACHE));
  expect(kept.size).toBeGreaterThan(10);
  const askedFiles = new Map([...new Set(asked)].map((t) => [path.basename(cacheFile("zh-CN", t)), t]));
  const personal = (t: string) =>
    t.includes(reference) || t.includes(phone.slice(7)) || t.includes("****") || t.includes("1949");
  for (const [file, text] of askedFiles) {
    if (personal(text)) expect(kept.has(file), `"${text}" kept`).toBe(false);
  }
  const keptTexts = [...kept].filter((f) => askedFiles.has(f)).map((f) => askedFiles.get(f)!);
  expect(keptTexts.length).toBeGreaterThan(10);
  expect(keptTexts.filter(personal)).toEqual([]);
});

test("the staff panel says where speech comes from and plays the server's sample", async ({ kiosk, page }) => {
  await kiosk.open("/");
  await page.keyboard.press("Control+Alt+m");
  await expect(kiosk.heading).toHaveText("工作人员登录");
  await keypadType(kiosk, "246810");
  await kiosk.press(main(page).getByRole("button", { name: "登录" }));
  await expect(kiosk.heading).toHaveText("维护面板");
  const sources = page.locator("[data-fact=speech-sources]");
  await expect(sources.locator("li[data-lang=zh-CN]")).toHaveText("中文：本机服务器合成（espeak-ng）");
  await expect(sources.locator("li[data-lang=en]")).toHaveText("English：本机服务器合成（espeak-ng）");
  const sample = "这是朗读测试。法律服务热线 12348。";
  await kiosk.press(page.getByTestId("test-server-speech"));
  await expect
    .poll(
      async () =>
        (await played(page)).some(
          (p) =>
            (p.text === sample || new URL(p.src).pathname === address("zh-CN", sample)) && p.ended,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
});

test("a catalog text the server has no address for is sent as text, and still heard", async ({ kiosk, page }) => {
  // As a server of another release would answer: no such catalog text.
  let refused = 0;
  await page.route("**/api/v1/speech/catalog/**", (route) => {
    refused += 1;
    return route.fulfill({ status: 404, contentType: "application/problem+json", body: '{"errors":{"request":["speech_not_in_catalog"]}}' });
  });
  await kiosk.open("/welcome");
  await kiosk.press(main(page).getByRole("button", { name: "开启朗读并开始" }));
  await expect(kiosk.heading).toHaveText("您好！请选择要办理的事项");
  await expect
    .poll(async () => (await played(page)).some((p) => p.text === "您好！请选择要办理的事项" && p.ended), {
      timeout: 20_000,
    })
    .toBe(true);
  expect(refused).toBeGreaterThan(0);
  // Not a failure of the server's speech: the kiosk does not say it cannot read aloud.
  await expect(page.getByText("本机没有这种语言的语音")).toHaveCount(0);
});
