import { RelativeTime } from "@/components/ui/relative-time";
import { TONE_CLASSES } from "@/components/ui/status-badge";
import type { Role } from "@/lib/auth/roles";
import type { UserChangeState } from "./user-admin-state";
import { UserRowActions } from "./user-row-actions";

export interface UserRowView {
  id: string;
  email: string;
  name: string;
  role: Role;
  twoFactorEnabled: boolean;
  signInMethods: string;
  lastSignInAt: Date | null;
  disabled: boolean;
}

export function UsersTable({
  users,
  currentUserId,
  changeUser,
}: {
  users: UserRowView[];
  currentUserId: string;
  changeUser: (previous: UserChangeState, formData: FormData) => Promise<UserChangeState>;
}) {
  return (
    <div className="card overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Users</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Two-factor</th>
            <th scope="col">Signs in with</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Changes</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row" data-email={user.email}>
              <td>
                <div className="font-medium">{user.name}</div>
                <div className="text-xs muted">{user.email}</div>
              </td>
              <td>{user.role}</td>
              <td>{user.twoFactorEnabled ? "on" : <span className="muted">off</span>}</td>
              <td>{user.signInMethods}</td>
              <td>
                <RelativeTime date={user.lastSignInAt} fallback="never" />
              </td>
              <td>
                <span className={`inline-flex rounded-full border px-2 py-0.5 text-xs font-medium ${TONE_CLASSES[user.disabled ? "fail" : "neutral"]}`}>
                  {user.disabled ? "Disabled" : "Active"}
                </span>
              </td>
              <td>{user.id === currentUserId ? <span className="text-xs muted">you</span> : <UserRowActions user={user} action={changeUser} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
