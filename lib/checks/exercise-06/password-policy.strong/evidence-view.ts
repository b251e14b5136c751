import { noteBlock, type EvidenceBlock } from "../../evidence/blocks";
import { shortfalls, type PasswordPolicyEvidence } from "./evidence";

const characters = (count: number) => `${count} character${count === 1 ? "" : "s"}`;
const lastPasswords = (count: number) => (count === 1 ? "the last password" : `the last ${count} passwords`);

/** Each judged setting beside what is required, the ones that fall short marked. */
export function describePasswordPolicy(evidence: PasswordPolicyEvidence): EvidenceBlock[] {
  const short = shortfalls(evidence);
  const { required } = evidence;
  const current = evidence.present
    ? {
        length: evidence.minimumPasswordLength === null ? "not set" : characters(evidence.minimumPasswordLength),
        reuse: evidence.passwordReusePrevention === null || evidence.passwordReusePrevention === 0 ? "off" : `${lastPasswords(evidence.passwordReusePrevention)} cannot be reused`,
      }
    : { length: "no policy", reuse: "no policy" };
  const table: EvidenceBlock = {
    kind: "table",
    title: evidence.present ? "Password policy" : "What a password policy must require",
    columns: ["Setting", "This account", "Required"],
    rows: [
      ["Minimum length", { text: current.length, mark: short.length }, `at least ${characters(required.minimumPasswordLength)}`],
      ["Reuse prevention", { text: current.reuse, mark: short.reuse }, `${lastPasswords(required.passwordReusePrevention)} cannot be reused`],
    ],
  };
  if (evidence.present) return [table];
  return [
    noteBlock(
      "The account has no password policy (AWS answered NoSuchEntity), so nothing requires long passwords or stops a user from reusing an old one. Setting a policy with the limits below fixes this control.",
      "No password policy",
    ),
    table,
  ];
}
