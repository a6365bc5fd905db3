import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider, createHashRouter, createMemoryRouter } from 'react-router';
import { createQueryClient } from '../data/query-client';
import { routes } from './routes';

interface AppProps {
  /** Tests start at a given route in memory; the app itself follows the URL hash. */
  readonly initialPath?: string;
}

export function App({ initialPath }: AppProps) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() =>
    initialPath
      ? createMemoryRouter(routes, { initialEntries: [initialPath] })
      : createHashRouter(routes),
  );
  return (
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </FluentProvider>
  );
}
