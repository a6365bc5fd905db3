import type { Messages } from './de';
import { draftsEn } from './drafts.en';
import { searchEn } from './search.en';
import { printEn } from './print.en';
import { noticesEn } from './notices.en';
import { precheckEn } from './precheck.en';
import { outboxEn } from './outbox.en';
import { rulesEn } from './rules.en';

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
  settings: {
    loading: 'Loading settings …',
    loadFailed:
      'The settings could not be loaded. Please restart azr-desk; if the error persists, contact your IT department.',
    categories: {
      register: 'Register and certificates',
      privacy: 'Privacy and lock',
      updates: 'Updates',
      diagnostics: 'Diagnostics',
    },
    value: 'Effective value',
    newValue: 'New value for "{{label}}"',
    notSet: 'not set up',
    emptyList: 'no restriction',
    managed: 'Managed by your organisation',
    adminOnly: 'Only your organisation can set this value.',
    source: 'Source: {{source}}',
    sources: {
      hklm: 'Computer group policy',
      hkcu: 'User group policy',
      machineFile: 'Computer policy file',
      user: 'Your setting',
      default: 'Default',
    },
    save: 'Save',
    reset: 'Reset to default',
    saved: 'Saved.',
    outOfRange: 'Please enter a whole number from {{min}} to {{max}}.',
  },
  help: {
    menu: 'Help',
    about: 'About azr-desk',
    accessibility: 'Accessibility statement',
    diagnostics: 'Export diagnostic data',
  },
  about: {
    title: 'About azr-desk',
    purpose:
      'azr-desk is the immigration office workplace for requests to and notifications for the Central Register of Foreigners.',
    version: 'Version',
    environment: 'Environment',
    licence: 'Licence',
    licenceText: 'No licence to redistribute is granted (UNLICENSED).',
    accessibilityHint: 'Notes on accessibility and how to report barriers:',
    close: 'Close',
  },
  diagnostics: {
    title: 'Export diagnostic data',
    intro:
      'Creates a ZIP archive you can give to your IT department for troubleshooting. It contains:',
    contents: {
      version: 'version and environment of azr-desk',
      policy: 'the effective settings and their source (without confidential values)',
      certificate: 'the state of the authority certificate',
      connectivity: 'a connection check to the configured register address',
      logs: 'the most recent log lines',
    },
    noPersonalData:
      'No personal data is included: names, dates of birth, AZR numbers and certificate holders are removed.',
    export: 'Export',
    running: 'Collecting diagnostic data …',
    saved: 'The diagnostic data was saved:',
    cancelled: 'The export was cancelled; nothing was saved.',
  },
  accessibility: {
    title: 'Accessibility statement',
    intro:
      'azr-desk aims to be accessible as required of public bodies by the German Accessible Information Technology Ordinance (BITV 2.0) and EN 301 549.',
    status: {
      title: 'Compliance status',
      body: 'azr-desk is partially compliant. The basis is a self-assessment: automated WCAG 2.1 level AA checks on every change and tests with keyboard and screen reader.',
    },
    limitations: {
      title: 'Non-accessible content',
      body: 'Printouts are produced as tagged PDF files; Chromium’s tagging is still experimental, full PDF/UA conformance has not been verified.',
    },
    feedback: {
      title: 'Reporting barriers',
      body: 'If you notice barriers, please contact your authority’s IT department. It forwards your report to those responsible for azr-desk; you will receive an answer within six weeks.',
    },
    enforcement: {
      title: 'Enforcement procedure',
      body: 'If you do not receive a satisfactory answer, you can contact the arbitration board under § 16 of the Disability Equality Act (BGG) or your federal state’s enforcement body.',
    },
    prepared: 'This statement is reviewed with every new version of azr-desk.',
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
    SETTING_LOCKED: 'This setting is managed by your organisation and cannot be changed here.',
    KEY_UNAVAILABLE:
      'The drafts key is not available. Your drafts remain stored encrypted; please restart azr-desk.',
  },
  ...draftsEn,
  ...searchEn,
  ...printEn,
  ...noticesEn,
  ...precheckEn,
  ...outboxEn,
  ...rulesEn,
};
