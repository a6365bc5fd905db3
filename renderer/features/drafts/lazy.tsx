import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

// The drafts screens load on first use: they bring the form, the code lists and the matching keys,
// which the app's first script (budget: 300 KB gzip, architecture §6) does not need.
const DraftsAreaScreen = lazy(() =>
  import('./DraftsArea').then((module) => ({ default: module.DraftsArea })),
);
const DraftPageScreen = lazy(() =>
  import('./DraftPage').then((module) => ({ default: module.DraftPage })),
);

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('drafts.starting')} />;
}

export function LazyDraftsArea() {
  return (
    <Suspense fallback={<Loading />}>
      <DraftsAreaScreen />
    </Suspense>
  );
}

export function LazyDraftPage() {
  return (
    <Suspense fallback={<Loading />}>
      <DraftPageScreen />
    </Suspense>
  );
}
