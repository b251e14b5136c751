import { NotFoundContent } from "@/components/shell/not-found-content";

/** notFound() from a dashboard page: inside the shell. */
export default function DashboardNotFound() {
  return <NotFoundContent />;
}
