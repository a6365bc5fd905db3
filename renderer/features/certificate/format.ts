// Short forms of certificate data for the status bar (kept apart from the dialog, which loads
// only when opened).

const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' });
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** The CN of a subject DN ("CN=ABH Musterstadt Sachbearbeitung, O=…" → the CN), for short labels. */
export const commonName = (subject: string) =>
  /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1]?.trim() ?? subject;
