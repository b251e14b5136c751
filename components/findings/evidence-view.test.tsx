import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EvidenceView } from "./evidence-view";

const HOSTILE = "<img src=x onerror=alert(1)>";

describe("EvidenceView", () => {
  it("renders names from AWS as text, never as markup", () => {
    const html = renderToStaticMarkup(
      <EvidenceView
        evidence={{
          user: HOSTILE,
          arn: `arn:aws:iam::123456789012:user/${HOSTILE}`,
          mfa_active: false,
          statement: { index: 0, sid: HOSTILE, statement: { Sid: HOSTILE, Effect: "Allow", Action: "*", Resource: "*" } },
        }}
      />,
    );
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("marks the broad parts of a policy statement with <mark>", () => {
    const html = renderToStaticMarkup(<EvidenceView evidence={{ index: 0, statement: { Effect: "Allow", NotAction: "iam:*", Resource: "*" } }} />);
    const marked = [...html.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((match) => match[1]);
    expect(marked).toEqual(["&quot;NotAction&quot;", "&quot;iam:*&quot;", "&quot;*&quot;", "Marked"]);
  });

  it("says when a finding's evidence is not stored", () => {
    expect(renderToStaticMarkup(<EvidenceView evidence={undefined} />)).toContain("not stored");
  });
});
