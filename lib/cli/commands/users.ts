/**
 * `iamfit users …`: the recovery path when nobody can sign in as an admin (the only admin lost
 * their phone, or was demoted by mistake). It works on the database directly, like every CLI
 * command, and each change is audited with actor "cli".
 */
import type { Command } from "commander";
import { roleSchema, ROLES, type Role } from "@/lib/auth/roles";
import { newUserSchema } from "@/lib/auth/user-admin-input";
import { changeUserRole, createLocalUser, resetTwoFactor } from "@/lib/auth/user-admin";
import { EmailTakenError, findAuthUserByEmail, LastAdminError, listAuthUsers, type AuthUserView } from "@/lib/db/auth-users";
import { CliError, printTable, withDatabase } from "../context";

function parseRole(value: string): Role {
  const parsed = roleSchema.safeParse(value);
  if (!parsed.success) throw new CliError(`role ${value}: must be one of ${ROLES.join(", ")}`, 2);
  return parsed.data;
}

async function userByEmail(email: string): Promise<AuthUserView> {
  const user = await findAuthUserByEmail(email);
  if (!user) throw new CliError(`No user with the email ${email}.`);
  return user;
}

export function registerUserCommands(program: Command): void {
  const users = program.command("users").description("list and manage the people who can sign in (no sign-in needed: for recovery)");

  users
    .command("list")
    .description("everyone who can sign in, with role, two-factor and status")
    .option("--format <format>", "table or json", "table")
    .action(async (options: { format: string }) => {
      await withDatabase(async () => {
        const rows = await listAuthUsers();
        if (options.format === "json") {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        printTable(
          rows.map((user) => ({
            email: user.email,
            name: user.name,
            role: user.role,
            "two-factor": user.twoFactorEnabled ? "on" : "off",
            "signs in with": [user.hasPassword ? "password" : "", user.hasSso ? "sso" : ""].filter(Boolean).join("+") || "-",
            "last sign-in": user.lastSignInAt?.toISOString().slice(0, 16).replace("T", " ") ?? "never",
            status: user.disabled ? "disabled" : "active",
          })),
          ["email", "name", "role", "two-factor", "signs in with", "last sign-in", "status"],
        );
      });
    });

  users
    .command("create")
    .description("create a password user; prints a one-time password (they set up two-factor at first sign-in)")
    .requiredOption("--email <email>", "their email, which they sign in with")
    .requiredOption("--name <name>", "their name")
    .option("--role <role>", `one of ${ROLES.join(", ")}`, "viewer")
    .action(async (options: { email: string; name: string; role: string }) => {
      const parsed = newUserSchema.safeParse({ ...options, role: parseRole(options.role) });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("; "), 2);
      await withDatabase(async () => {
        try {
          const { user, oneTimePassword } = await createLocalUser({ kind: "cli" }, parsed.data);
          console.log(`Created ${user.email} (${user.role}). One-time password, shown only now:`);
          console.log(`  ${oneTimePassword}`);
          console.log("They sign in with it and set up an authenticator app at their first sign-in.");
        } catch (error) {
          if (error instanceof EmailTakenError) throw new CliError(error.message);
          throw error;
        }
      });
    });

  users
    .command("reset-two-factor")
    .description("remove a user's authenticator (lost phone): they set up a new one at their next sign-in")
    .argument("<email>", "the user's email")
    .action(async (email: string) => {
      await withDatabase(async () => {
        const user = await resetTwoFactor({ kind: "cli" }, (await userByEmail(email)).id);
        console.log(`Two-factor reset for ${user.email}; their sessions ended. They set up a new authenticator at their next sign-in.`);
      });
    });

  users
    .command("set-role")
    .description(`change a user's role (${ROLES.join(", ")})`)
    .argument("<email>", "the user's email")
    .argument("<role>", ROLES.join(" | "))
    .action(async (email: string, roleArgument: string) => {
      const role = parseRole(roleArgument);
      await withDatabase(async () => {
        try {
          const user = await changeUserRole({ kind: "cli" }, (await userByEmail(email)).id, role);
          console.log(`${user.email} is now ${user.role}.`);
        } catch (error) {
          if (error instanceof LastAdminError) throw new CliError(error.message);
          throw error;
        }
      });
    });
}
