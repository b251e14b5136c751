import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CollectionErrorsTable } from "./collection-errors-table";
import { ErrorCode } from "./error-code";
import { ErrorSummary } from "./error-summary";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("error codes where people read them", () => {
  it("shows iamfit's own code in words, with the explanation on hover and for screen readers", () => {
    const html = renderToStaticMarkup(<ErrorCode code="WorkerLost" />);
    expect(html).not.toContain("WorkerLost");
    expect(text(html)).toBe(
      "Collection interrupted (The worker collecting this account stopped (a restart or crash) before it finished. The next collection retries.)",
    );
    expect(html).toContain('title="The worker collecting this account stopped (a restart or crash) before it finished. The next collection retries."');
  });

  it("keeps AWS's code as AWS names it, explained", () => {
    const html = renderToStaticMarkup(<ErrorCode code="AccessDenied" />);
    expect(html).toContain("<code>AccessDenied</code>");
    expect(text(html)).toContain("AWS refused the call");
  });

  it("puts words in the error summary of run and account pages", () => {
    const html = renderToStaticMarkup(
      <ErrorSummary error={{ code: "IncompleteEntry", api: "iam:GetAccountAuthorizationDetails", message: "AWS answered a role without its ARN." }} />,
    );
    expect(html).not.toContain("IncompleteEntry");
    expect(text(html)).toMatch(/^Entry left out \(.+\) · iam:GetAccountAuthorizationDetails AWS answered a role without its ARN\.$/);
  });

  it("puts words in the per-API errors table", () => {
    const html = renderToStaticMarkup(
      <CollectionErrorsTable caption="Errors" rows={[{ error: { code: "UnreadableResponse", api: "iam:GetAccountSummary", message: "mismatched tags" } }]} />,
    );
    expect(html).not.toContain("UnreadableResponse");
    expect(text(html)).toContain("Unreadable answer");
  });
});
