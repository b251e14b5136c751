// Empty stand-in for the `server-only` marker in worker and CLI processes.
