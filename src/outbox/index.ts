// The transactional outbox engine: enqueue inside a transaction, deliver with OutboxWorker.
export * from './outbox';
