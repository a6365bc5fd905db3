import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'azr-desk.locale';

const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (locales as readonly string[]).includes(value);

/** The caseworker's chosen UI language (not personal data, so localStorage is fine). */
function storedLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  const value = storage?.getItem(storageKey);
  return isLocale(value) ? value : 'de';
}

export function initI18n(storage: Storage | undefined = globalThis.localStorage) {
  const lng = storedLocale(storage);
  void i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng,
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export async function changeLocale(
  locale: Locale,
  storage: Storage | undefined = globalThis.localStorage,
) {
  await i18next.changeLanguage(locale);
  storage?.setItem(storageKey, locale);
  document.documentElement.lang = locale;
}

export { isLocale };
