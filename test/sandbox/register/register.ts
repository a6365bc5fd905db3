import type { z } from 'zod';
import { computeMatchKeys, MUST_SHOW_RULE_TEXT } from '../../../shared/matching';
import { foldDocumentNumber } from '../../../shared/matching/keys';
import type {
  AnfrageAntwort,
  Gesamtauskunft,
  Hinweis,
  MitteilungZuDatenaenderung,
  Treffer,
  Zulassung,
  azrAnfrage,
  datenpflegeAnfrage,
  erstmeldung,
  folgemeldung,
  lichtbildAnforderung,
} from '../../../shared/register-api';
import { bestaetigungMeldung, mitteilungZuDatenaenderung } from '../../../shared/register-api';
import type { Sql } from '../db/database';
import type { Behoerde, Repository } from '../db/repository';
import { createRepository } from '../db/repository';
import { RegisterError } from './errors';
import type { Random } from './ids';
import { syntheticLichtbild } from './lichtbild';
import { newAzrNummer, newReferenzId, nextReferenzId } from './ids';
import type { PersonRecord } from './persons';
import { grundpersonalienGleich, toMatchPerson } from './persons';
import { searchSimilar } from './search';

type Anfrage = z.output<typeof azrAnfrage>;
type Erstmeldung = z.output<typeof erstmeldung>;
type Folgemeldung = z.output<typeof folgemeldung>;
type DatenpflegeAnfrage = z.output<typeof datenpflegeAnfrage>;
type LichtbildAnforderung = z.output<typeof lichtbildAnforderung>;
type Bestaetigung = z.output<typeof bestaetigungMeldung>;

export interface RegisterDeps {
  /** The database, or the transaction a Meldung runs in (so it commits with its idempotency record). */
  readonly sql: Sql;
  readonly now: () => Date;
  readonly random: Random;
}

const SECHS_MONATE_MS = 183 * 24 * 60 * 60 * 1000;

const hinweise = {
  sperre: {
    hinweisschluessel: 'UEBERMITTLUNGSSPERRE',
    hinweistext:
      'Für diese Person besteht eine Übermittlungssperre (§ 4 AZRG). Die Sperre ist auf jeder Ansicht und jedem Ausdruck kenntlich zu machen.',
  },
  sperreGross: {
    hinweisschluessel: 'UEBERMITTLUNGSSPERRE_AUSKUNFT_GESPERRT',
    hinweistext:
      'Zu dieser Anfrage kann wegen einer Übermittlungssperre keine Auskunft erteilt werden. Wenden Sie sich bei Bedarf an die Registerbehörde.',
  },
  einschraenkung: {
    hinweisschluessel: 'VERARBEITUNG_EINGESCHRAENKT',
    hinweistext:
      'Die Verarbeitung der Daten ist eingeschränkt (§ 17 AZRG-DV). Es werden nur Grundpersonalien und weitere Personalien übermittelt.',
  },
  nurGrunddaten: {
    hinweisschluessel: 'NUR_GRUNDDATEN',
    hinweistext: 'Ohne Abrufzweck werden nur Grunddaten übermittelt (§ 9 Abs. 4 AZRG-DV).',
  },
} satisfies Record<string, Hinweis>;

/**
 * The training register's rules (AZRG, AZRG-DV) over its database. Each public method is one
 * operation of shared/register-api for an authenticated authority; every access is logged.
 */
export class TrainingRegister {
  private readonly repository: Repository;

  constructor(private readonly deps: RegisterDeps) {
    this.repository = createRepository(deps.sql);
  }

  get repo(): Repository {
    return this.repository;
  }

  zulassung(behoerde: Behoerde): Zulassung {
    return {
      behoerdenkennzeichen: behoerde.kennzeichen,
      behoerdenname: behoerde.name,
      abrufzwecke: [...behoerde.abrufzwecke],
      direkteingabe: behoerde.direkteingabe,
    };
  }

  async anfrage(behoerde: Behoerde, anfrage: Anfrage): Promise<AnfrageAntwort> {
    const log = (ergebnis: string, azrNummern: readonly string[] = []) =>
      this.repository.protokolliere({
        zeit: this.deps.now(),
        behoerde: behoerde.kennzeichen,
        sachbearbeiter: anfrage.durchfuehrenderSachbearbeiter,
        operation: '090001',
        abrufzweck: anfrage.abrufzweck,
        geschaeftszeichen: anfrage.geschaeftszeichen,
        azrNummern,
        ergebnis,
      });
    try {
      this.pruefeAbsender(behoerde, anfrage.durchfuehrendeBehoerde);
      if (anfrage.abrufzweck !== undefined && !behoerde.abrufzwecke.includes(anfrage.abrufzweck)) {
        throw new RegisterError(
          403,
          'ABRUFZWECK_NICHT_ZUGELASSEN',
          `Ihre Behörde ist für den Abrufzweck ${anfrage.abrufzweck} nicht zugelassen.`,
          { fehlerhaftesAttribut: ['AZRAnfrage.abrufzweck'] },
        );
      }
      const antwort = await this.beantworte(anfrage);
      const nummern =
        antwort.nachrichtentyp === '090004'
          ? [antwort.azrNummer]
          : antwort.nachrichtentyp === '090003'
            ? antwort.trefferPersonaliensuche.map((t) => t.azrNummer)
            : [];
      await log(antwort.nachrichtentyp, nummern);
      return antwort;
    } catch (error) {
      if (error instanceof RegisterError) await log(error.fehlerschluessel);
      throw error;
    }
  }

  private async beantworte(anfrage: Anfrage): Promise<AnfrageAntwort> {
    const kriterium = anfrage.anfrageAZR;
    const mitZweck = anfrage.abrufzweck !== undefined;
    if ('azrNummer' in kriterium) {
      const { record, alteNummer } = await this.aktuellePerson(kriterium.azrNummer);
      return this.gesamtauskunft(record, mitZweck, alteNummer);
    }
    if ('grundpersonalien' in kriterium) {
      const query = toMatchPerson(kriterium.grundpersonalien);
      const hits = await searchSimilar(this.repository, query);
      return this.trefferliste(
        hits.map((hit) => ({
          record: hit.record,
          treffer: {
            azrNummer: hit.record.azrNummer,
            grundpersonalien: hit.record.grundpersonalien,
            personalienArt: hit.result.personalienArt,
            trefferbewertung: hit.result.band === 'A' ? 'G' : 'A',
            ...(hit.record.aktenfuehrendeBehoerde
              ? { aktenfuehrendeBehoerde: hit.record.aktenfuehrendeBehoerde }
              : {}),
            uebermittlungssperre: hit.record.uebermittlungssperre
              ? [{ art: hit.record.uebermittlungssperre }]
              : [],
            erklaerung: {
              band: hit.result.band ?? 'C',
              ...(hit.result.rule ? { regel: MUST_SHOW_RULE_TEXT[hit.result.rule] } : {}),
              punktzahl: Math.round(hit.result.score * 10) / 10,
              felder: hit.result.explanation.map((entry) => ({
                feld: entry.feld,
                bewertung: entry.bewertung,
                ...(entry.detail ? { detail: entry.detail } : {}),
              })),
            },
          },
        })),
      );
    }
    const nummer =
      'passnummer' in kriterium ? kriterium.passnummer : kriterium.nummerDesAufenthaltstitels;
    const key = `P:${foldDocumentNumber(nummer)}`;
    const records = await this.repository.candidates({
      slots: [{ keys: [key], gain: 1 }],
      threshold: 1,
      limit: 50,
    });
    return this.trefferliste(
      records.map((record) => ({
        record,
        treffer: {
          azrNummer: record.azrNummer,
          grundpersonalien: record.grundpersonalien,
          personalienArt: '0',
          trefferbewertung: 'I',
          ...(record.aktenfuehrendeBehoerde
            ? { aktenfuehrendeBehoerde: record.aktenfuehrendeBehoerde }
            : {}),
          uebermittlungssperre: record.uebermittlungssperre
            ? [{ art: record.uebermittlungssperre }]
            : [],
          erklaerung: {
            band: 'A',
            regel: MUST_SHOW_RULE_TEXT.dokumentnummer,
            punktzahl: 0,
            felder: [{ feld: 'Dokumentnummer', bewertung: 'identisch', detail: nummer }],
          },
        },
      })),
    );
  }

  /** A große Sperre withholds the hit itself; the caseworker gets a notice instead of data. */
  private trefferliste(hits: { record: PersonRecord; treffer: Treffer }[]): AnfrageAntwort {
    const sichtbar = hits.filter((hit) => hit.record.uebermittlungssperre !== 'gross');
    const hinweis: Hinweis[] = sichtbar.length < hits.length ? [hinweise.sperreGross] : [];
    if (sichtbar.length === 0) return { nachrichtentyp: '090002', hinweis };
    return {
      nachrichtentyp: '090003',
      hinweis,
      trefferPersonaliensuche: sichtbar.map((hit) => hit.treffer),
    };
  }

  private gesamtauskunft(
    record: PersonRecord,
    mitZweck: boolean,
    alteNummer: string | undefined,
  ): AnfrageAntwort {
    if (record.uebermittlungssperre === 'gross') {
      return { nachrichtentyp: '090002', hinweis: [hinweise.sperreGross] };
    }
    const hinweis: Hinweis[] = [];
    if (record.uebermittlungssperre) hinweis.push(hinweise.sperre);
    const eingeschraenkt = record.verarbeitungEingeschraenkt;
    if (eingeschraenkt) hinweis.push(hinweise.einschraenkung);
    if (!mitZweck) hinweis.push(hinweise.nurGrunddaten);
    const auskunft: Gesamtauskunft = {
      nachrichtentyp: '090004',
      hinweis,
      azrNummer: record.azrNummer,
      ...(alteNummer ? { alteAZRNummerDerAnfrage: alteNummer } : {}),
      nichtIdentischMit: mitZweck ? [...record.nichtIdentischMit] : [],
      ...(record.aktenfuehrendeBehoerde
        ? { aktenfuehrendeBehoerde: record.aktenfuehrendeBehoerde }
        : {}),
      nurGrunddaten: !mitZweck,
      verarbeitungEingeschraenkt: eingeschraenkt,
      uebermittlungssperre: record.uebermittlungssperre
        ? [{ art: record.uebermittlungssperre }]
        : [],
      grundpersonalien: {
        referenzId: record.grundpersonalienReferenz,
        inhalt: record.grundpersonalien,
      },
      lichtbildVorhanden: record.lichtbild,
    };
    // Grunddaten (§ 9 Abs. 4 DV) include the current address; weitere Personalien need a purpose.
    if (record.anschrift && record.anschriftReferenz && !eingeschraenkt) {
      auskunft.anschrift = { referenzId: record.anschriftReferenz, inhalt: record.anschrift };
    }
    if (mitZweck) {
      auskunft.weiterePersonalien = {
        referenzId: record.weiterePersonalienReferenz,
        inhalt: record.weiterePersonalien,
      };
      if (!eingeschraenkt && record.aufenthaltsstatus && record.aufenthaltsstatusReferenz) {
        auskunft.aufenthaltsstatus = {
          referenzId: record.aufenthaltsstatusReferenz,
          inhalt: record.aufenthaltsstatus,
        };
      }
    }
    return auskunft;
  }

  /** Follows merges to the current record; unknown numbers are an error, not an empty answer. */
  private async aktuellePerson(azrNummer: string) {
    let record = await this.repository.person(azrNummer);
    if (!record) {
      throw new RegisterError(
        404,
        'AZR_NUMMER_UNBEKANNT',
        `Die AZR-Nummer ${azrNummer} ist im Register nicht bekannt.`,
        { fehlerhaftesAttribut: ['azrNummer'] },
      );
    }
    const gesehen = new Set([record.azrNummer]);
    while (record.zusammengefuehrtIn !== null) {
      const next = await this.repository.person(record.zusammengefuehrtIn);
      if (!next || gesehen.has(next.azrNummer)) break;
      gesehen.add(next.azrNummer);
      record = next;
    }
    return { record, alteNummer: record.azrNummer !== azrNummer ? azrNummer : undefined };
  }

  private pruefeAbsender(behoerde: Behoerde, angegeben: string) {
    if (angegeben !== behoerde.kennzeichen) {
      throw new RegisterError(
        403,
        'BEHOERDE_PASST_NICHT_ZUM_ZERTIFIKAT',
        `Die angegebene Behörde ${angegeben} passt nicht zum Zertifikat (${behoerde.kennzeichen}).`,
        { fehlerhaftesAttribut: ['durchfuehrendeBehoerde'] },
      );
    }
  }

  private pruefeDirekteingabe(behoerde: Behoerde) {
    if (!behoerde.direkteingabe) {
      throw new RegisterError(
        403,
        'DIREKTEINGABE_NICHT_ZUGELASSEN',
        'Ihre Behörde ist nicht zur Direkteingabe in das Register zugelassen.',
      );
    }
  }

  /** 090005/090006: the Lichtbild, for the identity check before attaching data (§ 5 Abs. 1 S. 3). */
  async lichtbild(behoerde: Behoerde, anforderung: LichtbildAnforderung) {
    this.pruefeAbsender(behoerde, anforderung.durchfuehrendeBehoerde);
    if (!behoerde.abrufzwecke.includes(anforderung.abrufzweck)) {
      throw new RegisterError(
        403,
        'ABRUFZWECK_NICHT_ZUGELASSEN',
        `Ihre Behörde ist für den Abrufzweck ${anforderung.abrufzweck} nicht zugelassen.`,
      );
    }
    const { record } = await this.aktuellePerson(anforderung.azrNummer);
    const gesperrt = record.uebermittlungssperre === 'gross' || record.verarbeitungEingeschraenkt;
    await this.repository.protokolliere({
      zeit: this.deps.now(),
      behoerde: behoerde.kennzeichen,
      sachbearbeiter: anforderung.durchfuehrenderSachbearbeiter,
      operation: '090005',
      abrufzweck: anforderung.abrufzweck,
      geschaeftszeichen: anforderung.geschaeftszeichen,
      azrNummern: [record.azrNummer],
      ergebnis: record.lichtbild && !gesperrt ? '090006' : 'LICHTBILD_NICHT_VORHANDEN',
    });
    if (!record.lichtbild || gesperrt) {
      throw new RegisterError(
        404,
        'LICHTBILD_NICHT_VORHANDEN',
        'Zu dieser Person kann kein Lichtbild übermittelt werden.',
      );
    }
    return {
      nachrichtentyp: '090006' as const,
      azrNummer: record.azrNummer,
      mimeType: 'image/png' as const,
      daten: syntheticLichtbild(record.azrNummer).toString('base64'),
    };
  }

  /** § 6 AZRG, § 5 Abs. 1 AZRG-DV: a new person, unless equal persons exist without a link. */
  async erstmeldung(behoerde: Behoerde, meldung: Erstmeldung): Promise<Bestaetigung> {
    this.pruefeAbsender(behoerde, meldung.durchfuehrendeBehoerde);
    this.pruefeDirekteingabe(behoerde);
    const query = toMatchPerson(meldung.grundpersonalien, meldung.weiterePersonalien);
    const hits = await searchSimilar(this.repository, query, { limit: 50 });
    const verknuepft = new Set(meldung.nichtIdentischMit.map((link) => link.nichtIdentischMit));
    const gleich = hits
      .filter((hit) =>
        grundpersonalienGleich(hit.record.grundpersonalien, meldung.grundpersonalien),
      )
      .map((hit) => hit.record.azrNummer);
    const offen = gleich.filter((nummer) => !verknuepft.has(nummer));
    const zeit = this.deps.now();
    if (offen.length > 0) {
      throw new RegisterError(
        409,
        'PERSONALIEN_GLEICH',
        'Im Register sind Personen mit gleichen Grundpersonalien gespeichert. Melden Sie zu jeder einen Hinweis auf Personenverschiedenheit oder eine Folgemeldung zur bestehenden AZR-Nummer (§ 5 Abs. 1 AZRG-DV).',
        { personalienGleich: offen },
      );
    }
    for (const nummer of verknuepft) await this.aktuellePerson(nummer);
    const azrNummer = newAzrNummer(zeit, await this.repository.nextLaufnummer());
    const weitere = meldung.weiterePersonalien ?? { weitereNamen: [], ausweispapiere: [] };
    const record: PersonRecord = {
      azrNummer,
      grundpersonalien: meldung.grundpersonalien,
      grundpersonalienReferenz: newReferenzId(this.deps.random),
      weiterePersonalien: weitere,
      weiterePersonalienReferenz: newReferenzId(this.deps.random),
      anschrift: null,
      anschriftReferenz: null,
      aufenthaltsstatus: null,
      aufenthaltsstatusReferenz: null,
      aktenfuehrendeBehoerde: behoerde.kennzeichen,
      uebermittlungssperre: null,
      verarbeitungEingeschraenkt: false,
      nichtIdentischMit: [...verknuepft],
      lichtbild: false,
      zusammengefuehrtIn: null,
    };
    await this.repository.savePerson(record, computeMatchKeys(query).all, zeit);
    await this.protokolliereMeldung(behoerde, '090009', meldung, [azrNummer], '090098');
    return bestaetigungMeldung.parse({
      nachrichtentyp: '090098',
      azrNummer,
      personalienAehnlich: hits
        .map((hit) => hit.record.azrNummer)
        .filter((nummer) => !gleich.includes(nummer) || verknuepft.has(nummer)),
      grundpersonalienReferenzId: record.grundpersonalienReferenz,
      weiterePersonalienReferenzId: record.weiterePersonalienReferenz,
    });
  }

  /** § 8 AZRG: data for an existing record; a stale Referenz-ID is a conflict. */
  async folgemeldung(behoerde: Behoerde, meldung: Folgemeldung): Promise<Bestaetigung> {
    this.pruefeAbsender(behoerde, meldung.durchfuehrendeBehoerde);
    this.pruefeDirekteingabe(behoerde);
    const { record } = await this.aktuellePerson(meldung.azrNummer);
    let next: PersonRecord = record;
    if (meldung.grundpersonalien) {
      if (meldung.grundpersonalien.referenzId !== record.grundpersonalienReferenz) {
        throw this.veraltet('grundpersonalien', meldung.grundpersonalien.referenzId);
      }
      next = {
        ...next,
        grundpersonalien: meldung.grundpersonalien.neu,
        grundpersonalienReferenz: nextReferenzId(record.grundpersonalienReferenz, this.deps.random),
      };
    }
    if (meldung.weiterePersonalien) {
      const { referenzId } = meldung.weiterePersonalien;
      if (referenzId !== undefined && referenzId !== record.weiterePersonalienReferenz) {
        throw this.veraltet('weiterePersonalien', referenzId);
      }
      next = {
        ...next,
        weiterePersonalien: meldung.weiterePersonalien.neu,
        weiterePersonalienReferenz: nextReferenzId(
          record.weiterePersonalienReferenz,
          this.deps.random,
        ),
      };
    }
    const links = new Set(next.nichtIdentischMit);
    for (const link of meldung.nichtIdentischMit) {
      if (link.aenderungsArt === '03' || link.aenderungsArt === '05')
        links.delete(link.nichtIdentischMit);
      else links.add(link.nichtIdentischMit);
    }
    next = { ...next, nichtIdentischMit: [...links] };
    const keys = computeMatchKeys(
      toMatchPerson(next.grundpersonalien, next.weiterePersonalien),
    ).all;
    await this.repository.savePerson(next, keys, this.deps.now());
    await this.protokolliereMeldung(behoerde, '090010', meldung, [record.azrNummer], '090098');
    return bestaetigungMeldung.parse({
      nachrichtentyp: '090098',
      azrNummer: record.azrNummer,
      ...(meldung.grundpersonalien
        ? { grundpersonalienReferenzId: next.grundpersonalienReferenz }
        : {}),
      ...(meldung.weiterePersonalien
        ? { weiterePersonalienReferenzId: next.weiterePersonalienReferenz }
        : {}),
    });
  }

  private veraltet(block: string, referenzId: string) {
    return new RegisterError(
      409,
      'REFERENZ_VERALTET',
      `Die Daten wurden inzwischen geändert (Referenz-ID ${referenzId} ist nicht mehr aktuell). Bitte lesen Sie den Datensatz neu und prüfen Sie die Änderung.`,
      { fehlerhaftesAttribut: [`${block}.referenz.id`] },
    );
  }

  /** 090040: a suspected duplicate for Datenpflege (Abrufzweck 21). */
  async datenpflege(behoerde: Behoerde, anfrage: DatenpflegeAnfrage): Promise<Bestaetigung> {
    this.pruefeAbsender(behoerde, anfrage.durchfuehrendeBehoerde);
    if (!behoerde.abrufzwecke.includes('21')) {
      throw new RegisterError(
        403,
        'ABRUFZWECK_NICHT_ZUGELASSEN',
        'Ihre Behörde ist für den Abrufzweck 21 (Datenpflege) nicht zugelassen.',
      );
    }
    const nummern: string[] = [];
    for (const nummer of anfrage.mehrfacherfassung.azrNummer) {
      nummern.push((await this.aktuellePerson(nummer)).record.azrNummer);
    }
    await this.protokolliereMeldung(behoerde, '090040', anfrage, nummern, '090098');
    return bestaetigungMeldung.parse({ nachrichtentyp: '090098', azrNummer: nummern[0] });
  }

  async mitteilungen(behoerde: Behoerde, nach: string | undefined, anzahl: number) {
    const cursor = nach && /^\d+$/.test(nach) ? Number(nach) : 0;
    const rows = await this.repository.mitteilungen(behoerde.kennzeichen, cursor, anzahl + 1);
    const seite = rows.slice(0, anzahl);
    const mitteilungen: MitteilungZuDatenaenderung[] = seite.map((row) =>
      mitteilungZuDatenaenderung.parse({
        ...row.inhalt,
        id: String(row.id),
        erstelltAm: new Date(row.angelegt_am).toISOString(),
      }),
    );
    const last = seite.at(-1);
    return rows.length > anzahl && last
      ? { mitteilungen, naechsterCursor: String(last.id) }
      : { mitteilungen };
  }

  /**
   * Admin: merge `wegfallend` into `bleibend` (Zusammenführung). The old number then answers with
   * the current one, and each aktenführende Behörde gets a 090030 notice.
   */
  async zusammenfuehren(wegfallend: string, bleibend: string) {
    const alt = (await this.aktuellePerson(wegfallend)).record;
    const neu = (await this.aktuellePerson(bleibend)).record;
    if (alt.azrNummer === neu.azrNummer) {
      throw new RegisterError(
        409,
        'NACHRICHT_UNGUELTIG',
        'Ein Datensatz kann nicht mit sich selbst zusammengeführt werden.',
      );
    }
    const zeit = this.deps.now();
    await this.repository.savePerson({ ...alt, zusammengefuehrtIn: neu.azrNummer }, [], zeit);
    const empfaenger = new Set(
      [alt.aktenfuehrendeBehoerde, neu.aktenfuehrendeBehoerde].filter(
        (k): k is string => k !== null,
      ),
    );
    for (const behoerde of empfaenger) {
      await this.repository.mitteilungAnlegen(
        behoerde,
        {
          nachrichtentyp: '090030',
          azrNummer: neu.azrNummer,
          mitteilungsAusloeser: 'ZUSAMMENFUEHRUNG',
          wegfallendeAzrNummer: alt.azrNummer,
          handlungsempfehlung: `Die Datensätze wurden zusammengeführt. Verwenden Sie künftig die AZR-Nummer ${neu.azrNummer} und passen Sie Ihre Akten an.`,
        },
        zeit,
      );
    }
    return { azrNummer: neu.azrNummer, wegfallendeAzrNummer: alt.azrNummer };
  }

  async protokollBereinigen() {
    return this.repository.protokollBereinigen(
      new Date(this.deps.now().getTime() - SECHS_MONATE_MS),
    );
  }

  async protokolliereMeldung(
    behoerde: Behoerde,
    operation: string,
    meldung: {
      durchfuehrenderSachbearbeiter: string;
      geschaeftszeichen?: string;
      abrufzweck?: string;
    },
    azrNummern: readonly string[],
    ergebnis: string,
  ) {
    await this.repository.protokolliere({
      zeit: this.deps.now(),
      behoerde: behoerde.kennzeichen,
      sachbearbeiter: meldung.durchfuehrenderSachbearbeiter,
      operation,
      abrufzweck: meldung.abrufzweck,
      geschaeftszeichen: meldung.geschaeftszeichen,
      azrNummern,
      ergebnis,
    });
  }
}
