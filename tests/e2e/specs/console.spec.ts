// The back office console at /console/, on the real server (playwright.config.ts
// creates the province admin with `kiosk-server admin user add`), at 1280 × 800.
import { test, expect, CONSOLE_ADMIN, consoleShot, consoleSignIn, noAxeViolations } from "../fixtures";
import type { Page } from "@playwright/test";

const shot = consoleShot;
const signIn = (page: Page, path = "/console/") => consoleSignIn(page, CONSOLE_ADMIN, path);

test("sign-in refuses a wrong password, then signs in from the keyboard alone", async ({ page }) => {
  await page.goto("/console/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录后台");
  await expect(page.getByLabel("用户名")).toBeFocused();
  await noAxeViolations(page);
  await shot(page, "sign-in");

  await page.keyboard.type(CONSOLE_ADMIN.id);
  await page.keyboard.press("Tab");
  await page.keyboard.type("not the password at all");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toHaveText("用户名或密码不正确。");
  await expect(page.getByLabel("密码")).toHaveAttribute("aria-invalid", "true");
  await noAxeViolations(page);
  await shot(page, "sign-in-error");

  // Only the keyboard: the password field was emptied after the refusal.
  await page.getByLabel("密码").focus();
  await page.keyboard.type(CONSOLE_ADMIN.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("banner")).toContainText(`${CONSOLE_ADMIN.name} · 省级管理员`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("首页");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await noAxeViolations(page);
  await shot(page, "home");

  // From the focused heading, Tab reaches the screen's first task.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link", { name: "12348 回拨" })).toBeFocused();
  for (const next of ["今日预约", "自助终端", "服务中心设置", "统计", "法律援助标准"]) {
    await page.keyboard.press("Tab");
    await expect(page.getByRole("main").getByRole("link", { name: next })).toBeFocused();
  }
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link", { name: "用户管理" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/console\/users$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("用户管理");

  // A reload keeps the session (the cookie), and the language switch works.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("用户管理");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await noAxeViolations(page);
  await shot(page, "users-en");

  // Nothing personal kept in the browser: the session cookie is HttpOnly.
  const kept = await page.evaluate(() => ({
    local: Object.keys(localStorage).length,
    session: Object.keys(sessionStorage).length,
    cookie: document.cookie,
  }));
  expect(kept).toEqual({ local: 0, session: 0, cookie: "" });
});

test("users: add an operator, field errors, an edit conflict between two pages", async ({ browser }) => {
  const id = `op-${Date.now().toString(36)}`;
  const a = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(a, "/console/users");
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("用户管理");
  await expect(a.getByRole("table")).toContainText(CONSOLE_ADMIN.id);
  await noAxeViolations(a);

  // Checks in the browser, with the server's rules (core) and messages.
  const add = a.getByRole("region", { name: "新增用户" });
  await add.getByLabel("用户名").fill("Bad Name");
  await add.getByLabel("初始密码").fill("short");
  await add.getByRole("button", { name: "新增" }).click();
  await expect(add.getByText("用户名须为 2–32 个小写字母")).toBeVisible();
  await expect(add.getByText("请填写姓名（1–60 个字符）。")).toBeVisible();
  await expect(add.getByText("密码至少 12 个字符。")).toBeVisible();
  await expect(add.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");
  await noAxeViolations(a);
  await shot(a, "users-add-errors");

  await add.getByLabel("用户名").fill(id);
  await add.getByLabel("姓名").fill("李话务");
  await add.getByLabel("角色").selectOption("operator");
  await add.getByLabel("初始密码").fill("operator-password-1");
  await add.getByRole("button", { name: "新增" }).click();
  await expect(a.getByRole("status").filter({ hasText: "已新增用户" })).toContainText(id);
  const row = a.getByRole("row").filter({ hasText: id });
  await expect(row).toContainText("李话务");
  await expect(row).toContainText("12348 话务员");

  // The same name again: the server's refusal, next to the field.
  await add.getByLabel("用户名").fill(id);
  await add.getByLabel("姓名").fill("重复");
  await add.getByLabel("初始密码").fill("operator-password-1");
  await add.getByRole("button", { name: "新增" }).click();
  await expect(add.getByText("此用户名已被使用。")).toBeVisible();
  await shot(a, "users");

  // A second admin's page opens the same user, and saves first.
  const b = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(b, "/console/users");
  await a.getByRole("button", { name: `编辑 ${id}` }).click();
  await b.getByRole("button", { name: `编辑 ${id}` }).click();
  const editB = b.getByRole("region", { name: /编辑用户/ });
  await editB.getByLabel("姓名").fill("李话务乙");
  await editB.getByRole("button", { name: "保存" }).click();
  await expect(b.getByRole("row").filter({ hasText: id })).toContainText("李话务乙");

  const editA = a.getByRole("region", { name: /编辑用户/ });
  await expect(editA.getByRole("heading")).toBeFocused();
  await editA.getByLabel("姓名").fill("李话务甲");
  await editA.getByRole("button", { name: "保存" }).click();
  await expect(editA.getByRole("alert")).toHaveText("此用户已被他人修改。请重新载入后再修改。");
  await noAxeViolations(a);
  await shot(a, "users-conflict");
  await editA.getByRole("button", { name: "重新载入" }).click();
  await expect(editA.getByLabel("姓名")).toHaveValue("李话务乙");
  await editA.getByRole("checkbox", { name: /停用此账号/ }).check();
  await editA.getByRole("button", { name: "保存" }).click();
  await expect(a.getByRole("row").filter({ hasText: id })).toContainText("已停用");

  // A reset password: too short first, then done.
  await a.getByRole("button", { name: `重置密码 ${id}` }).click();
  const reset = a.getByRole("region", { name: /重置密码/ });
  await reset.getByLabel("新密码").fill("short");
  await reset.getByRole("button", { name: "重置密码" }).click();
  await expect(reset.getByText("密码至少 12 个字符。")).toBeVisible();
  await noAxeViolations(a);
  await reset.getByLabel("新密码").fill("a-new-password-2");
  await reset.getByRole("button", { name: "重置密码" }).click();
  await expect(a.getByRole("status").filter({ hasText: "已重置密码" })).toContainText(id);

  // The audit log: the changes, with the admin's name.
  await a.getByRole("navigation").getByRole("link", { name: "审计日志" }).click();
  await expect(a).toHaveURL(/\/console\/audit$/);
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("审计日志");
  const created = a.getByRole("row").filter({ hasText: "新增用户" }).filter({ hasText: `user:${id}` });
  await expect(created).toContainText(CONSOLE_ADMIN.name);
  await expect(a.getByRole("row").filter({ hasText: "修改用户" }).filter({ hasText: `user:${id}` })).toHaveCount(2);
  await noAxeViolations(a);
  await shot(a, "audit");

  // Filters: one action for one target.
  await a.getByLabel("操作类型").selectOption("user_password_reset");
  await a.getByLabel("对象").fill(`user:${id}`);
  await a.getByRole("button", { name: "查询" }).click();
  await expect(a.getByRole("status").filter({ hasText: "条记录" })).toHaveText("1 条记录");
  await expect(a.getByRole("table").getByRole("row")).toHaveCount(2);
  await shot(a, "audit-filtered");

  // Sign out: back to sign-in, and the session is gone after a reload too.
  await a.getByRole("button", { name: "退出登录" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("登录后台");
  await expect(a.getByText("您已退出登录。")).toBeVisible();
  await noAxeViolations(a);
  await a.reload();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("登录后台");
  await a.context().close();
  await b.context().close();
});

test("a deep link to an unknown console page shows its not-found screen", async ({ page }) => {
  await signIn(page, "/console/no-such-screen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  await noAxeViolations(page);
  await shot(page, "not-found");
});

test("idle: a warning a minute before the timeout, stay signed in, then the sign-out", async ({ page }) => {
  // The page's clock only: the server's idle clock still runs in real time, so
  // "stay signed in" is answered by a live session.
  await page.clock.install();
  await signIn(page, "/console/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("审计日志");
  await page.clock.fastForward("14:02");
  const warning = page.getByRole("alert").filter({ hasText: "即将因长时间未操作而被退出登录" });
  await expect(warning).toBeVisible();
  await noAxeViolations(page);
  await shot(page, "idle-warning");
  await warning.getByRole("button", { name: "保持登录" }).click();
  await expect(warning).toHaveCount(0);
  await page.clock.fastForward("15:02");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录后台");
  await expect(page.getByText("您长时间未操作，已自动退出登录，请重新登录。")).toBeVisible();
  await noAxeViolations(page);
});
