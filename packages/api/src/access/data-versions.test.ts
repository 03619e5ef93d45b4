import { DataVersions } from './data-versions';

describe('data versions', () => {
  it('move only forward: a notice of a version already known, the process’s own commit’s included, changes no key', () => {
    const versions = new DataVersions();
    const before = versions.versionsOf([1, 2]);
    versions.committed(new Map([[1, 5]]));
    const committed = versions.versionsOf([1, 2]);
    expect(committed).not.toBe(before);
    versions.heard(1, 5);
    versions.heard(1, 4);
    expect(versions.versionsOf([1, 2])).toBe(committed);
    versions.heard(1, 6);
    expect(versions.versionOf(1)).toBe(6);
    versions.committed(new Map([[1, 6]]));
    expect(versions.versionOf(1)).toBe(6);
  });

  it('change every key when writes may have been missed, or a notice names no version', () => {
    const versions = new DataVersions();
    const keys = new Set([versions.versionsOf([1])]);
    versions.heard('ALL');
    keys.add(versions.versionsOf([1]));
    versions.heard(1);
    keys.add(versions.versionsOf([1]));
    expect(keys.size).toBe(3);
    expect(versions.versionsOf([2])).not.toBe('0/2:0');
  });
});
