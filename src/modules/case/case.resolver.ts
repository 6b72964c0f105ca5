import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { PURPOSE_ARGUMENT as PURPOSE } from '../../auth/field-policy';
import { Department } from '../department/department.type';
import { DiscretionTier, PowerItem } from '../power-item/power-item.type';
import {
  AddEvidenceInput,
  CaseFilter,
  CaseOrder,
  CloseCaseInput,
  CorrectCaseInput,
  DecideCaseInput,
  LegalReviewInput,
  NotifyPartyInput,
  RecordExecutionInput,
  RegisterCaseInput,
  ServeDecisionInput,
} from './case.input';
import type { CasePage } from './case.service';
import {
  CaseConnection,
  CaseDeadline,
  CaseDocument,
  CaseEvent,
  CaseOfficer,
  CaseParty,
  EnforcementCase,
  Evidence,
  HistoryVerification,
  LegalReview,
  Location,
  PenaltyDecision,
} from './case.type';

const VERSION = { nullable: true, description: 'The version you read; the step is refused with CONFLICT if the case changed since' };

@Resolver(() => EnforcementCase)
export class CaseResolver {
  @Query(() => EnforcementCase, { description: 'One case by id or case number (give exactly one)' })
  case(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('caseNo', () => String, { nullable: true }) caseNo?: string,
    @Arg('purpose', () => String, { nullable: true, description: PURPOSE }) _purpose?: string,
  ) {
    return ctx.services.cases.getCase(ctx, { id, caseNo });
  }

  @Query(() => CaseConnection, { description: 'Cases the caller may see, newest first by default; keyset pagination' })
  cases(
    @Ctx() ctx: HubContext,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20)' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('orderBy', () => CaseOrder, { nullable: true }) orderBy?: CaseOrder,
    @Arg('purpose', () => String, { nullable: true, description: PURPOSE }) _purpose?: string,
  ) {
    return ctx.services.cases.listCases(ctx, { filter, first, after, orderBy });
  }

  @Query(() => [CaseEvent], { description: 'The hash-chained history of a case, oldest first' })
  caseHistory(@Ctx() ctx: HubContext, @Arg('caseId', () => ID) caseId: string) {
    return ctx.services.cases.history(ctx, caseId);
  }

  @Query(() => HistoryVerification, { description: 'Recomputes every hash of a case history and names the rows that do not verify' })
  verifyCaseHistory(@Ctx() ctx: HubContext, @Arg('caseId', () => ID) caseId: string) {
    return ctx.services.cases.verifyHistory(ctx, caseId);
  }

  @Mutation(() => EnforcementCase, { description: '受理: register a case (stage RECEIVED); needs at least two officers' })
  registerCase(@Ctx() ctx: HubContext, @Arg('input', () => RegisterCaseInput) input: RegisterCaseInput) {
    return ctx.services.cases.registerCase(ctx, input);
  }

  @Mutation(() => EnforcementCase, { description: '立案: RECEIVED → FILED' })
  fileCase(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.fileCase(ctx, caseId, note ?? null, expectedVersion);
  }

  @Mutation(() => EnforcementCase, { description: '不予立案: RECEIVED → NOT_FILED, with a reason' })
  declineCase(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.declineCase(ctx, caseId, reason, expectedVersion);
  }

  @Mutation(() => EnforcementCase, { description: '调查取证: add evidence; the first evidence of a FILED case moves it to INVESTIGATING' })
  addEvidence(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => AddEvidenceInput) input: AddEvidenceInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.addEvidence(ctx, caseId, input, expectedVersion);
  }

  @Mutation(() => EnforcementCase, { description: '告知: INVESTIGATING → NOTIFIED, proposing a penalty within the discretion benchmark' })
  notifyParty(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => NotifyPartyInput) input: NotifyPartyInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.notifyParty(ctx, caseId, input, expectedVersion);
  }

  @Mutation(() => EnforcementCase, { description: '法制审核: NOTIFIED → LEGAL_REVIEW (REJECTED sends the case back to INVESTIGATING)' })
  recordLegalReview(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => LegalReviewInput) input: LegalReviewInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.recordLegalReview(ctx, caseId, input, expectedVersion);
  }

  @Mutation(() => EnforcementCase, { description: '作出处罚决定: → DECIDED; refused without a required legal review (Art. 58)' })
  decideCase(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => DecideCaseInput) input: DecideCaseInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.decideCase(ctx, caseId, input, expectedVersion);
  }

  @Mutation(() => EnforcementCase, { description: '送达: DECIDED → SERVED' })
  serveDecision(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => ServeDecisionInput) input: ServeDecisionInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.serveDecision(ctx, caseId, input, expectedVersion);
  }

  @Mutation(() => EnforcementCase, { description: '执行: record a payment; SERVED/EXECUTING → EXECUTING' })
  recordExecution(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => RecordExecutionInput) input: RecordExecutionInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.recordExecution(ctx, caseId, input, expectedVersion);
  }

  @Mutation(() => EnforcementCase, { description: '结案: → CLOSED once the decision is executed' })
  closeCase(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => CloseCaseInput) input: CloseCaseInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.closeCase(ctx, caseId, input, expectedVersion);
  }

  @Mutation(() => EnforcementCase, { description: '更正: correct fields with a reason; recorded as a new event, never an overwrite of history' })
  correctCase(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => CorrectCaseInput) input: CorrectCaseInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number,
  ) {
    return ctx.services.cases.correctCase(ctx, caseId, input, expectedVersion);
  }

  // ───────────── relations (batched per request) ─────────────

  @FieldResolver(() => Department, { description: 'Handling department' })
  department(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.departmentById.load(c.departmentId);
  }

  @FieldResolver(() => PowerItem)
  powerItem(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.powerItemById.load(c.powerItemId);
  }

  @FieldResolver(() => DiscretionTier, { nullable: true, description: 'The discretion tier the facts fall in, once assessed' })
  tier(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return c.tierId ? ctx.loaders.tierById.load(c.tierId) : null;
  }

  @FieldResolver(() => Location, { nullable: true })
  location(@Root() c: EnforcementCase) {
    return c.lng === null || c.lat === null ? null : { lng: Number(c.lng), lat: Number(c.lat) };
  }

  @FieldResolver(() => [CaseParty])
  parties(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.partiesByCaseId.load(c.id);
  }

  @FieldResolver(() => [CaseOfficer], { description: 'Officers on the case, lead first' })
  officers(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.officersByCaseId.load(c.id);
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.evidenceByCaseId.load(c.id);
  }

  @FieldResolver(() => [CaseDocument])
  documents(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.documentsByCaseId.load(c.id);
  }

  @FieldResolver(() => [LegalReview])
  legalReviews(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.legalReviewsByCaseId.load(c.id);
  }

  @FieldResolver(() => PenaltyDecision, { nullable: true })
  decision(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.decisionByCaseId.load(c.id);
  }

  @FieldResolver(() => [CaseEvent], { description: 'The newest events, newest first' })
  latestEvents(@Root() c: EnforcementCase, @Ctx() ctx: HubContext, @Arg('last', () => Int, { defaultValue: 3 }) last: number) {
    return ctx.services.cases.latestEvents(ctx, c.id, last);
  }

  @FieldResolver(() => [CaseDeadline], { description: 'Statutory deadlines: filing, hearing window, 90-day decision, service, payment' })
  async deadlines(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    const decision = await ctx.loaders.decisionByCaseId.load(c.id);
    return ctx.services.cases.deadlines(c, decision ? Number(decision.fineAmount) > 0 : false);
  }
}

@Resolver(() => CaseConnection)
export class CaseConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() page: CasePage, @Ctx() ctx: HubContext) {
    return ctx.services.cases.countCases(page.where);
  }
}
