import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Plans belong to accounts, not to email addresses. Before this, a plan and its members were keyed
// by email, so deleting an account left its plans behind and whoever registered the same address
// later got them back. Now:
// - a member is an account (user_id, gone with the account);
// - an invitation to an address is kept apart, by email only, until a verified account with that
//   address takes it up (then it becomes a member and the invitation row goes); deleting an account
//   also deletes the invitations to its address, so an invitation never outlives the account it
//   could have been meant for;
// - who made a plan, who invited whom, who last changed an item, and who edited or reviewed a
//   handbook section are account ids (set null when the account goes).
//
// Converting what is there: a member address with a verified account becomes that account,
// except an owner whose account was made after the plan (the owner's first account was deleted and
// the address registered again: that is exactly the leak this closes). Other member addresses
// become invitations. A plan left with no member is a deleted account's plan and is deleted; a
// plan whose owner is gone passes to its longest-standing editor, else its longest-standing viewer.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    alter table establishment_plan_member rename to establishment_plan_member_by_email;
    alter table establishment_plan_member_by_email rename constraint establishment_plan_member_pkey to establishment_plan_member_by_email_pkey;

    create table establishment_plan_member (
      plan_id uuid not null references establishment_plan (id) on delete cascade,
      user_id uuid not null references app_user (id) on delete cascade,
      role text not null check (role in ('owner', 'editor', 'viewer')),
      invited_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (plan_id, user_id)
    );
    create index establishment_plan_member_user on establishment_plan_member (user_id);
    -- one owner per plan
    create unique index establishment_plan_member_owner on establishment_plan_member (plan_id) where role = 'owner';

    create table establishment_plan_invitation (
      plan_id uuid not null references establishment_plan (id) on delete cascade,
      email text not null check (email = lower(email)),
      role text not null check (role in ('editor', 'viewer')),
      invited_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (plan_id, email)
    );
    create index establishment_plan_invitation_email on establishment_plan_invitation (email);

    insert into establishment_plan_member (plan_id, user_id, role, invited_by, created_at)
      select old.plan_id, u.id, old.role, inviter.id, old.created_at
      from establishment_plan_member_by_email old
      join establishment_plan p on p.id = old.plan_id
      join app_user u on lower(u.email) = old.email and u.email_verified_at is not null
      left join app_user inviter on lower(inviter.email) = old.invited_by_email
      where old.role <> 'owner' or u.created_at <= p.created_at;

    insert into establishment_plan_invitation (plan_id, email, role, invited_by, created_at)
      select old.plan_id, old.email, old.role, inviter.id, old.created_at
      from establishment_plan_member_by_email old
      left join app_user inviter on lower(inviter.email) = old.invited_by_email
      where old.role <> 'owner'
        and not exists (select 1 from establishment_plan_member m where m.plan_id = old.plan_id and m.user_id in (select id from app_user u where lower(u.email) = old.email));

    drop table establishment_plan_member_by_email;

    delete from establishment_plan p where not exists (select 1 from establishment_plan_member m where m.plan_id = p.id);

    update establishment_plan_member m set role = 'owner'
      where not exists (select 1 from establishment_plan_member o where o.plan_id = m.plan_id and o.role = 'owner')
        and (m.plan_id, m.user_id) = (
          select n.plan_id, n.user_id from establishment_plan_member n where n.plan_id = m.plan_id
          order by case n.role when 'editor' then 0 else 1 end, n.created_at, n.user_id limit 1
        );

    alter table establishment_plan add column created_by uuid references app_user (id) on delete set null;
    update establishment_plan p set created_by = m.user_id from establishment_plan_member m
      join app_user u on u.id = m.user_id
      where m.plan_id = p.id and lower(u.email) = p.created_by_email;
    alter table establishment_plan drop column created_by_email;

    alter table establishment_plan_item add column updated_by uuid references app_user (id) on delete set null;
    update establishment_plan_item i set updated_by = u.id from app_user u where lower(u.email) = i.updated_by_email;
    alter table establishment_plan_item drop column updated_by_email;

    -- the handbook's editors were kept as the name or email shown; the account is kept beside it so
    -- that the shown name can be removed with the account
    alter table handbook_revision add column author_id uuid references app_user (id) on delete set null;
    update handbook_revision r set author_id = (
      select (array_agg(u.id))[1] from app_user u where u.is_admin and (lower(u.email) = lower(r.author) or u.name = r.author)
      having count(*) = 1
    ) where r.origin = 'browser' and r.author is not null;
    alter table handbook_section add column reviewed_by_id uuid references app_user (id) on delete set null;
    update handbook_section s set reviewed_by_id = (
      select (array_agg(u.id))[1] from app_user u where u.is_admin and (lower(u.email) = lower(s.reviewed_by) or u.name = s.reviewed_by)
      having count(*) = 1
    ) where s.reviewed_by is not null;
  `);
}
