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

  it("lets an ARN wrap only after its colons and slashes, never inside a name", () => {
    const html = renderToStaticMarkup(
      <EvidenceView checkId="keys.rotated" evidence={{ user: "AdministratorAccessRole", arn: "arn:aws:iam::123456789012:user/AdministratorAccessRole", access_key_1_active: true, access_key_1_last_rotated: "2020-01-01T00:00:00+00:00" }} />,
    );
    expect(html).toContain(">AdministratorAccessRole</code>");
    expect(html).toContain("arn:<wbr/>aws:<wbr/>iam:<wbr/>:<wbr/>123456789012:<wbr/>user/<wbr/>AdministratorAccessRole");
    expect(html).not.toContain("overflow-wrap:anywhere");
  });

  it("says when a finding's evidence is not stored", () => {
    expect(renderToStaticMarkup(<EvidenceView evidence={undefined} />)).toContain("not stored");
  });
});
