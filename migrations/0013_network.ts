import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The network's own workspace (issue #12), first part: the organisations in the national network
// and the people who belong to them.
// - An organisation has a role in the network: member, guest (e.g. a user organisation invited to a
//   seminar) or secretariat. Its public page says who it is, what it contributes and a contact
//   point (the organisation's own address or web page, never a private person's).
// - A person (an account) belongs to an organisation with a role: coordinator (the network's
//   secretariat: manages the network), member_contact (approves who joins that organisation) or
//   participant. A membership starts as a request ('pending') and is approved or rejected.
// - is_demo marks fictional rows; the real members are facts with their source.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table network_organization (
      id uuid primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
      name text not null check (length(name) between 1 and 200),
      network_role text not null check (network_role in ('member', 'guest', 'secretariat')),
      kind text not null check (kind in ('professional', 'competence_centre', 'education', 'service', 'user_organisation', 'other')),
      description text not null default '' check (length(description) <= 4000),
      contribution text not null default '' check (length(contribution) <= 4000),
      contact_point text not null default '' check (length(contact_point) <= 500),
      website text check (website is null or website ~ '^https://'),
      source text not null default '' check (length(source) <= 1000),
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table network_membership (
      id uuid primary key,
      user_id uuid not null references app_user (id) on delete cascade,
      organization_id uuid not null references network_organization (id) on delete cascade,
      role text not null check (role in ('coordinator', 'member_contact', 'participant')),
      status text not null check (status in ('pending', 'approved', 'rejected')),
      note text not null default '' check (length(note) <= 1000),
      requested_at timestamptz not null default now(),
      decided_by uuid references app_user (id) on delete set null,
      decided_at timestamptz,
      reason text check (reason is null or length(reason) <= 1000),
      unique (user_id, organization_id)
    );
    create index network_membership_organization on network_membership (organization_id, status);
  `);
}
