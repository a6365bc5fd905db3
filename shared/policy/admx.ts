import type { LocalizedText, SettingCategory, SettingDefinition, SettingKey } from './settings';
import { POLICY_REGISTRY_KEY, settingKeys, settingsTable } from './settings';

// Generates the Group Policy templates (ADMX + one ADML per language) from the settings table, so
// the registry value names and types an admin sets are exactly those the policy reader expects.
// Format: Microsoft "ADMX schema" (PolicyDefinitions 2006/07). Every policy has class "Both": set in
// Computer Configuration it lands in HKLM, in User Configuration in HKCU, each under the same key.

export const ADMX_NAMESPACE = 'De.AzrDesk.Policies';
export const ADMX_PREFIX = 'azrdesk';
const SCHEMA_NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const REVISION = '1.0';

export type AdmlLanguage = 'de-DE' | 'en-US';
const languageOf = (language: AdmlLanguage): keyof LocalizedText =>
  language === 'de-DE' ? 'de' : 'en';

const categories: Record<SettingCategory, LocalizedText> = {
  register: { de: 'Register und Zertifikate', en: 'Register and certificates' },
  privacy: { de: 'Datenschutz und Sperre', en: 'Privacy and lock' },
  updates: { de: 'Updates', en: 'Updates' },
  diagnostics: { de: 'Diagnose', en: 'Diagnostics' },
};

const categoryId = (category: SettingCategory) =>
  `Cat_${category[0]!.toUpperCase()}${category.slice(1)}`;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The single presentation element of a policy, in ADMX (`elements`) and ADML (`presentation`). */
function admxElement(definition: SettingDefinition): string {
  const id = definition.registryName;
  const kind = definition.kind;
  switch (kind.type) {
    case 'text':
      return `<text id="${id}" valueName="${id}" required="true" maxLength="1024" />`;
    case 'integer':
      return `<decimal id="${id}" valueName="${id}" required="true" minValue="${kind.min}" maxValue="${kind.max}" />`;
    case 'list':
      return `<multiText id="${id}" valueName="${id}" required="true" maxStrings="64" />`;
    case 'enum':
      return [
        `<enum id="${id}" valueName="${id}" required="true">`,
        ...kind.options.map(
          (option) =>
            `            <item displayName="$(string.${id}_${option})"><value><string>${escapeXml(option)}</string></value></item>`,
        ),
        '          </enum>',
      ].join('\n');
  }
}

function admlPresentation(definition: SettingDefinition, lang: keyof LocalizedText): string {
  const id = definition.registryName;
  const label = escapeXml(definition.label[lang]);
  const kind = definition.kind;
  switch (kind.type) {
    case 'text':
      return `<textBox refId="${id}"><label>${label}</label></textBox>`;
    case 'integer':
      return `<decimalTextBox refId="${id}" defaultValue="${String(definition.default)}" spin="true">${label}</decimalTextBox>`;
    case 'list':
      return `<multiTextBox refId="${id}">${label}</multiTextBox>`;
    case 'enum':
      return `<dropdownList refId="${id}" noSort="true" defaultItem="${Math.max(0, kind.options.indexOf(String(definition.default)))}">${label}</dropdownList>`;
  }
}

const definitions = (): [SettingKey, SettingDefinition][] =>
  settingKeys.map((key) => [key, settingsTable[key]]);

/** `azr-desk.admx`: the language-neutral policy definitions. */
export function generateAdmx(): string {
  const usedCategories = [...new Set(definitions().map(([, d]) => d.category))];
  const policies = definitions().map(
    ([
      ,
      d,
    ]) => `    <policy name="${d.registryName}" class="Both" displayName="$(string.${d.registryName})" explainText="$(string.${d.registryName}_Explain)" key="${POLICY_REGISTRY_KEY}" presentation="$(presentation.${d.registryName})">
      <parentCategory ref="${categoryId(d.category)}" />
      <supportedOn ref="SUPPORTED_AzrDesk_0_1" />
      <elements>
        ${admxElement(d)}
      </elements>
    </policy>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from shared/policy/settings.ts by \`npm run policy:admx\`. Do not edit. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="${REVISION}" schemaVersion="1.0" xmlns="${SCHEMA_NS}">
  <policyNamespaces>
    <target prefix="${ADMX_PREFIX}" namespace="${ADMX_NAMESPACE}" />
  </policyNamespaces>
  <resources minRequiredRevision="${REVISION}" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_AzrDesk_0_1" displayName="$(string.SUPPORTED_AzrDesk_0_1)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="Cat_AzrDesk" displayName="$(string.Cat_AzrDesk)" />
${usedCategories
  .map(
    (category) =>
      `    <category name="${categoryId(category)}" displayName="$(string.${categoryId(category)})">
      <parentCategory ref="Cat_AzrDesk" />
    </category>`,
  )
  .join('\n')}
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
}

function explain(definition: SettingDefinition, lang: keyof LocalizedText): string {
  const overridable =
    lang === 'de'
      ? definition.userOverridable
        ? 'Ohne Richtlinie dürfen Benutzer diesen Wert in den Einstellungen ändern.'
        : 'Ohne Richtlinie gilt der Standardwert; Benutzer können ihn nicht ändern.'
      : definition.userOverridable
        ? 'Without a policy, users may change this value in the settings.'
        : 'Without a policy, the default applies; users cannot change it.';
  const fallback = Array.isArray(definition.default)
    ? definition.default.join(', ')
    : String(definition.default);
  const standard =
    lang === 'de'
      ? `Standard: ${fallback === '' ? '(leer)' : fallback}.`
      : `Default: ${fallback === '' ? '(empty)' : fallback}.`;
  return `${definition.description[lang]}\n\n${standard} ${overridable}\n\nRegistry: ${POLICY_REGISTRY_KEY}\\${definition.registryName}`;
}

/** `<language>/azr-desk.adml`: texts and presentations for one language. */
export function generateAdml(language: AdmlLanguage): string {
  const lang = languageOf(language);
  const strings: [string, string][] = [
    ['Cat_AzrDesk', 'azr-desk'],
    ...Object.entries(categories).map(
      ([category, text]) =>
        [categoryId(category as SettingCategory), text[lang]] as [string, string],
    ),
    ['SUPPORTED_AzrDesk_0_1', lang === 'de' ? 'azr-desk 0.1 und neuer' : 'azr-desk 0.1 and later'],
  ];
  for (const [, d] of definitions()) {
    strings.push([d.registryName, d.label[lang]]);
    strings.push([`${d.registryName}_Explain`, explain(d, lang)]);
    if (d.kind.type === 'enum') {
      for (const option of d.kind.options) {
        strings.push([
          `${d.registryName}_${option}`,
          d.kind.optionLabels[option]?.[lang] ?? option,
        ]);
      }
    }
  }
  const presentations = definitions().map(
    ([, d]) =>
      `      <presentation id="${d.registryName}">
        ${admlPresentation(d, lang)}
      </presentation>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from shared/policy/settings.ts by \`npm run policy:admx\`. Do not edit. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="${REVISION}" schemaVersion="1.0" xmlns="${SCHEMA_NS}">
  <displayName>azr-desk</displayName>
  <description>${lang === 'de' ? 'Richtlinien für azr-desk' : 'Policies for azr-desk'}</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${escapeXml(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** Every generated file by its path under build/policy. */
export const policyTemplates = (): Record<string, string> => ({
  'azr-desk.admx': generateAdmx(),
  'de-DE/azr-desk.adml': generateAdml('de-DE'),
  'en-US/azr-desk.adml': generateAdml('en-US'),
});
