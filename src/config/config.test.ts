import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults: port 3000, SQLite in ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: null, publicUrl: 'http://localhost:3000', cookieSecure: false });
    expect(c.dataDir).toMatch(/\/data$/);
  });
  it('names every problem at once', () => {
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', SECRET_KEY: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toHaveLength(3);
      expect((e as Error).message).toMatch(/SECRET_KEY: must be 32 random bytes/);
    }
  });
  it('secure cookies on https installations', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://regie.gemeente.nl/' })).toMatchObject({ publicUrl: 'https://regie.gemeente.nl', cookieSecure: true });
  });
});
