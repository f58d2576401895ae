import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Accounts (users, sessions, single-use tokens, roles), mail outbox, persisted rate limits,
// a job queue, the append-only audit log, and the self-service/moderation workflow.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table app_user (
      id uuid primary key,
      email text not null,
      name text,
      -- argon2id PHC string; null for an account that only signs in through OpenID Connect
      password_hash text,
      email_verified_at timestamptz,
      is_admin boolean not null default false,
      oidc_issuer text,
      oidc_subject text,
      created_at timestamptz not null default now(),
      last_login_at timestamptz
    );
    create unique index app_user_email on app_user (lower(email));
    create unique index app_user_oidc on app_user (oidc_issuer, oidc_subject) where oidc_subject is not null;

    -- role "editor": may manage this organisation's services and locations
    create table organization_editor (
      user_id uuid not null references app_user (id) on delete cascade,
      organization_id uuid not null references organization (id) on delete cascade,
      granted_at timestamptz not null default now(),
      primary key (user_id, organization_id)
    );
    create index organization_editor_organization on organization_editor (organization_id);

    -- the cookie holds a random id; only its SHA-256 is stored, so a leaked table opens no session
    create table user_session (
      id_hash text primary key,
      user_id uuid not null references app_user (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index user_session_user on user_session (user_id);

    create table user_token (
      token_hash text primary key,
      user_id uuid not null references app_user (id) on delete cascade,
      purpose text not null check (purpose in ('verify_email', 'reset_password')),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index user_token_user on user_token (user_id);

    -- one row per counted attempt; buckets name what is limited, e.g. 'login:ip:…', 'login:account:<sha256>'
    create table rate_limit_hit (
      bucket text not null,
      hit_at timestamptz not null default now()
    );
    create index rate_limit_hit_bucket on rate_limit_hit (bucket, hit_at);

    create table mail_outbox (
      id uuid primary key,
      to_address text not null,
      subject text not null,
      body text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      attempts integer not null default 0,
      -- a sender's claim on the row while it talks to the SMTP server
      locked_until timestamptz,
      last_error text
    );
    create index mail_outbox_created on mail_outbox (created_at desc);

    -- settings the application makes for itself, e.g. a generated session secret shared by all instances
    create table app_setting (
      name text primary key,
      value text not null
    );

    -- work that must run once however many instances there are, claimed with FOR UPDATE SKIP LOCKED
    create table job (
      id uuid primary key,
      kind text not null,
      run_at timestamptz not null,
      locked_until timestamptz,
      attempts integer not null default 0,
      last_error text,
      done_at timestamptz,
      created_at timestamptz not null default now()
    );
    create unique index job_pending_kind on job (kind) where done_at is null;
    create index job_due on job (run_at) where done_at is null;

    -- Every change to directory data, in the shape of HSDS 3.0 metadata. updated_by is an account
    -- id (or 'system'), never an email, so deleting an account leaves a pseudonym behind.
    create table audit_log (
      id uuid primary key,
      resource_id uuid not null,
      resource_type text not null,
      last_action_date timestamptz not null default now(),
      last_action_type text not null,
      field_name text not null,
      previous_value text not null,
      replacement_value text not null,
      updated_by text not null,
      change_request_id uuid
    );
    create index audit_log_resource on audit_log (resource_id, last_action_date);

    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op;
    end
    $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_is_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_is_append_only();

    -- a new service or a change to a published one, as the editor typed it (ServiceAggregate JSON);
    -- the public entry changes only when a moderator approves
    create table change_request (
      id uuid primary key,
      service_id uuid not null,
      organization_id uuid not null references organization (id) on delete cascade,
      is_new boolean not null,
      proposed jsonb not null,
      status text not null check (status in ('draft', 'submitted', 'approved', 'rejected')),
      created_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      decided_by uuid references app_user (id) on delete set null,
      decided_at timestamptz,
      reason text
    );
    create unique index change_request_open on change_request (service_id) where status in ('draft', 'submitted');
    create index change_request_status on change_request (status, submitted_at);

    -- a signed-in person asks to become editor of an organisation that already exists
    create table organization_claim (
      id uuid primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      user_id uuid not null references app_user (id) on delete cascade,
      note text not null default '',
      status text not null check (status in ('pending', 'approved', 'rejected')),
      created_at timestamptz not null default now(),
      decided_by uuid references app_user (id) on delete set null,
      decided_at timestamptz,
      reason text
    );
    create unique index organization_claim_pending on organization_claim (organization_id, user_id) where status = 'pending';

    -- "Meld fra om feil" from the public; the reporter's email is optional
    create table error_report (
      id uuid primary key,
      service_id uuid not null references service (id) on delete cascade,
      message text not null,
      reporter_email text,
      status text not null default 'open' check (status in ('open', 'resolved')),
      created_at timestamptz not null default now(),
      resolved_by uuid references app_user (id) on delete set null,
      resolved_at timestamptz
    );
    create index error_report_open on error_report (created_at) where status = 'open';

    -- reminders already sent, so the job mails each stage once per confirmation date
    create table freshness_reminder (
      service_id uuid not null references service (id) on delete cascade,
      stage smallint not null,
      confirmed_on date not null,
      sent_at timestamptz not null default now(),
      primary key (service_id, stage, confirmed_on)
    );

    -- the date freshness is measured from: the last confirmation, else when the entry was made
    alter table service_search add column confirmed_on date;
    update service_search ss set confirmed_on = coalesce(s.assured_date, s.created_at::date) from service s where s.id = ss.service_id;
  `);
}
