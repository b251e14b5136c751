"use client";

import { buttonClass } from "@/components/ui/button-classes";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass("primary")} print:hidden`}>
      Print
    </button>
  );
}
