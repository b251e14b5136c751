import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  action,
  headingLevel = 2,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  /** 1 when the empty state is the whole page (not found). */
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="card flex flex-col items-center px-6 py-12 text-center">
      <Heading className="text-lg font-semibold">{title}</Heading>
      {children ? <div className="mt-2 max-w-xl text-sm muted">{children}</div> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
