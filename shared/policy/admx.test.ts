import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { generateAdml, generateAdmx, policyTemplates } from './admx';
import { POLICY_REGISTRY_KEY, settingKeys, settingsTable } from './settings';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['policy', 'string', 'presentation', 'category', 'item'].includes(name),
});

type Node = Record<string, unknown>;
const parse = (xml: string) => parser.parse(xml) as Node;
const at = (node: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((current, key) => (current as Node | undefined)?.[key], node);

const policyDir = join(import.meta.dirname, '../../build/policy');

const expectedElement = {
  text: 'text',
  integer: 'decimal',
  enum: 'enum',
  list: 'multiText',
} as const;

describe('ADMX/ADML aus der Einstellungstabelle', () => {
  const admx = parse(generateAdmx());
  const policies = at(admx, 'policyDefinitions', 'policies', 'policy') as Node[];

  it('enthält jede Einstellung genau einmal, unter SOFTWARE\\Policies\\azr-desk, für Computer und Benutzer', () => {
    expect(policies.map((policy) => policy['@name'])).toEqual(
      settingKeys.map((key) => settingsTable[key].registryName),
    );
    for (const policy of policies) {
      expect(policy['@key']).toBe(POLICY_REGISTRY_KEY);
      expect(policy['@class']).toBe('Both');
    }
  });

  it('jede Richtlinie schreibt den Wertnamen und Typ, den der Richtlinienleser erwartet', () => {
    for (const key of settingKeys) {
      const definition = settingsTable[key];
      const policy = policies.find((p) => p['@name'] === definition.registryName);
      const elementName = expectedElement[definition.kind.type];
      const element = at(policy, 'elements', elementName) as Node | undefined;
      expect(element, `${key}: <${elementName}>`).toBeDefined();
      expect(element?.['@valueName']).toBe(definition.registryName);
      if (definition.kind.type === 'integer') {
        expect(Number(element?.['@minValue'])).toBe(definition.kind.min);
        expect(Number(element?.['@maxValue'])).toBe(definition.kind.max);
      }
      if (definition.kind.type === 'enum') {
        const items = element?.item as Node[];
        // `string` is parsed as a list (stringTable); an item's value holds exactly one.
        expect(items.map((item) => (at(item, 'value', 'string') as string[])[0])).toEqual(
          definition.kind.options,
        );
      }
    }
  });

  it.each(['de-DE', 'en-US'] as const)(
    'die ADML %s hat jeden Text und jede Darstellung, auf die die ADMX verweist',
    (language) => {
      const adml = parse(generateAdml(language));
      const resources = at(adml, 'policyDefinitionResources', 'resources');
      const strings = new Set(
        (at(resources, 'stringTable', 'string') as Node[]).map((s) => s['@id'] as string),
      );
      const presentations = at(resources, 'presentationTable', 'presentation') as Node[];
      const admxText = generateAdmx();
      for (const [, id] of admxText.matchAll(/\$\(string\.([\w]+)\)/g)) {
        expect(strings.has(id!), `string ${id}`).toBe(true);
      }
      for (const key of settingKeys) {
        const definition = settingsTable[key];
        const presentation = presentations.find((p) => p['@id'] === definition.registryName);
        expect(presentation, `presentation ${definition.registryName}`).toBeDefined();
        const control = Object.entries(presentation ?? {}).find(([name]) => !name.startsWith('@'));
        expect((control?.[1] as Node | undefined)?.['@refId']).toBe(definition.registryName);
      }
      const lang = language === 'de-DE' ? 'de' : 'en';
      expect(generateAdml(language)).toContain(settingsTable.updateMode.label[lang]);
    },
  );

  it('die eingecheckten Vorlagen in build/policy entsprechen der Tabelle (npm run policy:admx)', () => {
    for (const [path, generated] of Object.entries(policyTemplates())) {
      const committed = readFileSync(join(policyDir, path), 'utf8');
      expect(committed, `build/policy/${path} ist veraltet: npm run policy:admx`).toBe(generated);
    }
  });
});
