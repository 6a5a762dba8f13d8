import { describe, expect, it } from 'vitest';

import { addressFromForwardedFor } from '@/lib/actions/forwarded-for';
import { can, type Permission, ROLES } from '@/lib/auth/roles';
import { toCsv } from '@/lib/csv';

describe('roles', () => {
  const table: Record<Permission, [contributor: boolean, editor: boolean, admin: boolean]> = {
    'editor:enter': [true, true, true],
    'drafts:write-own': [true, true, true],
    'drafts:edit-any': [false, true, true],
    'drafts:publish': [false, true, true],
    'corrections:write': [false, true, true],
    'newsletter:send': [false, true, true],
    'sections:manage': [false, true, true],
    'people:manage': [false, false, true],
    'authors:manage': [false, true, true],
    'authors:link': [false, false, true],
    'subscribers:view': [false, false, true],
    'subscribers:manage': [false, false, true],
    'banner:manage': [false, true, true],
    'front-page:manage': [false, true, true],
    'site:manage': [false, false, true],
  };

  for (const [permission, expected] of Object.entries(table)) {
    it(`${permission}: contributor ${expected[0]}, editor ${expected[1]}, admin ${expected[2]}`, () => {
      expect(ROLES.map((role) => can(role, permission as Permission))).toEqual(expected);
    });
  }

  it('each role can do everything the role below it can', () => {
    const permissions = Object.keys(table) as Permission[];
    for (let index = 1; index < ROLES.length; index += 1) {
      for (const permission of permissions) {
        if (can(ROLES[index - 1]!, permission)) expect(can(ROLES[index]!, permission)).toBe(true);
      }
    }
  });
});

describe('client address', () => {
  it('takes the address the outermost trusted proxy saw, never one a client wrote further left', () => {
    expect(addressFromForwardedFor('6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(addressFromForwardedFor('6.6.6.6, 198.51.100.7, 203.0.113.9', 2)).toBe('198.51.100.7');
    expect(addressFromForwardedFor('10.0.0.1', 3)).toBe('10.0.0.1');
    expect(addressFromForwardedFor(null, 1)).toBeNull();
  });

  it('trusts no address without a trusted proxy, since clients can write the header', () => {
    expect(addressFromForwardedFor('127.0.0.1', 0)).toBeNull();
    expect(addressFromForwardedFor('6.6.6.6', 0)).toBeNull();
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 'with "quote", comma'],
          ['=HYPERLINK("x")', '@sum'],
          ['-1', 'line\nbreak'],
        ],
      ),
    ).toBe('a,b\r\nplain,"with ""quote"", comma"\r\n"\'=HYPERLINK(""x"")",\'@sum\r\n\'-1,"line\nbreak"\r\n');
  });
});
