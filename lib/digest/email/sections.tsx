/**
 * The digest's sections. Each is a heading and a list of paragraphs, one per line of the model:
 * paragraphs survive every client and turn into readable lines in the plain-text part.
 */
import { Heading, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { formatChange, type AccountChangeLine, type ChecklistLine, type FindingLine, type NotAssessedLine, type ScoreLine, type Section as ModelSection } from "../content";
import { changeStyle, severityStyle, styles } from "./theme";

export function DigestSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Section id={id}>
      <Heading as="h2" style={styles.sectionTitle}>
        {title}
      </Heading>
      {children}
    </Section>
  );
}

function MoreLine({ section, noun }: { section: ModelSection<unknown>; noun: string }) {
  if (section.total <= section.lines.length) return null;
  return (
    <Text style={styles.muted}>
      …and {section.total - section.lines.length} more {noun}.{" "}
      <Link href={section.moreHref} style={styles.link}>
        See all {section.total}
      </Link>
    </Text>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <Text style={styles.muted}>{children}</Text>;
}

export function ScoreSummary({ score, periodLabel }: { score: ScoreLine; periodLabel: string }) {
  return (
    <Section>
      <Text style={styles.eyebrow}>{score.label}</Text>
      <Text style={styles.bigScore}>
        {score.now === null ? "–" : `${score.now}`}
        <span style={{ ...styles.detail, fontSize: "16px" }}> / 100</span>
      </Text>
      <Text style={styles.text}>
        {score.change === null ? (
          <span style={changeStyle(null)}>No comparison with last week yet</span>
        ) : (
          <>
            <span style={changeStyle(score.change)}>{score.change === 0 ? "No change" : `${formatChange(score.change)} points`}</span> since last week ({periodLabel})
          </>
        )}
        <br />
        <span style={styles.detail}>
          {score.assessed} of {score.total} account{score.total === 1 ? "" : "s"} assessed ·{" "}
          <Link href={score.href} style={styles.link}>
            Scorecard
          </Link>
        </span>
      </Text>
    </Section>
  );
}

export function AccountChanges({ section }: { section: ModelSection<AccountChangeLine> & { unchanged: number } }) {
  return (
    <DigestSection id="account-changes" title="Account scores">
      {section.lines.length === 0 ? <Empty>No account score changed this week.</Empty> : null}
      {section.lines.map((line) => (
        <Text key={line.awsAccountId} style={styles.line}>
          <Link href={line.href} style={styles.link}>
            {line.name}
          </Link>{" "}
          <span style={styles.detail}>({line.awsAccountId})</span>:{" "}
          {line.change === null ? (
            <>
              <strong>{line.now}</strong> <span style={changeStyle(null)}>first assessment</span>
            </>
          ) : (
            <>
              {line.before} → <strong>{line.now}</strong> <span style={changeStyle(line.change)}>({formatChange(line.change)})</span>
            </>
          )}
        </Text>
      ))}
      <MoreLine section={section} noun="changed accounts" />
      {section.unchanged > 0 ? <Text style={styles.muted}>{section.unchanged} unchanged.</Text> : null}
    </DigestSection>
  );
}

export function FindingList({ id, title, empty, noun, section }: { id: string; title: string; empty: string; noun: string; section: ModelSection<FindingLine> }) {
  return (
    <DigestSection id={id} title={`${title} (${section.total})`}>
      {section.lines.length === 0 ? <Empty>{empty}</Empty> : null}
      {section.lines.map((line, index) => (
        <Text key={index} style={styles.line}>
          <span style={severityStyle(line.severity)}>{line.severity}</span>{" "}
          <Link href={line.href} style={styles.link}>
            {line.resourceName}
          </Link>{" "}
          in {line.accountName}: {line.checkTitle}
          <br />
          <span style={styles.detail}>{line.reason}</span>
        </Text>
      ))}
      <MoreLine section={section} noun={noun} />
    </DigestSection>
  );
}

export function ChecklistList({ id, title, empty, noun, section }: { id: string; title: string; empty: string; noun: string; section: ModelSection<ChecklistLine> }) {
  return (
    <DigestSection id={id} title={`${title} (${section.total})`}>
      {section.lines.length === 0 ? <Empty>{empty}</Empty> : null}
      {section.lines.map((line, index) => (
        <Text key={index} style={styles.line}>
          <span style={severityStyle(line.severity)}>{line.severity}</span>{" "}
          <Link href={line.href} style={styles.link}>
            {line.checkTitle}
          </Link>{" "}
          for {line.resourceName} in {line.accountName}
          <br />
          <span style={styles.detail}>
            {line.when}
            {line.assignee ? `, assigned to ${line.assignee}` : ""}
          </span>
        </Text>
      ))}
      <MoreLine section={section} noun={noun} />
    </DigestSection>
  );
}

export function NotAssessedList({ section }: { section: ModelSection<NotAssessedLine> }) {
  if (section.total === 0) return null;
  return (
    <DigestSection id="not-assessed" title={`Accounts that could not be assessed (${section.total})`}>
      {section.lines.map((line) => (
        <Text key={line.awsAccountId} style={styles.line}>
          <Link href={line.href} style={styles.link}>
            {line.name}
          </Link>{" "}
          <span style={styles.detail}>({line.awsAccountId})</span>
          <br />
          <span style={styles.detail}>{line.reason}</span>
        </Text>
      ))}
      <MoreLine section={section} noun="accounts" />
    </DigestSection>
  );
}
