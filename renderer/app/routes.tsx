import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { AccessibilityStatement } from '../features/help/AccessibilityStatement';
import { LazyDraftPage, LazyDraftsArea } from '../features/drafts/lazy';
import { LazyNoticesArea } from '../features/notices/lazy';
import { LazyOutboxArea } from '../features/outbox/lazy';
import { LazyPrecheckPage } from '../features/precheck/lazy';
import { LazyPrintPage } from '../features/print/lazy';
import { LazyProtocolArea } from '../features/protocol/lazy';
import { LazyRecordPage } from '../features/record/lazy';
import { LazySearchArea } from '../features/search/lazy';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Layout } from './Layout';
import type { Area } from './areas';
import { areas, defaultArea } from './areas';

/** One screen per area; the record type makes a new area without a screen a compile error. */
const areaScreens: Readonly<Record<Area['key'], ReactElement>> = {
  search: <LazySearchArea />,
  drafts: <LazyDraftsArea />,
  outbox: <LazyOutboxArea />,
  notices: <LazyNoticesArea />,
  protocol: <LazyProtocolArea />,
  settings: <SettingsPage />,
};

/**
 * Hash-based routes: they work unchanged under `app://` in Electron and on the browser host, with no
 * server-side fallback to configure.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to={`/${defaultArea.path}`} replace /> },
      ...areas.map((area) => ({
        path: area.path,
        element: areaScreens[area.key],
      })),
      { path: 'entwuerfe/:id', element: <LazyDraftPage /> },
      { path: 'entwuerfe/:id/vorpruefung', element: <LazyPrecheckPage /> },
      { path: 'suche/person/:azrNummer', element: <LazyRecordPage /> },
      { path: 'barrierefreiheit', element: <AccessibilityStatement /> },
      { path: '*', element: <Navigate to={`/${defaultArea.path}`} replace /> },
    ],
  },
  // A printout, outside the app frame: what the PDF shows and nothing else (issue 8, item 5).
  { path: '/druck/:token', element: <LazyPrintPage /> },
];
