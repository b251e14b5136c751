import type { PendingEnrolment } from "@/lib/auth/totp-enrolment";
import { TotpCodeForm } from "./totp-code-form";

/** The key to add to an authenticator app (QR code, or the secret to type) and the code that confirms it. */
export function TotpEnrolmentPanel({ enrolment, next, signInHref }: { enrolment: PendingEnrolment; next: string; signInHref: string }) {
  return (
    <div className="card space-y-5 p-5">
      <ol className="list-decimal space-y-4 pl-5 text-sm">
        <li>
          <p>Scan this QR code with an authenticator app (1Password, Google Authenticator, Microsoft Authenticator, Authy…).</p>
          {/* A data: URL rendered on the server: no script involved, and img-src allows data:. */}
          <img src={enrolment.qrCodeDataUrl} alt="QR code of your iamfit authenticator key" width={192} height={192} className="mt-3 rounded-md border border-zinc-200 bg-white p-1 dark:border-zinc-700" />
        </li>
        <li>
          <p>Cannot scan? Type this key into the app instead (time-based, 6 digits):</p>
          <code data-testid="totp-secret" className="mt-2 block rounded-md bg-zinc-100 px-3 py-2 text-sm break-all select-all dark:bg-zinc-800">
            {enrolment.typedSecret}
          </code>
        </li>
        <li>
          <p>Enter the code the app shows to finish.</p>
        </li>
      </ol>
      <TotpCodeForm next={next} submitLabel="Confirm and continue" signInHref={signInHref} />
    </div>
  );
}
