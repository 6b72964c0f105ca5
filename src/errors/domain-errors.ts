// Domain errors: what went wrong in the hub's own terms, with a stable code and no transport detail.
// src/errors/format-error.ts is the one place that turns them into GraphQL errors.

export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'ILLEGAL_TRANSITION'
  | 'INSUFFICIENT_OFFICERS'
  | 'LEGAL_REVIEW_REQUIRED'
  | 'HEARING_WINDOW_OPEN'
  | 'DISCRETION_OUT_OF_RANGE'
  | 'EXECUTION_INCOMPLETE'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'DEADLINE_PASSED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_REJECTED'
  | 'UPSTREAM_BAD_RESPONSE';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** Safe, structured detail for clients (never a stack, a query or an upstream body). */
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Input that breaks a rule; names the field and the rule. */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(`${field}: ${message}`, { field, rule });
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, key: string) {
    super(`${entity} ${key} not found`, { entity, key });
  }
}

/** A lifecycle step that the case's current stage does not allow (行政处罚法 procedure). */
export class IllegalTransitionError extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(action: string, stage: string, allowedFrom: readonly string[]) {
    super(`${action} is not allowed in stage ${stage}; allowed from ${allowedFrom.join(', ')}`, {
      action,
      stage,
      allowedFrom: [...allowedFrom],
    });
  }
}

/** 行政处罚法 Art. 42: at least two law-enforcement officers. */
export class InsufficientOfficersError extends DomainError {
  readonly code = 'INSUFFICIENT_OFFICERS';
  constructor(count: number) {
    super(`a case needs at least two law-enforcement officers (行政处罚法 Art. 42), got ${count}`, { count, minimum: 2 });
  }
}

/** 行政处罚法 Art. 58: serious cases need 法制审核 before a decision. */
export class LegalReviewRequiredError extends DomainError {
  readonly code = 'LEGAL_REVIEW_REQUIRED';
}

export class HearingWindowOpenError extends DomainError {
  readonly code = 'HEARING_WINDOW_OPEN';
}

export class DiscretionOutOfRangeError extends DomainError {
  readonly code = 'DISCRETION_OUT_OF_RANGE';
}

export class ExecutionIncompleteError extends DomainError {
  readonly code = 'EXECUTION_INCOMPLETE';
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** A failure of an external system; `system` names it (permits, social-credit, …). */
export class UpstreamError extends DomainError {
  constructor(
    readonly code: 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_TIMEOUT' | 'UPSTREAM_REJECTED' | 'UPSTREAM_BAD_RESPONSE',
    readonly system: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { system, ...details });
  }
}

/** A step whose precondition is not met (e.g. notifying a party before any evidence exists). */
export class PreconditionError extends DomainError {
  readonly code = 'PRECONDITION_FAILED';
  constructor(rule: string, message: string, details: Record<string, unknown> = {}) {
    super(message, { rule, ...details });
  }
}

/** An action whose legal or contractual window has closed (e.g. 退单 after the 12345 return deadline). */
export class DeadlinePassedError extends DomainError {
  readonly code = 'DEADLINE_PASSED';
  constructor(action: string, deadline: Date, details: Record<string, unknown> = {}) {
    super(`${action} was due by ${deadline.toISOString()}; the window has closed`, { action, deadline: deadline.toISOString(), ...details });
  }
}
