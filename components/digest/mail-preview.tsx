/**
 * An email's HTML shown inside the app. The iframe's empty `sandbox` attribute runs no scripts,
 * submits no forms and gives the document an opaque origin, so even a hostile message could not
 * reach the page; `srcDoc` keeps it off the network.
 */
export function MailPreview({ html, title }: { html: string; title: string }) {
  return <iframe title={title} sandbox="" srcDoc={html} className="h-[42rem] w-full rounded-md border border-zinc-200 bg-white dark:border-zinc-700" />;
}

export function PlainTextPreview({ text, label }: { text: string; label: string }) {
  return (
    <pre aria-label={label} className="max-h-[42rem] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-4 text-xs leading-relaxed break-words whitespace-pre-wrap dark:border-zinc-700 dark:bg-zinc-900">
      {text}
    </pre>
  );
}
