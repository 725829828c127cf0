export * from "./enums";
export * from "./global-id";
export * from "./pagination";
export * from "./permissions";
export * from "./validation";
export * from "./invitations";
export * from "./audit";
export * from "./rate-limits";
