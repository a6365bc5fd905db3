import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
// Types only (erased): the screens' code itself is loaded by the import() calls below.
import type { DraftPage as DraftPageComponent } from './DraftPage';
import type { DraftsArea as DraftsAreaComponent } from './DraftsArea';

// The drafts screens load on first use: they bring the form, the code lists and the matching keys,
// which the app's first script (budget: 300 KB gzip, architecture §6) does not need. Once the app is
// idle they are preloaded (preloadDraftScreens), and a loaded screen renders directly: a screen that
// suspends shows its fallback, and React then holds the real content back until 300 ms after the
// fallback appeared (its Suspense reveal throttle) — more than the list's whole budget.
let loadedArea: typeof DraftsAreaComponent | undefined;
let loadedPage: typeof DraftPageComponent | undefined;

const loadArea = () => import('./DraftsArea').then((module) => (loadedArea = module.DraftsArea));
const loadPage = () => import('./DraftPage').then((module) => (loadedPage = module.DraftPage));

const DraftsAreaScreen = lazy(() => loadArea().then((component) => ({ default: component })));
const DraftPageScreen = lazy(() => loadPage().then((component) => ({ default: component })));

/** Loads the drafts screens' code ahead of use (called when the app is idle after unlocking). */
export function preloadDraftScreens(): Promise<void> {
  return Promise.all([loadArea(), loadPage()]).then(
    () => undefined,
    () => undefined, // a failed preload is retried by the lazy screen on first use
  );
}

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('drafts.starting')} />;
}

export function LazyDraftsArea() {
  const Area = loadedArea;
  if (Area) return <Area />;
  return (
    <Suspense fallback={<Loading />}>
      <DraftsAreaScreen />
    </Suspense>
  );
}

export function LazyDraftPage() {
  const Page = loadedPage;
  if (Page) return <Page />;
  return (
    <Suspense fallback={<Loading />}>
      <DraftPageScreen />
    </Suspense>
  );
}
