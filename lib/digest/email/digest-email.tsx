/**
 * The weekly digest email: one React tree rendered to HTML and, through html-to-text, to the
 * plain-text part (lib/digest/render-digest.ts). No scripts, no external CSS, no images.
 */
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from "@react-email/components";
import type { DigestModel } from "../content";
import { AccountChanges, ChecklistList, FindingList, NotAssessedList, ScoreSummary } from "./sections";
import { styles } from "./theme";

export function DigestEmail({ model }: { model: DigestModel }) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{model.subject}</title>
      </Head>
      <Preview>{model.preheader}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.eyebrow}>
            iamfit weekly digest · {model.scopeLabel} · {model.periodLabel}
          </Text>
          <Heading as="h1" style={styles.title}>
            Cloud Security Fitness this week
          </Heading>
          <ScoreSummary score={model.score} periodLabel={model.periodLabel} />
          <AccountChanges section={model.accountChanges} />
          <FindingList
            id="new-failures"
            title="New critical and high failures"
            empty="No new critical or high failures this week."
            noun="new failures"
            section={model.newFailures}
          />
          <FindingList id="fixed" title="Fixed" empty="No finding was fixed this week." noun="fixed findings" section={model.fixed} />
          {model.overdue ? (
            <ChecklistList id="overdue" title="Overdue checklist items" empty="Nothing is overdue." noun="overdue items" section={model.overdue} />
          ) : null}
          {model.expiringAcceptances ? (
            <ChecklistList
              id="expiring-acceptances"
              title="Risk acceptances expiring soon"
              empty="No risk acceptance expires in the next two weeks."
              noun="acceptances"
              section={model.expiringAcceptances}
            />
          ) : null}
          <NotAssessedList section={model.notAssessed} />
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            <Link href={model.links.scorecard} style={styles.link}>
              Open the scorecard
            </Link>{" "}
            ·{" "}
            <Link href={model.links.settings} style={styles.link}>
              Digest settings
            </Link>{" "}
            ·{" "}
            <Link href={model.links.unsubscribe} style={styles.link}>
              Unsubscribe
            </Link>
          </Text>
          <Text style={styles.footer}>You receive this because a weekly iamfit digest was set up for this address.</Text>
        </Container>
      </Body>
    </Html>
  );
}
