// The visitor of the soak benchmark (bench/soak.mjs) and of the layout test
// (specs/layout.spec.ts), run inside the page as a classic script installed
// before the app's own (page.addInitScript({ path })). It defines
// window.__soak; window.__onScreen, when a test sets it, is awaited on the
// arrival of every screen, painted.
/**
 * The visitor, run inside the page (installed before the app's own scripts, on
 * every load). Everything it does is what a finger does on the visible screen:
 * find a control by its label, tap it, wait until the next screen's heading is
 * there and painted. It fails loudly, with what the screen shows, when the app
 * shows an error or a screen does not come within 10 s.
 */
function driver() {
  // Trunk's loader hands the wasm exports to this event (see dist/index.html);
  // its memory is what the soak samples.
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__soakWasm = e.detail.wasm;
  });

  const HOME = "您好！请选择要办理的事项";
  const ATTRACT = "法律服务自助终端";
  const WAIT_MS = 10_000;
  const norm = (s) => (s ?? "").replace(/[✓←]/g, "").replace(/\s+/g, " ").trim();
  const main = () => document.querySelector("main");
  const heading = () => norm(document.querySelector("h1")?.textContent);
  // The frame a visitor sees: the animation frame callbacks run before its paint,
  // the timeout queued from one runs after it (and after the app's effects).
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  // In-app navigations (history entries added or replaced), to relate the memory
  // to them. A listener of the driver's own: it is in every sample alike.
  let navigations = 0;
  window.navigation?.addEventListener("currententrychange", () => navigations++);

  /**
   * What makes going on pointless: an error screen, the inactivity warning, or
   * any alert (a refused step or submission, the offline notice, "not sent").
   */
  function problem() {
    const h = heading();
    if (["抱歉，出了点问题", "找不到这个页面"].includes(h)) return `the screen "${h}"`;
    if (document.querySelector("[role=alertdialog]")) return "the inactivity warning";
    for (const a of document.querySelectorAll("[role=alert]")) {
      const text = norm(a.textContent);
      if (text) return `the alert "${text}"`;
    }
    return null;
  }

  function describe() {
    const controls = [...(main() ?? document).querySelectorAll("button, a[href]")]
      .map((e) => norm(e.textContent))
      .slice(0, 40);
    return `at ${location.pathname}, heading "${heading()}", controls: ${JSON.stringify(controls)}`;
  }

  /** Resolves with `pred()` once it is truthy, checking on every DOM change. */
  function until(pred, what) {
    return new Promise((resolve, reject) => {
      let settled = false;
      const end = (f, v) => {
        settled = true;
        observer.disconnect();
        clearTimeout(timer);
        clearInterval(poll);
        f(v);
      };
      const check = () => {
        if (settled) return;
        const p = problem();
        if (p) return end(reject, new Error(`soak: waiting for ${what}, the app shows ${p}; ${describe()}`));
        const v = pred();
        if (v) end(resolve, v);
      };
      const observer = new MutationObserver(check);
      const timer = setTimeout(
        () => end(reject, new Error(`soak: stuck waiting ${WAIT_MS} ms for ${what}; ${describe()}`)),
        WAIT_MS,
      );
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      // A field's value is a property, not an attribute: no mutation tells of it.
      const poll = setInterval(check, 20);
      check();
    });
  }

  // Not getClientRects(): forcing a layout on every tap would make the soak
  // measure the driver. Each screen is painted before it is used (screen()).
  const visible = (el) => !el.closest("[hidden],[inert],[aria-hidden=true]");

  /** The visible control in `scope` whose label is `name` (exact, or a RegExp). */
  function find(name, scope) {
    for (const el of scope.querySelectorAll("button, a[href]")) {
      const label = norm(el.getAttribute("aria-label") ?? el.textContent);
      if ((name instanceof RegExp ? name.test(label) : label === name) && visible(el)) return el;
    }
    return null;
  }

  /** The group (role=group or fieldset) whose label is `name`. */
  function group(name) {
    for (const g of document.querySelectorAll("[role=group], fieldset")) {
      const by = g.getAttribute("aria-labelledby");
      const label =
        g.getAttribute("aria-label") ??
        (by ? document.getElementById(by)?.textContent : g.querySelector("legend")?.textContent);
      if (norm(label) === name) return g;
    }
    return null;
  }

  /** A finger on the control: the pointer events the app hears, then the click. */
  function tap(el) {
    const o = { bubbles: true, cancelable: true, composed: true, pointerId: 1, pointerType: "touch", isPrimary: true };
    el.dispatchEvent(new PointerEvent("pointerdown", o));
    el.dispatchEvent(new PointerEvent("pointerup", o));
    el.click();
  }

  /** Taps the control labelled `name` (in <main>, or in the group `inGroup`, or the header). */
  async function press(name, { inGroup, inHeader } = {}) {
    const scope = () =>
      inGroup ? group(inGroup) : inHeader ? document.querySelector("header") : main();
    const el = await until(() => {
      const s = scope();
      return s && find(name, s);
    }, `"${name}"${inGroup ? ` in "${inGroup}"` : ""}`);
    tap(el);
  }

  /** Waits for the screen headed `h`, painted. */
  async function screen(h) {
    await until(() => heading() === h, `the screen "${h}"`);
    await frame();
    await window.__onScreen?.(h);
  }

  async function expectText(text) {
    await until(() => main()?.textContent.includes(text), `"${text}" on "${heading()}"`);
  }

  async function expectValue(id, value) {
    await until(() => document.getElementById(id)?.value === value, `#${id} = "${value}"`);
  }

  async function keypad(digits) {
    for (const d of digits) await press(d, { inGroup: "数字键" });
  }

  async function home() {
    await screen(HOME);
    await until(() => main().querySelectorAll("li a[href]").length === 4, "the four tiles");
  }

  /**
   * How a visitor at a review screen leaves: every fourth submits and leaves
   * the receipt through the settings (a receipt has no other way home than
   * "finish and clear"); one in four backs out screen by screen; the others go
   * home through the settings without submitting. Backing out every time would
   * double the screens of the visit, and each screen change costs Chromium's
   * browser process about 10 ms on this machine: the soak has to fit its time.
   */
  async function leave(k, confirm, done) {
    if (k % 4 === 3) {
      await press(confirm);
      await screen(done);
      await until(
        () => /^[AC][2-9A-HJKMNP-Z]{7}$/.test(document.querySelector("[data-testid=reference]")?.textContent ?? ""),
        "the reference",
      );
      await homeThroughSettings();
      return true;
    }
    if (k % 4 === 1) await backHome();
    else await homeThroughSettings();
    return false;
  }

  /** Back, screen by screen, to the home screen (as a visitor backing out). */
  async function backHome() {
    for (let i = 0; i < 12; i++) {
      const from = heading();
      await press("上一步");
      await until(() => heading() !== from, `the screen before "${from}"`);
      await frame();
      if (heading() === HOME) return home();
    }
    throw new Error(`soak: Back did not lead home; ${describe()}`);
  }

  /** The header's 无障碍, then its 返回首页: the way home from a receipt. */
  async function homeThroughSettings() {
    await press("无障碍", { inHeader: true });
    await screen("无障碍设置");
    await press("返回首页");
    await home();
  }

  /** A mobile number of its own for visit `i` (an 11-digit 139 number). */
  const phoneOf = (base, i) => `139${String((base + i + 1e8) % 1e8).padStart(8, "0")}`;
  const masked = (p) => `${p.slice(0, 3)}****${p.slice(7)}`;

  // --- The flows. `k` counts the visits of this flow, for variety. ---

  async function eligibility(k) {
    await press(/^法律援助自测/);
    await screen("法律援助自测");
    await press("开始");
    await screen("您遇到的是哪一类问题？");
    if (k % 2 === 0) {
      // Owed wages, a migrant worker: likely, without a means test.
      await press("工作和工资");
      await screen("具体是什么事？");
      await press("被拖欠工资");
      await screen("这件事您已经请了律师吗？");
      await press("否");
      await screen("下面哪些情况符合您，并且有证明？");
      await press("进城务工人员（农民工）");
      await until(
        () => find("进城务工人员（农民工）", main())?.getAttribute("aria-pressed") === "true",
        "the status chosen",
      );
      await press("继续");
      await screen("有没有很急的情况？");
      await press("都没有");
      await screen("请核对您的回答");
      await press("查看结果");
      await screen("自测结果");
      await expectText("很可能可以获得法律援助");
    } else {
      // A road accident in Shanghai, income typed on the keypad: unlikely.
      await press("事故和受伤赔偿");
      await screen("具体是什么事？");
      await press("交通事故受伤赔偿");
      await screen("这件事您已经请了律师吗？");
      await press("否");
      await screen("下面哪些情况符合您，并且有证明？");
      await press("都没有");
      await screen("您的事情在哪里办理？");
      await press("上海市");
      await screen("您家一起生活的有几口人（包括您）？");
      await press("2 人");
      await screen("全家每月收入一共大约多少元？");
      await keypad("8000");
      await expectValue("kiosk-income", "8000");
      await press("继续");
      await screen("有没有很急的情况？");
      await press("都没有");
      await screen("请核对您的回答");
      await expectText("8000 元");
      await press("查看结果");
      await screen("自测结果");
      await expectText("获得法律援助的可能性不大");
    }
    // The result's "start again", then the intro's "back to the start".
    await press("重新自测");
    await screen("法律援助自测");
    await press("返回首页");
    await home();
    return false;
  }

  const SERVICES = [/^法律咨询/, /^人民调解/, /^法律援助/];
  const SURNAMES = ["王", "李", "张", "刘"];

  async function booking(k, phone) {
    const service = SERVICES[k % SERVICES.length];
    await press(/^预约办事/);
    await screen("您要预约办理什么？");
    await press(service);
    await screen("哪一天来？");
    await press(/可预约/);
    await screen("几点来？");
    await press(/还剩/);
    await screen("您怎么称呼？");
    const surname = SURNAMES[k % SURNAMES.length];
    await press(surname, { inGroup: "常见姓氏" });
    await expectValue("kiosk-name", surname);
    await press("继续");
    await screen("您的手机号码");
    await keypad(phone);
    await expectValue("kiosk-phone", phone);
    await press("继续");
    if (service.source.includes("法律援助")) {
      await screen("您的身份证号码");
      await keypad("11010519491231002");
      await press("X", { inGroup: "数字键" });
      await expectValue("kiosk-id-number", "110***********002X");
      await press("继续");
    }
    await screen("来的时候需要什么帮助吗？");
    if (k % 2) {
      await press("轮椅通道或轮椅");
      await press("继续");
    } else {
      await press("不需要");
    }
    await screen("您的信息怎样使用");
    await press("我同意，继续");
    await screen("请核对您的预约");
    await expectText(masked(phone));
    // Not every one is booked: slots hold 3 and fill up.
    return leave(k, "确认预约", "预约成功");
  }

  const TOPICS = ["工作、工资、工伤", "申请法律援助", "家庭、赡养、抚养"];

  async function callback(k, phone) {
    await press(/^12348 回拨/);
    await screen("您想咨询哪方面的问题？");
    await press(TOPICS[k % TOPICS.length]);
    await screen("什么时候给您打电话？");
    if (k % 2) {
      await press("尽快");
    } else {
      const days = await until(() => {
        const lists = main().querySelectorAll("ul");
        const b = lists[1]?.querySelectorAll("button");
        return b?.length === 7 && b;
      }, "the seven days");
      tap(days[1]);
      await press("晚上（6 点到 8 点）");
    }
    await screen("打哪个电话给您？");
    await keypad(phone);
    await expectValue("kiosk-phone", phone);
    await press("继续");
    await screen("怎么称呼您？（可以不填）");
    if (k % 2) await press("张", { inGroup: "常见姓氏" });
    await press("继续");
    await screen("打电话时，可以说是 12348 打来的吗？");
    await press(k % 2 ? "不要说是 12348" : "可以说是 12348");
    await screen("通话时需要照顾什么吗？");
    if (k % 2) {
      await press("我戴助听器，请说慢一点");
      await press("继续");
    } else {
      await press("不需要");
    }
    await screen("想先说一句您的问题吗？（可以不填）");
    if (k % 2) {
      // "gong" on the letter keys, then 工 among the candidates.
      for (const l of "gong") await press(l, { inGroup: "字母键" });
      await press("工", { inGroup: "可选的字" });
      await expectValue("kiosk-note", "工");
    }
    await press("继续");
    await screen("您的信息怎样使用");
    await press("我同意，继续");
    await screen("请核对回电请求");
    await expectText(masked(phone));
    return leave(k, "确认提交", "已收到您的回电请求");
  }

  const attr = (name) => document.documentElement.getAttribute(name);

  async function settings(k) {
    // In by the tile or by the header's button, alternately.
    if (k % 2) await press("无障碍", { inHeader: true });
    else await press(/^无障碍/);
    await screen("无障碍设置");
    await press("特大字", { inGroup: "文字大小" });
    await until(() => attr("data-text-size") === "larger", "larger text");
    await press("高对比度", { inGroup: "显示颜色" });
    await until(() => attr("data-theme") === "high-contrast", "high contrast");
    await frame();
    // The language and back, in the header.
    await press("English", { inHeader: true });
    await until(() => attr("lang") === "en", "English");
    await frame();
    await press("中文", { inHeader: true });
    await until(() => attr("lang") === "zh-CN", "Chinese");
    await press("返回首页");
    await home();
    // Home in the new look, then back to the settings to undo them.
    await press("无障碍", { inHeader: true });
    await screen("无障碍设置");
    await press("标准", { inGroup: "文字大小" });
    await until(() => attr("data-text-size") === "normal", "normal text");
    await press("标准", { inGroup: "显示颜色" });
    await until(() => attr("data-theme") === "standard", "standard colours");
    await press("返回首页");
    await home();
    return false;
  }

  const RUN = { eligibility, booking, callback, settings };

  window.__soak = {
    home,

    /**
     * Visits `from`..`to` (exclusive; negative ones are the warm-up), rotating
     * through `flows`; each one's flow, time, navigations and whether it submitted.
     */
    async visits(from, to, flows, phoneBase) {
      const out = [];
      for (let i = from; i < to; i++) {
        const n = flows.length;
        const flow = flows[((i % n) + n) % n];
        const t0 = performance.now();
        const navs0 = navigations;
        await home();
        // k: this flow's own visit number (0 in the warm-up), which varies the answers.
        const submitted = await RUN[flow](Math.floor(i / n) + 1, phoneOf(phoneBase, i));
        out.push({ i, flow, ms: performance.now() - t0, navigations: navigations - navs0, submitted });
      }
      return out;
    },

    /** Lets pending frames and timers run, before a sample. */
    async settle() {
      await frame();
      await frame();
    },

    /** Waits for the attract screen of a fresh page. */
    async attract() {
      await until(() => heading() === ATTRACT && !document.getElementById("kiosk-loading"), "the attract screen");
      await frame();
    },

    /**
     * One reset: touch the attract screen, a short flow, then "finish and clear"
     * (tapped after this returns: it reloads the page). Reset `i` < 0 starts at home.
     */
    async resetVisit(i) {
      // The first one begins where the visits without reload ended, at home.
      if (i >= 0) {
        await until(() => heading() === ATTRACT, "the attract screen");
        tap(document.querySelector(".kiosk-attract"));
      }
      await home();
      switch (((i % 3) + 3) % 3) {
        case 0:
          await press(/^法律援助自测/);
          await screen("法律援助自测");
          await press("开始");
          await screen("您遇到的是哪一类问题？");
          await press("工作和工资");
          await screen("具体是什么事？");
          break;
        case 1:
          await press(/^预约办事/);
          await screen("您要预约办理什么？");
          await press(/^法律咨询/);
          await screen("哪一天来？");
          break;
        default:
          await press(/^无障碍/);
          await screen("无障碍设置");
          await press("特大字", { inGroup: "文字大小" });
          await until(() => attr("data-text-size") === "larger", "larger text");
          await frame();
      }
      const finish = await until(() => find("返回首页并清除", document.querySelector("header")), "finish and clear");
      // A visit that sent something is asked for a rating first: skip it, as a
      // hurried visitor would, and that reloads.
      setTimeout(() => {
        tap(finish);
        until(() => heading() === "您对这次自助服务满意吗？" && find("不评价，结束", document), "the rating")
          .then(tap, () => {}); // no rating asked: the page is reloading
      }, 0);
    },
  };
}

driver();
