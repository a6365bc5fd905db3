import type { Messages } from './de';

export const en: Messages = {
  app: {
    name: 'azr-desk',
    tagline: 'Central Register of Foreign Nationals',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Areas',
  },
  areas: {
    search: {
      title: 'Register search',
      nav: 'Search',
      description:
        'Search the Central Register of Foreign Nationals by personal data, AZR number or passport number, with purpose and file reference.',
    },
    drafts: {
      title: 'Drafts',
      nav: 'Drafts',
      description:
        'Park new and follow-up reports encrypted, resume them and go through the § 5 AZRG-DV pre-check before sending.',
    },
    outbox: {
      title: 'Outbox',
      nav: 'Outbox',
      description:
        'Confirmed reports on their way to the register, with their state: waiting, sending, confirmed, rejected or conflict.',
    },
    notices: {
      title: 'Notices',
      nav: 'Notices',
      description:
        'Change notices from the register, such as merged records, with the recommended action.',
    },
    protocol: {
      title: 'Protocol',
      nav: 'Protocol',
      description:
        'The tamper-evident local protocol of every register request: who, when, for which purpose and file reference.',
    },
    settings: {
      title: 'Settings',
      nav: 'Settings',
      description:
        'Language, certificate and settings; values managed by your organisation are marked.',
    },
  },
  unavailable: {
    title: 'Not available yet',
    body: 'This area is not enabled in this version. No data is shown or processed.',
  },
  language: {
    label: 'Language',
    de: 'Deutsch',
    en: 'English',
  },
  status: {
    label: 'Status bar',
    version: 'Version {{version}}',
    environment: {
      production: 'Production',
      development: 'Development',
      test: 'Test',
    },
    environmentLabel: 'Environment: {{environment}}',
    bridge: {
      checking: 'Checking the connection to the application service …',
      ok: 'Application service ready',
      down: 'Application service unreachable',
    },
    versionUnknown: 'Version unknown',
  },
  bridgeError: {
    INVALID_REQUEST: 'The request was incomplete or malformed and was not carried out.',
    FORBIDDEN_SENDER: 'The request did not come from azr-desk and was refused.',
    UNKNOWN_CHANNEL: 'This function does not exist in this version.',
    INVALID_RESPONSE:
      'The application service returned an unexpected answer. Please contact your IT department.',
    HANDLER_FAILED: 'The application service failed. Your input is kept; please try again.',
    UNAVAILABLE:
      'The application service cannot be reached. Please restart azr-desk; your drafts are kept.',
  },
};
