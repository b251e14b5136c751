import { signOutAction } from "@/app/_actions/sign-out";
import { buttonClass, type ButtonVariant } from "@/components/ui/button-classes";

/**
 * A POST form (never a link: a GET must not change state, and prefetching a link would sign
 * out). `onDark` for the dark header bar.
 */
export function SignOutButton({ variant = "secondary", onDark = false }: { variant?: ButtonVariant; onDark?: boolean }) {
  const className = onDark
    ? "rounded-md border border-white/25 px-2 py-1 text-xs font-medium text-zinc-100 hover:bg-white/10 hover:text-white focus-visible:outline-white"
    : buttonClass(variant, "sm");
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
