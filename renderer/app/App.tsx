import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider, createHashRouter, createMemoryRouter } from 'react-router';
import { createQueryClient } from '../data/query-client';
import type { DraftSession } from '../data/drafts/session';
import { routes } from './routes';
import { DraftSessionProvider } from './session/DraftSessionProvider';
import { OutboxReactionsContext } from './session/OutboxWorkerHost';
import { createOutboxReactions } from './session/precheck-reactions';

interface AppProps {
  /** Tests start at a given route in memory; the app itself follows the URL hash. */
  readonly initialPath?: string;
  /** Tests pass a drafts session over fake IndexedDB with fixed keys, and a clock. */
  readonly draftSession?: DraftSession;
  readonly now?: () => Date;
}

export function App({ initialPath, draftSession, now }: AppProps) {
  const [queryClient] = useState(createQueryClient);
  const [reactions] = useState(() => createOutboxReactions(now ?? (() => new Date())));
  const [router] = useState(() =>
    initialPath
      ? createMemoryRouter(routes, { initialEntries: [initialPath] })
      : createHashRouter(routes),
  );
  return (
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>
        <OutboxReactionsContext.Provider value={reactions}>
          <DraftSessionProvider
            {...(draftSession ? { session: draftSession } : {})}
            {...(now ? { now } : {})}
          >
            <RouterProvider router={router} />
          </DraftSessionProvider>
        </OutboxReactionsContext.Provider>
      </QueryClientProvider>
    </FluentProvider>
  );
}
