import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("uses the documented defaults", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.appUrl).toBe("http://localhost:4000");
    expect(config.smtpUrl).toBeNull();
    expect(config.corsOrigins).toEqual([]);
    expect(config.seedDemoData).toBe(true);
    expect(config.trustProxy).toBe(false);
    expect(config.metricsToken).toBeNull();
    expect(config.migrateOnStart).toBe(true);
    expect(config.databaseListenUrl).toBeNull();
    expect(config.credentialCacheSeconds).toBe(30);
  });

  it("reads the credential cache's lifetime (0 switches it off) and its LISTEN address", () => {
    expect(loadConfig({ CREDENTIAL_CACHE_SECONDS: "0" }).credentialCacheSeconds).toBe(0);
    expect(loadConfig({ CREDENTIAL_CACHE_SECONDS: "5" }).credentialCacheSeconds).toBe(5);
    expect(
      loadConfig({ DATABASE_LISTEN_URL: "postgres://owner@db:5432/pn" }).databaseListenUrl,
    ).toBe("postgres://owner@db:5432/pn");
    expect(() => loadConfig({ CREDENTIAL_CACHE_SECONDS: "-1" })).toThrow(
      "CREDENTIAL_CACHE_SECONDS",
    );
    expect(() => loadConfig({ DATABASE_LISTEN_URL: "http://db" })).toThrow("DATABASE_LISTEN_URL");
  });

  it("does not seed demo data in production unless asked to", () => {
    const secret = "s".repeat(32);
    expect(loadConfig({ NODE_ENV: "production", APP_SECRET: secret }).seedDemoData).toBe(false);
    expect(
      loadConfig({ NODE_ENV: "production", APP_SECRET: secret, SEED_DEMO_DATA: "true" })
        .seedDemoData,
    ).toBe(true);
  });

  it("reads TRUST_PROXY as a hop count or a list of addresses and subnets", () => {
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.7,loopback" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "192.168.1.7",
      "loopback",
    ]);
    expect(loadConfig({ TRUST_PROXY: "fd00::/8" }).trustProxy).toEqual(["fd00::/8"]);
    expect(loadConfig({ MIGRATE_ON_START: "false" }).migrateOnStart).toBe(false);
  });

  it.each([
    ["PORT", { PORT: "abc" }],
    ["PORT", { PORT: "70000" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://x@y/z" }],
    ["DATABASE_URL", { DATABASE_URL: "not a url" }],
    ["APP_URL", { APP_URL: "ftp://example.test" }],
    ["LOG_LEVEL", { LOG_LEVEL: "loud" }],
    ["CORS_ORIGINS", { CORS_ORIGINS: "*" }],
    ["CORS_ORIGINS", { CORS_ORIGINS: "https://a.example/path" }],
    ["CORS_ORIGINS", { CORS_ORIGINS: "a.example" }],
    ["RATE_LIMIT_COST_CAPACITY", { RATE_LIMIT_COST_CAPACITY: "0" }],
    ["RATE_LIMIT_COST_RESTORE_RATE", { RATE_LIMIT_COST_RESTORE_RATE: "-1" }],
    ["RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL", { RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL: "ten" }],
    ["TRUST_PROXY", { TRUST_PROXY: "proxy.example" }],
    ["TRUST_PROXY", { TRUST_PROXY: "10.0.0.0/33" }],
    ["METRICS_TOKEN", { METRICS_TOKEN: "short" }],
    ["MIGRATE_ON_START", { MIGRATE_ON_START: "no" }],
  ])("names %s when it is invalid", (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });

  it("reads the rate limits, with Shopify-like defaults", () => {
    expect(loadConfig({}).rateLimits).toEqual({
      costCapacity: 5000,
      costRestorePerSecond: 250,
      loginFailuresPerEmail: 10,
      loginFailuresPerIp: 50,
      loginWindowSeconds: 900,
      invitationSendsPerDay: 10_000,
      invitationResendsPerMinute: 1,
      invitationResendsPerDay: 5,
      tokenGuessesPerIp: 30,
      tokenGuessWindowSeconds: 900,
      passwordResetsPerEmail: 3,
      passwordResetsPerIp: 20,
      passwordResetWindowSeconds: 3600,
      signUpsPerIp: 10,
      signUpWindowSeconds: 3600,
    });
    expect(
      loadConfig({
        RATE_LIMIT_COST_RESTORE_RATE: "2.5",
        RATE_LIMIT_INVITATION_SENDS_PER_DAY: "20",
        RATE_LIMIT_INVITATION_RESENDS_PER_MINUTE: "2",
        RATE_LIMIT_INVITATION_RESENDS_PER_DAY: "8",
      }).rateLimits,
    ).toMatchObject({
      costRestorePerSecond: 2.5,
      invitationSendsPerDay: 20,
      invitationResendsPerMinute: 2,
      invitationResendsPerDay: 8,
    });
  });

  it("derives APP_URL from PORT and trims a trailing slash", () => {
    expect(loadConfig({ PORT: "5000" }).appUrl).toBe("http://localhost:5000");
    expect(loadConfig({ APP_URL: "https://pn.example.test/" }).appUrl).toBe(
      "https://pn.example.test",
    );
  });

  it("reads CORS_ORIGINS as a comma-separated list of origins", () => {
    expect(
      loadConfig({ CORS_ORIGINS: "https://a.example, http://localhost:5173/" }).corsOrigins,
    ).toEqual(["https://a.example", "http://localhost:5173"]);
  });
});
