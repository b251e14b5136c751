"use client";

import "./globals.css";

/** Replaces the root layout when it fails itself (e.g. the database is unreachable while it loads). */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-screen place-items-center p-6">
        <main className="card max-w-xl p-8 text-center">
          <h1 className="text-xl font-semibold">iamfit is not available right now</h1>
          <p className="mt-2 text-sm muted">
            The server could not load this page, most often because its database is starting or unreachable. Check the server log,
            then try again.
          </p>
          <button
            type="button"
            onClick={() => retry()}
            className="mt-5 rounded-md border border-indigo-700 bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
