import { describe, expect, it } from 'vitest';
import { AccountVersions } from '../../src/main/import/account-versions';
import type { AccountRecord } from '../../src/main/import/records';

const base: AccountRecord = {
  platformId: '1234567890123456789',
  handle: 'Foo',
  displayName: 'Foo Bar',
  bio: 'posts about bacon 🥓 and élan',
  location: 'Lyon',
  followers: 10,
  following: 20,
  postCount: 30,
  createdAt: 1_420_070_400_000,
};

describe('AccountVersions (the last profile of each account, packed)', () => {
  it('knows an account only once it is remembered, and then only that exact profile', () => {
    const versions = new AccountVersions();
    expect(versions.same(base)).toBe(false);
    versions.remember(base);
    expect(versions.same({ ...base })).toBe(true);
    expect(versions.same({ ...base, platformId: '1234567890123456788' })).toBe(false);
  });

  it('sees a change in any compared field, including a text that only grows, shrinks or changes one character', () => {
    const versions = new AccountVersions();
    versions.remember(base);
    const changes: Partial<AccountRecord>[] = [
      { handle: 'foo' }, { handle: null }, { displayName: 'Foo Bar ' }, { displayName: 'Foo Ba' }, { bio: 'posts about bacon 🥓 and elan' },
      { bio: '' }, { location: null }, { location: 'Lyon2' }, { followers: 11 }, { followers: null }, { following: 0 },
      { postCount: 31 }, { createdAt: null }, { createdAt: 1_420_070_400_001 },
    ];
    for (const change of changes) expect(versions.same({ ...base, ...change }), JSON.stringify(change)).toBe(false);
    // Attributes are not part of the profile compared (as before the packing).
    expect(versions.same({ ...base, attributes: { verified: true } })).toBe(true);
  });

  it('treats a missing field as null, the way the sink stores both', () => {
    const versions = new AccountVersions();
    const sparse: AccountRecord = { platformId: 'u1', handle: 'a', bio: null };
    versions.remember(sparse);
    expect(versions.same({ platformId: 'u1', handle: 'a', bio: undefined, displayName: null })).toBe(true);
    expect(versions.same({ platformId: 'u1', handle: 'a', bio: '' })).toBe(false);
    expect(versions.same({ platformId: 'u1', handle: 'a', followers: 0 })).toBe(false);
  });

  it('compares against the latest version after a change, and keeps every account apart past its initial sizes', () => {
    const versions = new AccountVersions();
    const count = 5000;
    const profile = (index: number, round: number): AccountRecord => ({
      platformId: index % 2 === 0 ? `${index}` : `id-${index}-${'x'.repeat(index % 7)}`,
      handle: `user${index}`,
      displayName: `User ${index} ${round}`,
      bio: `bio ${'word '.repeat(index % 40)}${index}`,
      location: index % 3 === 0 ? null : `city ${index % 11}`,
      followers: index * round,
      following: index,
      postCount: null,
      createdAt: 1_400_000_000_000 + index,
    });
    for (let index = 0; index < count; index++) versions.remember(profile(index, 1));
    for (let index = 0; index < count; index += 2) versions.remember(profile(index, 2));
    for (let index = 0; index < count; index++) {
      const latest = index % 2 === 0 ? 2 : 1;
      expect(versions.same(profile(index, latest))).toBe(true);
      expect(versions.same(profile(index, 3 - latest))).toBe(false);
    }
  });
});
