import pino from "pino";

/** One logger for the process; request loggers are children carrying the request id. */
export function createLogger(level: string): pino.Logger {
  return pino({
    level,
    base: { service: "partner-network" },
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "*.password",
        "*.currentPassword",
        "*.newPassword",
        "*.token",
        "*.secret",
      ],
      censor: "[redacted]",
    },
  });
}

export type Logger = pino.Logger;
