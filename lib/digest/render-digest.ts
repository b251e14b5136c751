/**
 * The digest model as an email's two bodies: HTML from the React template, and the plain-text
 * part from the same HTML (html-to-text through @react-email/render), so both say the same.
 */
import { render, type Options } from "@react-email/render";
import { createElement } from "react";
import type { DigestModel } from "./content";
import { DigestEmail } from "./email/digest-email";

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

const PLAIN_TEXT: Options = {
  plainText: true,
  htmlToTextOptions: {
    // Mail clients wrap plain text themselves; hard breaks would split a line from its link.
    wordwrap: false,
    selectors: [
      // The preheader is for inbox lists; in the text part it would repeat the first lines.
      { selector: "div[data-skip-in-text]", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "a", options: { hideLinkHrefIfSameAsText: true, linkBrackets: ["<", ">"] } },
    ],
  },
};

export async function renderDigest(model: DigestModel): Promise<RenderedDigest> {
  const email = createElement(DigestEmail, { model });
  const [html, text] = await Promise.all([render(email), render(email, PLAIN_TEXT)]);
  return { subject: model.subject, html, text };
}
