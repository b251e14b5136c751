/**
 * The outcome of "Test connection", step by step: which AWS call worked (✓) or failed (✗),
 * with the AWS error code, its message and what to change.
 */
import { ErrorCode } from "./error-code";

export interface ConnectionTestStepView {
  api: string;
  region?: string;
  ok: boolean;
  error?: { api?: string; code: string; message: string };
  hint?: string;
}

export interface ConnectionTestView {
  ok: boolean;
  steps: ConnectionTestStepView[];
  /** The test itself could not run (no AWS runtime, unexpected error). */
  failure?: string;
  testedAt: string;
}

export function ConnectionTestResult({ result }: { result: ConnectionTestView }) {
  const failedStep = result.steps.find((step) => !step.ok);
  const summary = result.failure
    ? "The connection test could not run."
    : result.ok
      ? "Connection works: iamfit can assume the audit role and read this account."
      : `Connection failed${failedStep ? ` at ${failedStep.api}` : ""}.`;
  return (
    <div
      className={`rounded-md border p-3 text-sm ${
        result.ok
          ? "border-emerald-300 bg-emerald-50 dark:border-emerald-900 dark:bg-emerald-950/50"
          : "border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/50"
      }`}
    >
      <p className="font-semibold">{summary}</p>
      {result.failure ? <p className="mt-1 break-words">{result.failure}</p> : null}
      {result.steps.length > 0 ? (
        <ol className="mt-2 space-y-2" aria-label="Connection test steps">
          {result.steps.map((step, index) => (
            <li key={`${step.api}-${step.region ?? ""}-${index}`} className="flex gap-2">
              <span
                aria-hidden="true"
                className={`mt-px font-bold ${step.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
              >
                {step.ok ? "✓" : "✗"}
              </span>
              <div className="min-w-0">
                <p>
                  <span className="sr-only">{step.ok ? "Passed: " : "Failed: "}</span>
                  <code className="font-medium">{step.api}</code>
                  {step.region ? <span className="muted"> in {step.region}</span> : null}
                </p>
                {step.error ? (
                  <p className="mt-0.5 break-words">
                    <ErrorCode code={step.error.code} className="font-semibold text-red-800 dark:text-red-300" />: {step.error.message}
                  </p>
                ) : null}
                {step.hint ? <p className="mt-0.5 break-words muted">{step.hint}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
