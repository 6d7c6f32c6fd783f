// Legal-aid standards in the console: a broken file is refused with where it
// breaks; a good one is previewed by what changes from which date, and only
// then put in force, by name in the audit log.
import { test, expect, CONSOLE_ADMIN, consoleShot, consoleSignIn, noAxeViolations } from "../fixtures";

test("a standards upload is checked, previewed by effective date, then applied", async ({ page, request }) => {
  const original = (await (await request.get("/api/v1/eligibility/standards")).json()) as {
    entries: Record<string, unknown>[];
  };
  // A figure that starts far in the future changes nothing a visitor sees today.
  const first = original.entries[0] as { region: string; standard_per_capita_monthly: number };
  const added = { ...original.entries[0], effective_from: "2099-01-01", standard_per_capita_monthly: first.standard_per_capita_monthly + 100 };
  const updated = JSON.stringify({ entries: [...original.entries, added] }, null, 2);

  await consoleSignIn(page, CONSOLE_ADMIN);
  await page.getByRole("navigation").getByRole("link", { name: "法律援助标准" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("法律援助标准");
  await expect(page.locator(".standards-current")).toContainText(first.region);
  await noAxeViolations(page);

  // Broken JSON: said with its line, before anything is sent.
  const text = page.getByLabel("或粘贴文件内容");
  await text.fill('{\n  "entries": [\n    {]\n}');
  await page.getByRole("button", { name: "检查并预览" }).click();
  await expect(page.locator("#standards-problem")).toContainText("第 3 行");
  await expect(text).toHaveAttribute("aria-invalid", "true");

  // A good file: the preview lists the one change and its date.
  await text.fill(updated);
  await page.getByRole("button", { name: "检查并预览" }).click();
  await expect(page.getByRole("heading", { name: "预览：将发生的变化" })).toBeFocused();
  const change = page.locator(".standards-changes tbody tr");
  await expect(change).toHaveCount(1);
  await expect(change).toContainText("新增");
  await expect(change).toContainText("2099-01-01");
  await expect(change).toContainText(String(first.standard_per_capita_monthly + 100));
  await noAxeViolations(page);
  await consoleShot(page, "standards-preview");

  try {
    await page.getByRole("button", { name: "确认生效" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("新标准已生效");
    await expect(page.locator(".standards-current")).toContainText("2099-01-01");
    await expect(page.getByRole("main")).toContainText(`在后台上传 · 上传：`);
    await expect(page.getByRole("main")).toContainText(CONSOLE_ADMIN.name);
    const served = (await (await request.get("/api/v1/eligibility/standards")).json()) as { entries: unknown[] };
    expect(served.entries).toHaveLength(original.entries.length + 1);

    // The same file again changes nothing, and says so.
    await text.fill(updated);
    await page.getByRole("button", { name: "检查并预览" }).click();
    await expect(page.getByRole("main")).toContainText("这个文件与现行标准完全相同");
    await expect(page.getByRole("button", { name: "确认生效" })).toHaveCount(0);
  } finally {
    // Back to the standards every other test expects, through the same screen.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("法律援助标准");
    await page.getByLabel("或粘贴文件内容").fill(JSON.stringify(original));
    await page.getByRole("button", { name: "检查并预览" }).click();
    await expect(page.locator(".standards-changes")).toContainText("删除");
    await page.getByRole("button", { name: "确认生效" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("新标准已生效");
  }
});
