import { useEffect, useState } from 'react';
import {
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Draft } from '../../data/drafts/repository';
import { DraftNotFoundError } from '../../data/drafts/repository';
import { AreaPage } from '../../ui/AreaPage';
import { useDraftSession } from '../../app/session/DraftSessionProvider';
import { DraftEditor } from './DraftEditor';
import { SessionNotice } from './SessionNotice';

type Loaded =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly id: string; readonly draft: Draft }
  | { readonly phase: 'notFound' | 'tampered'; readonly id: string };

/** `/entwuerfe/:id`: opens (decrypts) one draft and shows its form. */
export function DraftPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { state } = useDraftSession();
  const repository = state.phase === 'unlocked' ? state.repository : undefined;
  const [result, setResult] = useState<Loaded>({ phase: 'loading' });
  // A result for another id is not this page's: show "loading" until the new one arrives.
  const loaded: Loaded =
    result.phase !== 'loading' && result.id === id ? result : { phase: 'loading' };

  useEffect(() => {
    if (!repository) return;
    let active = true;
    repository.get(id).then(
      (draft) => active && setResult({ phase: 'ready', id, draft }),
      (error: unknown) =>
        active &&
        setResult({ phase: error instanceof DraftNotFoundError ? 'notFound' : 'tampered', id }),
    );
    return () => {
      active = false;
    };
  }, [repository, id]);

  const title =
    loaded.phase === 'ready' && loaded.draft.kind === 'folgemeldung'
      ? t('draft.titleFolgemeldung')
      : t('draft.titleErstmeldung');

  return (
    <AreaPage title={title} description={t('draft.description')}>
      {!repository ? (
        <SessionNotice />
      ) : loaded.phase === 'loading' ? (
        <Spinner size="small" label={t('drafts.starting')} />
      ) : loaded.phase === 'ready' && loaded.draft.stage !== undefined ? (
        // What was checked and handed over stays as it was: no editor, no autosave.
        <MessageBar
          intent={loaded.draft.stage === 'abgeschlossen' ? 'success' : 'info'}
          layout="multiline"
        >
          <MessageBarBody>
            {t(
              loaded.draft.stage === 'abgeschlossen'
                ? 'draft.stageAbgeschlossen'
                : 'draft.stagePostausgang',
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Link href={`#/entwuerfe/${loaded.draft.id}/vorpruefung`}>
              {t('draft.openPrecheck')}
            </Link>
            <Link href="#/postausgang">{t('draft.openOutbox')}</Link>
          </MessageBarActions>
        </MessageBar>
      ) : loaded.phase === 'ready' ? (
        <DraftEditor
          key={loaded.draft.id}
          id={loaded.draft.id}
          initial={loaded.draft.content}
          repository={repository}
          onOpenDraft={(other) => void navigate(`/entwuerfe/${other}`)}
          onBack={() => void navigate('/entwuerfe')}
          onPrecheck={() => void navigate(`/entwuerfe/${loaded.draft.id}/vorpruefung`)}
        />
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t(loaded.phase === 'notFound' ? 'draft.notFound' : 'draft.tampered')}
          </MessageBarBody>
        </MessageBar>
      )}
    </AreaPage>
  );
}
