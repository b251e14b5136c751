import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable, type UserRowView } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guards";
import { roleSchema } from "@/lib/auth/roles";
import { listAuthUsers, type AuthUserView } from "@/lib/db/auth-users";
import { changeUserAction, createUserAction } from "./_actions/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

function toRow(user: AuthUserView): UserRowView {
  const methods = [user.hasPassword ? "password" : null, user.hasSso ? "SSO" : null].filter(Boolean);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleSchema.catch("viewer").parse(user.role),
    twoFactorEnabled: user.twoFactorEnabled,
    signInMethods: methods.join(" + ") || "—",
    lastSignInAt: user.lastSignInAt,
    disabled: user.disabled,
  };
}

export default async function UsersPage() {
  const me = await requirePage("manageUsers");
  const users = await listAuthUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and what their role lets them do: viewers browse, editors also work checklists and collect, admins also manage accounts, settings and people. Password users always use an authenticator app; reset it here when someone loses their phone."
      />
      <section aria-labelledby="add-user" className="mb-8">
        <h2 id="add-user" className="mb-3 text-lg font-semibold">
          Add a user
        </h2>
        <CreateUserForm action={createUserAction} />
      </section>
      <section aria-labelledby="all-users">
        <h2 id="all-users" className="mb-3 text-lg font-semibold">
          Everyone ({users.length})
        </h2>
        <UsersTable users={users.map(toRow)} currentUserId={me.id} changeUser={changeUserAction} />
      </section>
    </>
  );
}
