import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_users_roles" ADD VALUE 'nurse' BEFORE 'viewer';
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'desk' BEFORE 'viewer';
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'privacy-officer' BEFORE 'viewer';
  ALTER TABLE "users" ADD COLUMN "shown_to_families_name" varchar;
  ALTER TABLE "users" ADD COLUMN "shown_to_families_contact" varchar;
  ALTER TABLE "tenants" ADD COLUMN "workspace_interpreter_line" varchar;
  ALTER TABLE "tenants" ADD COLUMN "workspace_retention_access_log_days" numeric;
  ALTER TABLE "tenants" ADD COLUMN "workspace_retention_consultation_days" numeric;
  ALTER TABLE "tenants" ADD COLUMN "workspace_retention_staff_message_days" numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'medical-supervisor', 'municipal-staff', 'viewer');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  ALTER TABLE "users" DROP COLUMN "shown_to_families_name";
  ALTER TABLE "users" DROP COLUMN "shown_to_families_contact";
  ALTER TABLE "tenants" DROP COLUMN "workspace_interpreter_line";
  ALTER TABLE "tenants" DROP COLUMN "workspace_retention_access_log_days";
  ALTER TABLE "tenants" DROP COLUMN "workspace_retention_consultation_days";
  ALTER TABLE "tenants" DROP COLUMN "workspace_retention_staff_message_days";`)
}
