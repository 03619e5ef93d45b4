import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as schema from '@huhang/schema';
import { inputLimits } from '../../api/src/cli/input-limits';
import { createSchema } from '../../api/src/schema';

/** The sources of the components (not their tests). */
function componentSources(): Array<{ file: string; text: string }> {
  const root = join(__dirname, 'components');
  return readdirSync(root).flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => ({ file: `${folder}/${name}`, text: readFileSync(join(root, folder, name), 'utf8') })),
  );
}

describe('the widgets’ contract with the API', () => {
  it('checks input fields with the limits the API enforces, never with numbers of their own', async () => {
    const sources = componentSources();
    const checks = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/r\.within\(([^)]*)\)/g)].map((match) => ({ file, limits: match[1]! })),
    );
    expect(checks.length).toBeGreaterThan(0);
    for (const { file, limits } of checks) {
      expect({ file, limits }).toEqual({ file, limits: expect.stringMatching(/^\w+InputLimits(\.\w+|\[\w+\])$/) });
    }
    // No rule of a form takes a bare number for a length or a range.
    for (const { file, text } of sources) {
      expect({ file, numbers: text.match(/r\.\w+\(\s*\d/g) ?? [] }).toEqual({ file, numbers: [] });
    }

    // Every limits constant a component uses is the API's own rule for that input type.
    const live = inputLimits(await createSchema());
    const used = new Set(sources.flatMap(({ text }) => [...text.matchAll(/\b(\w+)InputLimits\b/g)].map((match) => `${match[1]}Input`)));
    expect([...used].sort()).toEqual([
      'AddIndicatorInput',
      'AddTeamMemberInput',
      'CreateEmbedKeyInput',
      'CreateOfficerInput',
      'CreateOrganisationInput',
      'CreatePoliceUnitInput',
      'CreateTeamInput',
      'CreateUserInput',
      'CreateZoneInput',
      'ReceiveServiceRequestInput',
      'RecordDisputeInput',
      'RecordEngagementInput',
      'RecordIncidentInput',
      'RecordPatrolInput',
      'RecordRecognitionInput',
      'RecordVisitInput',
      'ReportHazardInput',
      'TranslatedTextInput',
    ]);
    for (const type of used) {
      expect({ type, limits: (schema as Record<string, unknown>)[`${type}Limits`] }).toEqual({ type, limits: live[type] });
    }
  });

  it('gives the forms the API’s lengths where hand-copied ones had drifted (findings 4000, descriptions 2000, notes 4000)', () => {
    expect(schema.RecordVisitInputLimits.findings.maxLength).toBe(4000);
    expect(schema.ReportHazardInputLimits.description.maxLength).toBe(2000);
    expect(schema.RecordPatrolInputLimits.notes.maxLength).toBe(4000);
  });
});
