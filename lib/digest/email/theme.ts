/**
 * Looks of the digest email. Inline styles only: many clients drop <style> blocks and never load
 * external CSS. Every block sets both its background and its text colour, so clients that invert
 * colours for dark mode (Gmail and Outlook apps) invert a consistent pair instead of leaving dark
 * text on a darkened background; `color-scheme: light dark` lets Apple Mail adapt natively.
 * Meaning never rides on colour alone: severities and changes are also written out.
 */
import type { CSSProperties } from "react";
import type { Severity } from "@/lib/checks/types";

export const palette = {
  page: "#f4f4f5",
  card: "#ffffff",
  text: "#18181b",
  muted: "#52525b",
  border: "#e4e4e7",
  link: "#4338ca",
  drop: "#b91c1c",
  gain: "#047857",
} as const;

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export const styles = {
  body: { backgroundColor: palette.page, color: palette.text, fontFamily: FONT, margin: 0, padding: "24px 0" },
  container: { backgroundColor: palette.card, color: palette.text, border: `1px solid ${palette.border}`, borderRadius: "8px", maxWidth: "640px", padding: "24px" },
  eyebrow: { color: palette.muted, fontSize: "13px", lineHeight: "18px", margin: "0 0 4px" },
  title: { color: palette.text, fontSize: "22px", lineHeight: "28px", fontWeight: 700, margin: "0 0 4px" },
  sectionTitle: { color: palette.text, fontSize: "16px", lineHeight: "22px", fontWeight: 700, margin: "24px 0 8px" },
  text: { color: palette.text, fontSize: "14px", lineHeight: "21px", margin: "0 0 8px" },
  muted: { color: palette.muted, fontSize: "13px", lineHeight: "19px", margin: "0 0 8px" },
  line: { color: palette.text, fontSize: "14px", lineHeight: "21px", margin: "0 0 10px" },
  detail: { color: palette.muted, fontSize: "13px", lineHeight: "19px" },
  link: { color: palette.link, textDecoration: "underline" },
  bigScore: { color: palette.text, fontSize: "40px", lineHeight: "44px", fontWeight: 700, margin: "0" },
  hr: { borderColor: palette.border, margin: "24px 0 16px" },
  footer: { color: palette.muted, fontSize: "12px", lineHeight: "18px", margin: "0 0 6px" },
} satisfies Record<string, CSSProperties>;

// Each pair keeps at least 4.5:1 contrast, before and after a client's inversion.
const SEVERITY_COLOURS: Record<Severity, { color: string; backgroundColor: string }> = {
  critical: { color: "#ffffff", backgroundColor: "#991b1b" },
  high: { color: "#ffffff", backgroundColor: "#c2410c" },
  medium: { color: "#18181b", backgroundColor: "#fde68a" },
  low: { color: "#18181b", backgroundColor: "#e4e4e7" },
};

export function severityStyle(severity: Severity): CSSProperties {
  return {
    ...SEVERITY_COLOURS[severity],
    borderRadius: "4px",
    fontSize: "11px",
    fontWeight: 700,
    letterSpacing: "0.03em",
    padding: "1px 6px",
    textTransform: "uppercase",
    whiteSpace: "nowrap",
  };
}

export function changeStyle(change: number | null): CSSProperties {
  if (change === null || change === 0) return { color: palette.muted, fontWeight: 600 };
  return { color: change < 0 ? palette.drop : palette.gain, fontWeight: 700 };
}
