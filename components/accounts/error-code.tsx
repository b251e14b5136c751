import { errorWords } from "@/lib/collect/error-words";

/**
 * A stored error's code as a person reads it: iamfit's own codes in words, AWS's codes as AWS
 * names them; either way the explanation is one hover (and one screen-reader phrase) away.
 */
export function ErrorCode({ code, className = "" }: { code: string; className?: string }) {
  const words = errorWords(code);
  const text = words.fromAws ? <code>{words.label}</code> : words.label;
  return (
    <span className={className} title={words.explanation}>
      {text}
      <span className="sr-only"> ({words.explanation})</span>
    </span>
  );
}
