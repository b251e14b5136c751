import { describe, expect, it } from "vitest";
import { buildDigest } from "./content";
import { renderDigest, type RenderedDigest } from "./render-digest";
import { accountFacts, checklistEntry, digestContext, digestData, findingChange, HOSTILE_NAME } from "./testing/factories";

async function renderWith(fields: Parameters<typeof digestData>[0]): Promise<RenderedDigest> {
  return renderDigest(buildDigest(digestData(fields), digestContext()));
}

/** React separates adjacent text nodes with empty comments; readers never see them. */
function withoutComments(html: string): string {
  return html.replace(/<!--.*?-->/g, "");
}

const hostileFailure = findingChange({
  severity: "critical",
  resourceName: HOSTILE_NAME,
  resourceId: `arn:aws:iam::111111111111:user/${HOSTILE_NAME}`,
  reason: `${HOSTILE_NAME} has a console password and no MFA`,
  accountName: "prod \"quoted\" & <b>bold</b>",
});

describe("renderDigest: numbers", () => {
  it("shows the score, its change and each account's before and after in both parts", async () => {
    const rendered = await renderWith({
      organization: { now: 72, before: 75 },
      accounts: [accountFacts({ awsAccountId: "111111111111", name: "production", scoreBefore: 90, scoreNow: 61 })],
      newFailures: { items: [findingChange()], total: 1 },
      fixed: { items: [findingChange({ severity: "medium", resourceName: "bob" })], total: 12 },
      overdue: { items: [checklistEntry()], total: 4 },
    });
    expect(rendered.subject).toBe("iamfit weekly digest: score 72 (\u22123), 1 new critical/high failure");
    for (const part of [withoutComments(rendered.html), rendered.text]) {
      expect(part).toContain("\u22123 points");
      expect(part).toMatch(/90 → .*61.*\u221229/s);
      expect(part).toContain("New critical and high failures (1)");
      expect(part).toContain("Fixed (12)");
      expect(part).toContain("Overdue checklist items (4)");
      expect(part).toContain("…and 3 more overdue items.");
    }
    expect(withoutComments(rendered.html)).toMatch(/>72<span[^>]*> \/ 100<\/span>/);
    expect(rendered.text).toContain("72 / 100");
  });
});

describe("renderDigest: links", () => {
  it("links every line to its page with absolute URLs, in HTML and in text", async () => {
    const rendered = await renderWith({
      accounts: [accountFacts({ awsAccountId: "111111111111", name: "production", scoreBefore: 90, scoreNow: 61 })],
      newFailures: { items: [findingChange({ resourceName: "alice" })], total: 1 },
      overdue: { items: [checklistEntry({ itemId: "42" })], total: 1 },
    });
    const links = [
      "https://iamfit.example.com/accounts/111111111111",
      "https://iamfit.example.com/accounts/111111111111/resources?id=arn%3Aaws%3Aiam%3A%3A111111111111%3Auser%2Falice",
      "https://iamfit.example.com/accounts/111111111111/checklist?state=all#item-42",
      "https://iamfit.example.com/digests/unsubscribe?s=6f1c2b1e-7d3a-4c55-9b8e-0a1b2c3d4e5f&t=signed-token",
      "https://iamfit.example.com/digests?subscription=6f1c2b1e-7d3a-4c55-9b8e-0a1b2c3d4e5f",
    ];
    const hrefs = [...rendered.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
    for (const link of links) {
      expect(hrefs).toContain(link);
      expect(rendered.text).toContain(`<${link}>`);
    }
    expect(hrefs.every((href) => href.startsWith("https://iamfit.example.com/"))).toBe(true);
  });
});

describe("renderDigest: hostile names", () => {
  it("escapes a name made of HTML in the HTML part, in text and in attributes", async () => {
    const { html } = await renderWith({ newFailures: { items: [hostileFailure], total: 1 } });
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/onerror=alert\(1\)>/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("prod &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(html).toContain("resources?id=arn%3Aaws%3Aiam%3A%3A111111111111%3Auser%2F%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E");
  });

  it("keeps the name legible but inert in the plain-text part", async () => {
    const { text } = await renderWith({ newFailures: { items: [hostileFailure], total: 1 } });
    // Plain text is never interpreted: the name appears as written, so people can find the user.
    expect(text).toContain(`${HOSTILE_NAME} has a console password and no MFA`);
    expect(text).not.toContain("&lt;");
  });

  it("cannot forge lines in the text part with line breaks in a name", async () => {
    const forged = findingChange({ resourceName: "alice\n\nAll clear: https://evil.example/", reason: "fine\r\nUnsubscribe: https://evil.example/" });
    const { text } = await renderWith({ newFailures: { items: [forged], total: 1 } });
    expect(text).not.toMatch(/^All clear/m);
    expect(text).not.toMatch(/^Unsubscribe: https:\/\/evil/m);
    expect(text).toContain("alice All clear: https://evil.example/");
  });
});

describe("renderDigest: mail client safety", () => {
  it("has no scripts, no external or embedded style sheets, no images, and declares light and dark support", async () => {
    const { html } = await renderWith({ newFailures: { items: [hostileFailure], total: 1 } });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/<img/i);
    // No event handler attribute on any tag (the escaped name's "onerror=" is text, outside tags).
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).toContain('<meta name="color-scheme" content="light dark"/>');
    expect(html).toContain('<meta name="supported-color-schemes" content="light dark"/>');
  });

  it("sets a text colour wherever it sets a background, so inverted dark themes stay readable", async () => {
    const { html } = await renderWith({ newFailures: { items: [hostileFailure], total: 1 } });
    const styles = [...html.matchAll(/style="([^"]*)"/g)].map((match) => match[1]!);
    const withBackground = styles.filter((style) => /background-color:/.test(style) && !/^background-color:[^;]+;margin:0;padding:0$/.test(style));
    expect(withBackground.length).toBeGreaterThan(0);
    for (const style of withBackground) expect(style).toMatch(/(^|;)color:/);
  });

  it("puts the inbox preview line in the HTML but not in the plain-text part", async () => {
    const rendered = await renderWith({ organization: { now: 72, before: 75 } });
    expect(rendered.html).toContain("All accounts, 23 Mar 2026 – 30 Mar 2026: 0 new critical/high failures, 0 fixed findings.");
    expect(rendered.text).not.toContain("0 fixed findings.");
    expect(rendered.text.trimStart().startsWith("iamfit weekly digest · All accounts")).toBe(true);
  });
});
