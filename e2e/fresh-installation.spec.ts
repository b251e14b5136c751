import { expect, test, type Page, type Response } from "@playwright/test";

/**
 * A newcomer's first look around, on an installation nothing has been done to yet (the
 * "fresh-installation" project runs right after first-run setup and before every other journey,
 * so no organization was discovered, nothing was linked by hand, no setting changed). The admin
 * opens every page of the navigation and every page those pages link to (one of each route
 * shape), and none may answer an error page, a console error or a status of 400 or more.
 */

const ERROR_TEXTS = [/Something went wrong/, /iamfit is not available right now/, /This page does not exist/, /Application error/];

/** One page per route: /accounts/189012374650/checklist and /accounts/234…/checklist are one shape. */
function routeShape(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (/^\d{12}$/.test(segment) ? ":account" : /^(?:[0-9a-f-]{20,}|c[a-z0-9]{20,})$/i.test(segment) ? ":id" : segment))
    .join("/");
}

/** Same-origin page links in the page's main content; downloads, exports, API URLs and JSON documents are not pages. */
async function pageLinksIn(page: Page, scope: "main" | "header"): Promise<string[]> {
  const hrefs = await page.locator(`${scope} a[href]`).evaluateAll((anchors) =>
    anchors.filter((anchor) => !anchor.hasAttribute("download")).map((anchor) => (anchor as HTMLAnchorElement).href),
  );
  const origin = new URL(page.url()).origin;
  return hrefs.filter((href) => {
    const url = new URL(href);
    return url.origin === origin && !url.pathname.startsWith("/api/") && !url.pathname.endsWith("/export") && !url.pathname.endsWith(".json") && !url.pathname.startsWith("/digests/outbox/");
  });
}

interface Problem {
  url: string;
  problem: string;
}

function watch(page: Page, problems: Problem[]) {
  page.on("console", (message) => {
    if (message.type() === "error") problems.push({ url: page.url(), problem: `console error: ${message.text()}` });
  });
  page.on("pageerror", (error) => problems.push({ url: page.url(), problem: `uncaught: ${error.message}` }));
  page.on("response", (response: Response) => {
    const url = new URL(response.url());
    if (url.origin === new URL(page.url() || response.url()).origin && response.status() >= 400) {
      problems.push({ url: page.url(), problem: `${response.request().method()} ${url.pathname}${url.search} answered ${response.status()}` });
    }
  });
}

async function openAndCheck(page: Page, href: string, problems: Problem[]): Promise<void> {
  const response = await page.goto(href);
  const status = response?.status() ?? 0;
  if (status >= 400 || status === 0) problems.push({ url: href, problem: `answered ${status}` });
  await page.waitForLoadState("networkidle");
  const text = await page.locator("body").innerText();
  for (const pattern of ERROR_TEXTS) {
    if (pattern.test(text)) problems.push({ url: href, problem: `shows "${pattern.source}"` });
  }
}

test("every page in the navigation, and every page they link to, opens without an error on a fresh installation", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: Problem[] = [];
  watch(page, problems);

  await page.goto("/");
  const navigation = await pageLinksIn(page, "header");
  expect(navigation.length, "the admin's navigation").toBeGreaterThanOrEqual(10);

  const visited = new Set<string>();
  const queue = [...navigation];
  for (const href of navigation) {
    visited.add(routeShape(new URL(href).pathname));
    await openAndCheck(page, href, problems);
    for (const linked of await pageLinksIn(page, "main")) {
      const shape = routeShape(new URL(linked).pathname);
      if (visited.has(shape)) continue;
      visited.add(shape);
      queue.push(linked);
    }
  }
  for (const href of queue.slice(navigation.length)) await openAndCheck(page, href, problems);

  // The reported defect: the templates page crashed until an organization was discovered.
  expect([...visited]).toContain("/onboarding/templates");
  expect(problems).toEqual([]);
});
