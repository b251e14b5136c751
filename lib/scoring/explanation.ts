/**
 * The scoring formula in plain words, for the scorecard page. The weights are read from the
 * code, so the page cannot state different ones than the scores use.
 */
import { SEVERITY_WEIGHTS } from "./score";

const weights = `critical ${SEVERITY_WEIGHTS.critical}, high ${SEVERITY_WEIGHTS.high}, medium ${SEVERITY_WEIGHTS.medium}, low ${SEVERITY_WEIGHTS.low}`;

export const SCORING_EXPLANATION = [
  "Each check looks at every resource it applies to (a user, a key, a bucket, a region…) and marks it pass, fail, unknown or not applicable.",
  `A check's score is the share of its judged resources that pass, each counted by its severity (${weights}), so one critical failure weighs as much as four low ones. Only pass and fail are judged: unknown (the data could not be read, for example because access was denied) and not applicable never count as a pass, and never as a fail either.`,
  "An exercise's score is the average of its checks' scores, weighted the same way by each check's severity. Checks with nothing judged are left out; an exercise where nothing could be judged has no score rather than 0 or 100.",
  "Because an exercise averages only the checks that judged something, one failing check can set a whole exercise to 0 when the exercise's other checks had nothing to judge (for example a missing password policy while every access key is unknown). The exercise then says which check did it.",
  "Severity rises with age where the guide implies it: an access key older than 90 days is a medium failure, and one older than a year is a high failure.",
  "An account's score is the plain average of its exercises that have a score, and the organization's score is the average over accounts. Next to it you see the worst account for each exercise.",
  "A score is an average, so a good score can still hide a critical failure. That is why each account's open failures are counted by severity beside its score, and why the accounts needing attention are ranked by open critical failures, then high ones, with the score only breaking ties.",
  "Scores run from 0 to 100 and are rounded only at the end. The number of checks with unknown findings is always shown next to a score, because it tells you how much of the picture is missing.",
].join("\n\n");
