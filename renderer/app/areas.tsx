import type { FluentIcon } from '@fluentui/react-icons';
import {
  DocumentBulletListRegular,
  HistoryRegular,
  MailInboxRegular,
  SearchRegular,
  SendRegular,
  SettingsRegular,
} from '@fluentui/react-icons';

/** The app's areas: one route and one navigation entry each; later issues fill them. */
export interface Area {
  readonly path: string;
  readonly key: 'search' | 'drafts' | 'outbox' | 'notices' | 'protocol' | 'settings';
  readonly icon: FluentIcon;
}

export const areas: readonly Area[] = [
  { path: 'suche', key: 'search', icon: SearchRegular },
  { path: 'entwuerfe', key: 'drafts', icon: DocumentBulletListRegular },
  { path: 'postausgang', key: 'outbox', icon: SendRegular },
  { path: 'mitteilungen', key: 'notices', icon: MailInboxRegular },
  { path: 'protokoll', key: 'protocol', icon: HistoryRegular },
  { path: 'einstellungen', key: 'settings', icon: SettingsRegular },
];

export const defaultArea = areas[0]!;
