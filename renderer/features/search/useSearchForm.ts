import { useEffect, useRef, useState } from 'react';
import type { Resolver } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { isoDay } from '../../../shared/domain/codelists';
import type {
  AzrNummerValues,
  GrundpersonalienValues,
  PassnummerValues,
  SearchMode,
} from './criteria';
import { azrNummerFormSchema, grundpersonalienSchema, passnummerFormSchema } from './criteria';
import { useRegeltext } from '../../i18n/rules';
import { useSearchStore } from './search-store';
import { zodResolver } from './zod-resolver';

export type SearchValues = GrundpersonalienValues & AzrNummerValues & PassnummerValues;

/**
 * One form over the three modes, validated by the schema of the mode on screen: switching modes
 * keeps what was typed in the others. Every change is copied into the session's memory store, so
 * the inputs survive a failed request, a visit to a record and the way back.
 */
export function useSearchForm(mode: SearchMode) {
  const modeRef = useRef(mode);
  useEffect(() => {
    modeRef.current = mode;
  }, [mode]);
  // The messages in the UI's language, read when the form validates.
  const regeltext = useRegeltext();
  const regeltextRef = useRef(regeltext);
  useEffect(() => {
    regeltextRef.current = regeltext;
  }, [regeltext]);

  const resolver: Resolver<SearchValues> = (values, context, options) => {
    const schema =
      modeRef.current === 'grundpersonalien'
        ? grundpersonalienSchema(isoDay(new Date()), regeltextRef.current)
        : modeRef.current === 'azrNummer'
          ? azrNummerFormSchema(regeltextRef.current)
          : passnummerFormSchema(regeltextRef.current);
    return zodResolver<SearchValues>(schema)(values, context, options);
  };

  const [defaultValues] = useState<SearchValues>(() => {
    const state = useSearchStore.getState();
    return { ...state.grundpersonalien, ...state.azrNummer, ...state.passnummer };
  });

  const form = useForm<SearchValues>({
    defaultValues,
    resolver,
    reValidateMode: 'onChange',
  });

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          const store = useSearchStore.getState();
          store.keepGrundpersonalien({
            familienname: values.familienname,
            vorname: values.vorname,
            geburtsdatum: values.geburtsdatum,
            geburtsort: values.geburtsort,
            geburtsland: values.geburtsland,
            geschlecht: values.geschlecht,
            staatsangehoerigkeiten: values.staatsangehoerigkeiten,
          });
          store.keepAzrNummer({ azrNummer: values.azrNummer });
          store.keepPassnummer({ passnummer: values.passnummer });
        },
      }),
    [form],
  );

  return form;
}
