import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './address-policy';

describe('address policy (pure: nothing is connected to)', () => {
  it.each([
    '127.0.0.1', '127.255.255.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
    '::ffff:7f00:1', '64:ff9b::a00:1', '2002:c0a8:0101::1', '::127.0.0.1', 'not-an-ip', '',
  ])('refuses %s', (a) => expect(isPublicAddress(a)).toBe(false));
  it.each(['93.184.216.34', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:93.184.216.34', '2002:5db8:d822::1'])('allows %s', (a) =>
    expect(isPublicAddress(a)).toBe(true),
  );
});
