// Shared building blocks of all connectors.
export * from './types';
export * from './connector-error';
export * from './circuit-breaker';
export * from './call-metrics';
export * from './call-policy';
export * from './simulator-control';
export * from './signed-webhook';
export * from './follow-pages';
