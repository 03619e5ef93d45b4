import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';

const t = mutationSuite();

describe('recognitions', () => {
  it('records pennants and letters from enterprises', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'assignments');
    const recognition = await m.ok(
      'recordRecognition',
      { enterpriseId: w.enterprise, kind: 'PENNANT', receivedOn: '2025-06-12', officerId: w.officer2, message: '护企安商' },
      'officer { name }',
    );
    expect(recognition.officer).toEqual({ name: '李华' });
    expect(await m.refuse('recordRecognition', { enterpriseId: w.enterprise, kind: 'MEDAL', receivedOn: '2025-06-12' })).toBeDefined();
    expect(await m.refuse('recordRecognition', { enterpriseId: w.officer, kind: 'LETTER', receivedOn: '2025-06-12' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.enterpriseId',
    });
  });
});
