import type { CodeListRegistry } from '../codelists';
import { CODE_LIST_URIS, isoDay } from '../codelists';
import type { DraftContent } from './model';
import { DRAFT_SCHEMA_VERSION, draftContentSchema } from './model';

/**
 * Forward migrations of stored draft content, one step per schema version. A step receives the
 * decrypted content of its version (untrusted until the final parse) and returns the next one.
 * Stored records are never migrated backwards; a record newer than this build is refused.
 */
export interface MigrationContext {
  /** When the draft was created: code lists are chosen as of that day. */
  readonly createdAt: Date;
  readonly codeLists: CodeListRegistry;
}

type Step = (
  content: Record<string, unknown>,
  context: MigrationContext,
) => Record<string, unknown>;

const steps: Readonly<Record<number, Step>> = {
  /**
   * 1 → 2: drafts remember the code-list versions their codes came from, so a code withdrawn by a
   * later release can be pointed out instead of silently accepted. Version-1 drafts get the versions
   * that were in force when they were created.
   */
  1: (content, { createdAt, codeLists }) => {
    const day = isoDay(createdAt);
    const version = (uri: string) => codeLists.currentVersion(uri, day)?.version ?? 'unbekannt';
    return {
      ...content,
      codelisten: {
        staatsangehoerigkeit: version(CODE_LIST_URIS.staatsangehoerigkeit),
        geschlecht: version(CODE_LIST_URIS.geschlecht),
      },
    };
  },
};

export class DraftSchemaTooNewError extends Error {
  constructor(readonly schemaVersion: number) {
    super(`draft schema version ${schemaVersion} is newer than ${DRAFT_SCHEMA_VERSION}`);
    this.name = 'DraftSchemaTooNewError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Brings content of `fromVersion` up to the current schema and validates its shape. */
export function migrateDraftContent(
  content: unknown,
  fromVersion: number,
  context: MigrationContext,
): DraftContent {
  if (fromVersion > DRAFT_SCHEMA_VERSION) throw new DraftSchemaTooNewError(fromVersion);
  if (!isRecord(content)) return draftContentSchema.parse(content);
  let current = content;
  for (let version = fromVersion; version < DRAFT_SCHEMA_VERSION; version++) {
    const step = steps[version];
    if (!step) throw new Error(`no migration from draft schema version ${version}`);
    current = step(current, context);
  }
  return draftContentSchema.parse(current);
}
