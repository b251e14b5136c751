"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonSize, type ButtonVariant } from "./button-classes";

/**
 * A submit button that shows its own pending label while its form's action runs. With
 * `name`/`value` it also tells the action which button was pressed.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  size = "md",
  name,
  value,
  disabled,
}: {
  children: ReactNode;
  pendingLabel?: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  name?: string;
  value?: string;
  disabled?: boolean;
}) {
  const status = useFormStatus();
  const pressed = status.pending && (name === undefined || status.data?.get(name) === value);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={disabled || status.pending}
      aria-disabled={disabled || status.pending}
      className={buttonClass(variant, size)}
    >
      {pressed && pendingLabel ? pendingLabel : children}
    </button>
  );
}
