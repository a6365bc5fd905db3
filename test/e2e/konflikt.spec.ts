// Issue 7, item 3: "on a stale Referenz-ID it re-reads the record, shows the difference and lets
// the caseworker rebase or abandon". A caseworker's Folgemeldung is built against the record's
// current Referenz-ID (the review step reads it); before it is sent, another authority changes the
// record in the training register (a Folgemeldung of its own, sent straight to the register), so
// the register answers REFERENZ_VERALTET and the Postausgang shows a Konflikt.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { ensureTestPki } from '../pki/pki';
import { registerClient } from '../sandbox/testing/client';

const shots = 'test-results/screenshots';
const registerUrl = process.env.AZR_SANDBOX_URL ?? 'https://127.0.0.1:4433';
const adminUrl = process.env.AZR_SANDBOX_ADMIN_URL ?? 'http://127.0.0.1:4434';

/** Letters only (DIN 91379 names), one per run: the training register lives as long as the run. */
const RUN = Array.from(
  { length: 5 },
  () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)],
).join('');

const musterstadt = {
  durchfuehrenderSachbearbeiter: 'A. Andere',
  durchfuehrendeBehoerde: '100001',
};

/** The person of one test: a name of this run and a birth date no other test uses. */
interface Person {
  readonly familienname: string;
  readonly vorname: string;
  readonly geboren: { readonly jahr: number; readonly monat: number; readonly tag: number };
}

const geburtsdatum = ({ geboren }: Person) =>
  `${String(geboren.tag).padStart(2, '0')}.${String(geboren.monat).padStart(2, '0')}.${geboren.jahr}`;

const grundpersonalien = (person: Person, vorname = person.vorname) => ({
  familienname: person.familienname,
  vorname,
  geburtsangaben: {
    geburtsort: { ort: 'Kabul' },
    geburtsortStaat: '423',
    tagDerGeburt: person.geboren,
  },
  geschlecht: 'w',
  staatsangehoerigkeit: ['423'],
});

/** What the other authority makes of the Vornamen. */
const geaendert = (person: Person) => `${person.vorname} Sofia`;

type Client = ReturnType<typeof registerClient>;

/** Someone else's Erstmeldung: the person the caseworker will find. */
async function personImRegister(client: Client, person: Person) {
  const answer = await client.post(
    '/v1/erstmeldung',
    {
      ...musterstadt,
      geschaeftszeichen: 'ANDERE-1',
      grundpersonalien: grundpersonalien(person),
    },
    { 'idempotency-key': crypto.randomUUID() },
  );
  expect(answer.body).toMatchObject({ nachrichtentyp: '090098' });
  return {
    azrNummer: answer.body.azrNummer as string,
    referenzId: answer.body.grundpersonalienReferenzId as string,
  };
}

/** Another authority changes the Vornamen: the record gets a new Referenz-ID. */
async function andereBehoerdeAendert(
  client: Client,
  person: Person,
  record: { azrNummer: string; referenzId: string },
) {
  const answer = await client.post(
    '/v1/folgemeldung',
    {
      ...musterstadt,
      geschaeftszeichen: 'ANDERE-2',
      azrNummer: record.azrNummer,
      grundpersonalien: {
        aenderungsArt: '02',
        referenzId: record.referenzId,
        neu: grundpersonalien(person, geaendert(person)),
      },
    },
    { 'idempotency-key': crypto.randomUUID() },
  );
  expect(answer.body).toMatchObject({ nachrichtentyp: '090098', azrNummer: record.azrNummer });
  expect(answer.body.grundpersonalienReferenzId).not.toBe(record.referenzId);
}

async function registerRecord(azrNummer: string) {
  const response = await fetch(`${adminUrl}/admin/persons/${azrNummer}`);
  expect(response.ok).toBe(true);
  return (await response.json()) as { grundpersonalien: { vorname: string } };
}

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Fluent's tabster sentinels: a known false positive (see search.spec.ts).
    .exclude('[data-tabster-dummy]')
    .analyze();
  expect(results.violations).toEqual([]);
}

/**
 * The caseworker's draft for the person, the pre-check (identisch), the review (which reads the
 * Referenz-ID) — then the record changes in the register, then the Meldung goes to the outbox.
 * Returns the draft's address.
 */
async function folgemeldungMitVeralteterReferenz(
  page: Page,
  client: Client,
  person: Person,
  geschaeftszeichen: string,
) {
  const record = await personImRegister(client, person);

  await page.goto('/#/entwuerfe');
  await page.getByRole('button', { name: 'Neue Erstmeldung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entwurf: Erstmeldung' })).toBeVisible();
  const draftUrl = page.url();
  await page.getByRole('textbox', { name: 'Geschäftszeichen' }).fill(geschaeftszeichen);
  await page.getByRole('textbox', { name: 'Familienname' }).first().fill(person.familienname);
  await page.getByRole('textbox', { name: 'Vornamen' }).first().fill(person.vorname);
  await page.getByRole('combobox', { name: 'Geschlecht' }).selectOption('w');
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill(geburtsdatum(person));
  await page.getByRole('textbox', { name: 'Geburtsort' }).fill('Kabul');
  await page.getByRole('combobox', { name: 'Geburtsstaat' }).selectOption('423');
  await page.getByRole('button', { name: 'Staatsangehörigkeit hinzufügen' }).click();
  await page.getByRole('combobox', { name: 'Staatsangehörigkeit 1' }).selectOption('423');
  await expect(page.getByTestId('autosave')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: 'Weiter zur Vorprüfung' }).click();

  await expect(page.getByTestId('register-status')).toHaveText(/Register erreichbar/, {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Im Register suchen' }).click();
  const card = page.getByRole('article', { name: new RegExp(record.azrNummer) });
  await card.getByRole('radio', { name: /Ja, dieselbe Person/ }).check();
  for (const punkt of ['Lichtbild verglichen', 'Dokument geprüft', 'Geburtsdaten übereinstimmend'])
    await card
      .getByRole('radiogroup', { name: punkt })
      .getByRole('radio', { name: 'geprüft und übereinstimmend' })
      .check();
  await card
    .getByRole('radiogroup', { name: 'Aktenführende Behörde befragt' })
    .getByRole('radio', { name: 'nicht möglich' })
    .check();
  await card.getByRole('textbox', { name: /Warum nicht möglich/ }).fill('Selbst aktenführend');
  await card.getByRole('button', { name: 'Entscheidung festhalten' }).click();
  await expect(card.getByText('Festgehalten: dieselbe Person (identisch)')).toBeVisible();

  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByText(`Folgemeldung zu AZR-Nummer ${record.azrNummer}`)).toBeVisible();
  // The review has read the record's current version …
  await expect(page.getByText(record.referenzId, { exact: true })).toBeVisible();
  // … which changes before the Meldung reaches the register.
  await andereBehoerdeAendert(client, person, record);
  await page.getByRole('checkbox', { name: /Ich habe die Angaben geprüft/ }).check();
  await page.getByRole('button', { name: 'In den Postausgang legen' }).click();
  await expect(page.getByText('Die Meldung liegt im Postausgang')).toBeVisible();
  return { ...record, draftUrl };
}

async function openKonflikt(page: Page, name: string) {
  await page.goto('/#/postausgang');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toHaveAttribute('data-status', 'konflikt', { timeout: 60_000 });
  await expect(row).toContainText('nicht mehr aktuell');
  await row.getByRole('button', { name: `Konflikt lösen: ${name}` }).click();
  const panel = page.getByRole('region', { name: `Konflikt: ${name}` });
  await expect(panel.getByRole('heading', { name: `Konflikt: ${name}` })).toBeFocused();
  return { row, panel };
}

test.describe('Konflikt im Postausgang gegen das Trainingsregister', () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 1280, height: 1400 } });

  let client: Client;
  test.beforeAll(async () => {
    client = registerClient(registerUrl, await ensureTestPki(), 'clientMusterstadt');
  });
  test.afterAll(async () => {
    await client.close();
  });

  test('veraltete Referenz-ID: neu lesen zeigt den Unterschied, neu aufsetzen → bestätigt', async ({
    page,
  }) => {
    const person: Person = {
      familienname: `Konfliktowa${RUN}`,
      vorname: 'Amina',
      geboren: { jahr: 1999, monat: 4, tag: 12 },
    };
    const name = `${person.familienname}, ${person.vorname}`;
    const { azrNummer, draftUrl } = await folgemeldungMitVeralteterReferenz(
      page,
      client,
      person,
      `KONFLIKT-${RUN}-1`,
    );
    const { row, panel } = await openKonflikt(page, name);
    await expect(panel).toContainText('Der Datensatz wurde im Register inzwischen geändert.');

    await panel.getByRole('button', { name: 'Datensatz neu lesen' }).click();
    const table = panel.getByRole('table', {
      name: 'Unterschied zwischen dem Register und Ihrer Meldung',
    });
    await expect(table).toBeVisible();
    const vornamen = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Vornamen' }) });
    await expect(vornamen.getByRole('cell')).toHaveText([
      geaendert(person),
      person.vorname,
      'abweichend',
    ]);
    const stand = table.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: 'Stand (Referenz-ID) Grundpersonalien' }),
    });
    await expect(stand.getByRole('cell').nth(2)).toHaveText('abweichend');
    const nummer = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'AZR-Nummer' }) });
    await expect(nummer.getByRole('cell')).toHaveText([azrNummer, azrNummer, 'gleich']);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${shots}/outbox-konflikt-unterschied.png` });
    await page.screenshot({ path: `${shots}/outbox-konflikt.png`, fullPage: true });
    await noAxeViolations(page);

    await panel.getByRole('button', { name: 'Auf neuen Stand setzen und senden' }).click();
    await expect(page.getByText('Die Meldung wurde auf den neuen Stand gesetzt')).toBeVisible();
    await expect(panel).toHaveCount(0);
    await expect(row).toHaveAttribute('data-status', 'bestaetigt', { timeout: 60_000 });
    await expect(row).toContainText(`AZR-Nummer ${azrNummer}`);
    // The caseworker's version is now the register's.
    expect((await registerRecord(azrNummer)).grundpersonalien.vorname).toBe(person.vorname);
    // … and the draft is closed with the person's number.
    await page.goto(draftUrl);
    await expect(
      page.getByText('Die Meldung zu diesem Entwurf wurde vom Register bestätigt.', {
        exact: false,
      }),
    ).toBeVisible();
  });

  test('veraltete Referenz-ID: verwerfen → Eintrag weg, Entwurf wieder bearbeitbar', async ({
    page,
  }) => {
    const person: Person = {
      familienname: `Verwerfowa${RUN}`,
      vorname: 'Leyla',
      geboren: { jahr: 1978, monat: 9, tag: 3 },
    };
    const name = `${person.familienname}, ${person.vorname}`;
    const { azrNummer, draftUrl } = await folgemeldungMitVeralteterReferenz(
      page,
      client,
      person,
      `KONFLIKT-${RUN}-2`,
    );
    // While the Meldung is in the outbox, the draft cannot be edited.
    await page.goto(draftUrl);
    await expect(
      page.getByText(/Die Meldung zu diesem Entwurf liegt im Postausgang/),
    ).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Familienname' })).toHaveCount(0);

    const { row, panel } = await openKonflikt(page, name);
    await panel.getByRole('button', { name: 'Datensatz neu lesen' }).click();
    await expect(panel.getByRole('table')).toBeVisible();
    await panel.getByRole('button', { name: 'Meldung verwerfen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Meldung verwerfen?' });
    await expect(dialog).toContainText(`Die Meldung für ${name} wird aus dem Postausgang entfernt`);
    await noAxeViolations(page);
    await dialog.getByRole('button', { name: 'Verwerfen' }).click();
    await expect(page.getByText('Die Meldung wurde verworfen')).toBeVisible();
    await expect(row).toHaveCount(0);
    // Nothing of it reached the register.
    expect((await registerRecord(azrNummer)).grundpersonalien.vorname).toBe(geaendert(person));

    await page.goto(draftUrl);
    const familiennameFeld = page.getByRole('textbox', { name: 'Familienname' }).first();
    await expect(familiennameFeld).toBeEditable();
    await expect(familiennameFeld).toHaveValue(person.familienname);
  });
});
