import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobQueue } from '../../../pipelines/jobs/queue.js';
import { openCaseForCall } from '../../../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall } from '../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../test/db.js';
import { assertAppRoleOwnsNothing, grantAppRole, roleReach } from '../../../db/app-role.js';
import { createSql, type Sql } from '../../../db/client.js';
import { appendAuditEvent, verifyAuditChain } from '../../../db/queries/audit.js';

// A role that owns nothing needs a server with a second login role (test/pg-setup.sh makes
// kefu_app; test/run-pg.sh names it). Embedded PGlite has one role, a superuser (decision 0173).
const appRoleUrl = process.env.KEFU_TEST_APP_DATABASE_URL;
const db = useTestDatabase();

describe.skipIf(!process.env.KEFU_TEST_DATABASE_URL || !appRoleUrl)(
  'the app connects as a role that owns nothing',
  () => {
    let app: Sql;
    beforeAll(async () => {
      const url = new URL(db.url());
      const role = new URL(appRoleUrl!);
      url.username = role.username;
      url.password = role.password;
      await grantAppRole(db.sql(), decodeURIComponent(role.username));
      app = createSql(url.toString(), { max: 2 });
    });
    afterAll(() => app?.end());

    it('is no superuser and owns no table; the owner does, and is refused as an app role', async () => {
      const reach = await roleReach(app);
      expect(reach).toMatchObject({ superuser: false, ownedTables: 0 });
      expect(() => assertAppRoleOwnsNothing(reach)).not.toThrow();
      const owner = await roleReach(db.sql());
      expect(owner.ownedTables).toBeGreaterThan(10);
      expect(() => assertAppRoleOwnsNothing(owner)).toThrow(/owns \d+ tables/);
    });

    it('appends to the audit trail and reads it, but cannot rewrite, delete, truncate or silence it', async () => {
      await appendAuditEvent(app, {
        actorKind: 'system',
        actorId: 'kefu',
        action: 'case.updated',
        entityType: 'case',
        entityId: 'app-role',
      });
      const refused = async (q: Promise<unknown>) => {
        const err = (await q.then(
          () => null,
          (e: unknown) => e,
        )) as { code?: string } | null;
        return err?.code;
      };
      // 42501: insufficient privilege; 42501 / "must be owner" for ALTER TABLE.
      expect(await refused(app`update audit_events set action = 'x' where entity_id = 'app-role'`)).toBe('42501');
      expect(await refused(app`delete from audit_events`)).toBe('42501');
      expect(await refused(app`truncate audit_events`)).toBe('42501');
      expect(await refused(app`alter table audit_events disable trigger user`)).toBe('42501');
      expect(await refused(app`alter table decision_rows disable trigger decision_rows_append_only`)).toBe('42501');
      // The moderation record is append-only by grant as well as by trigger (decision 0174).
      expect(await refused(app`update flag_rows set confidence = 0.5`)).toBe('42501');
      expect(await refused(app`delete from appeal_outcomes`)).toBe('42501');
      expect(await refused(app`truncate penalty_reversals`)).toBe('42501');
      expect(await refused(app`set session_replication_role = replica`)).toBe('42501');
      expect(await refused(app`insert into schema_migrations (version, name, checksum) values (9999, 'x', 'x')`)).toBe(
        '42501',
      );
      const check = await verifyAuditChain(app);
      expect(check.broken).toEqual([]);
      expect(check.events).toBeGreaterThan(0);
    });

    it('works the moderation tables, and the database records its change rows under its own name', async () => {
      const made = await makeFlaggedCall(app, [{}]);
      const flagId = made.flags[0]!.id;
      await openCaseForCall(app, made.call.id, moderationSettings());
      const [event] = await app<{ actorKind: string; actorId: string }[]>`
      select actor_kind, actor_id from audit_events where action = 'flags.row_updated' and entity_id = ${flagId}`;
      expect(event).toEqual({ actorKind: 'database', actorId: decodeURIComponent(new URL(appRoleUrl!).username) });
    });

    it('runs the job queue in the schema the owner made for it', async () => {
      const jobs = await startJobQueue(app, () => {});
      await jobs.stop();
      const [owner] = await app<{ tableowner: string }[]>`
        select tableowner from pg_tables where schemaname = 'pgboss' limit 1`;
      expect(owner?.tableowner).toBe(decodeURIComponent(new URL(appRoleUrl!).username));
    });
  },
);
