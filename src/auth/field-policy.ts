// Field-level rules at the edge, in one place, for every query, mutation and subscription payload:
//
//  1. 数据共享协议 (data-sharing agreements): a PARTNER reading a case it neither handles nor
//     received by transfer reads it under its agreement in force, and sees only the fields the
//     agreement lists. Every other field of a case-related type is refused at that field with
//     FORBIDDEN { rule: AGREEMENT_FIELD, field: "Type.field", agreementId, agreementNo }: a nullable
//     field is null, a non-null field nulls its parent (GraphQL's own null propagation). No
//     agreement in force → FORBIDDEN NO_AGREEMENT; a case outside the agreement's categories →
//     FORBIDDEN AGREEMENT_CATEGORY (row-level visibility itself stays in caseReadScope).
//  2. 个人信息 (personal data of natural persons): masked for everyone by default; in full only for a
//     role that needs it AND a stated purpose (查询事由: X-Purpose header or a `purpose` argument), see
//     mayUnmaskPersonalData. Every personal field returned in full is named in the audit record.
//
// The field catalogue is derived from the schema: every field of every object type reachable from
// EnforcementCase, as "Type.field", except `id` (always shared), paging wrappers (…Connection,
// …Edge, PageInfo), public reference data (REFERENCE_TYPES: shared whenever the field linking to it
// is) and 12345 work orders (their own requester masking; partners never see work orders).
import DataLoader from 'dataloader';
import { getNamedType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { HubContext } from '../context';
import type { PowerCategory } from '../generated/prisma/enums';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../domain/masking';
import { ForbiddenError } from '../errors/domain-errors';
import { mayUnmaskPersonalData, readsUnderAgreement } from './access-policy';
import { hasRole, type Principal } from './principal';

// ───────────────────────────── the catalogue ─────────────────────────────

export const CATALOGUE_ROOT = 'EnforcementCase';

/**
 * Public reference data: the power list (权责清单), departments and officers (亮证执法). Not in the
 * catalogue: what the agreement controls is the link (e.g. EnforcementCase.department).
 */
export const REFERENCE_TYPES: ReadonlySet<string> = new Set(['Department', 'Officer', 'PowerItem', 'DiscretionTier', 'PermitIssuer']);

/** Always shared: an identifier carries no content and is needed to page and to refer to a record. */
export const ALWAYS_SHARED_FIELDS: ReadonlySet<string> = new Set(['id']);

function isStructural(typeName: string): boolean {
  return typeName === 'PageInfo' || typeName.endsWith('Connection') || typeName.endsWith('Edge');
}

/** 12345 work orders keep their own rules (work-order module); the policy leaves them alone. */
function isExempt(typeName: string): boolean {
  return typeName.startsWith('WorkOrder');
}

/**
 * Subscription payloads repeat case data under their own type: each field is governed by the
 * catalogue field it copies (null: always shared). A field not listed here is refused to partners.
 */
export const PAYLOAD_ALIASES: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  CaseUpdate: {
    sequence: null,
    caseId: null,
    caseNo: 'EnforcementCase.caseNo',
    stage: 'EnforcementCase.stage',
    version: 'EnforcementCase.version',
    eventType: 'CaseEvent.type',
    occurredAt: 'CaseEvent.occurredAt',
  },
  TransferStatusUpdate: {
    sequence: null,
    transferId: null,
    caseId: null,
    transferNo: 'Transfer.transferNo',
    status: 'TransferStatusChange.status',
    platformSequence: 'TransferStatusChange.sequence',
    occurredAt: 'TransferStatusChange.occurredAt',
    detail: 'TransferStatusChange.detail',
  },
};

/** Objects that are the partner's own business (it asked or was asked, it sent or received). */
const OWN_BUSINESS_TYPES: ReadonlySet<string> = new Set(['AssistRequest', 'Transfer']);

export interface ShareableFieldInfo {
  /** "Type.field", as listed in an agreement. */
  path: string;
  typeName: string;
  fieldName: string;
  description: string | null;
  /** Personal data of natural persons: masked unless the caller may see it in full. */
  personalData: boolean;
}

export interface FieldCatalogue {
  fields: ShareableFieldInfo[];
  paths: ReadonlySet<string>;
  /** Object types whose fields (other than `id`) a partner reads only as its agreement lists. */
  governedTypes: ReadonlySet<string>;
}

const catalogues = new WeakMap<GraphQLSchema, FieldCatalogue>();

/** The shareable field paths of a schema (memoised per schema). */
export function fieldCatalogue(schema: GraphQLSchema): FieldCatalogue {
  const known = catalogues.get(schema);
  if (known) return known;
  const root = schema.getType(CATALOGUE_ROOT);
  const fields: ShareableFieldInfo[] = [];
  const governedTypes = new Set<string>();
  const seen = new Set<string>();
  const queue = isObjectType(root) ? [root] : [];
  if (root) seen.add(root.name);
  while (queue.length > 0) {
    const type = queue.shift()!;
    const listed = !isStructural(type.name);
    if (listed) governedTypes.add(type.name);
    for (const field of Object.values(type.getFields())) {
      if (listed && !ALWAYS_SHARED_FIELDS.has(field.name)) {
        const path = `${type.name}.${field.name}`;
        fields.push({ path, typeName: type.name, fieldName: field.name, description: field.description ?? null, personalData: path in PERSONAL_FIELDS });
      }
      const target = getNamedType(field.type);
      if (isObjectType(target) && !seen.has(target.name) && !REFERENCE_TYPES.has(target.name) && !isExempt(target.name)) {
        seen.add(target.name);
        queue.push(target);
      }
    }
  }
  // EnforcementCase first, then by type and field name.
  const rank = (f: ShareableFieldInfo) => `${f.typeName === CATALOGUE_ROOT ? '0' : '1'}${f.typeName}.${f.fieldName}`;
  fields.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  const catalogue = { fields, paths: new Set(fields.map((f) => f.path)), governedTypes };
  catalogues.set(schema, catalogue);
  return catalogue;
}

/** The catalogue path that governs a field, null when always shared, undefined when not governed. */
export function governingPath(catalogue: FieldCatalogue, typeName: string, fieldName: string): string | null | undefined {
  const alias = PAYLOAD_ALIASES[typeName];
  if (alias) return fieldName in alias ? alias[fieldName] : `${typeName}.${fieldName}`;
  if (!catalogue.governedTypes.has(typeName)) return undefined;
  return ALWAYS_SHARED_FIELDS.has(fieldName) ? null : `${typeName}.${fieldName}`;
}

// ───────────────────────────── personal data ─────────────────────────────

const ID_NUMBER = /^[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])[0-9]{2}[0-9]{3}[0-9Xx]$/;

type Row = Record<string, unknown>;

interface PersonalRule {
  /** Whether the value is a natural person's data on this object. */
  applies(root: Row, value: unknown): boolean;
  mask(value: unknown): unknown;
}

/** A string field whose object tells whether it belongs to a natural person. */
function text(ofPerson: (root: Row) => boolean, mask: (v: string) => string | null): PersonalRule {
  return { applies: (root, value) => typeof value === 'string' && value !== '' && ofPerson(root), mask: (value) => mask(value as string) };
}

const always = () => true;
const personParty = (root: Row) => root.kind === 'PERSON';
const personHolder = (root: Row) => typeof root.holderCode === 'string' && ID_NUMBER.test(root.holderCode);
const naturalPerson = (root: Row) => root.subjectType === 'NATURAL_PERSON' || (typeof root.subjectCode === 'string' && ID_NUMBER.test(root.subjectCode));

/** A permit as the permits system returned it (PermitCheck.snapshot), held by a person: masked like Permit. */
const personPermitSnapshot: PersonalRule = {
  applies: (_root, value) => typeof value === 'object' && value !== null && personHolder(value as Row),
  mask: (value) => {
    const v = value as Row;
    const str = (x: unknown) => (typeof x === 'string' ? x : null);
    return { ...v, holderName: maskName(str(v.holderName)), holderCode: maskIdNumber(str(v.holderCode)), address: maskAddress(str(v.address)) };
  },
};

/**
 * Personal data of natural persons, masked unless the caller may see it in full:
 * - a person (Party.kind PERSON): name, 居民身份证号 (code), address;
 * - any party's phone (an organisation's contact phone is usually a person's mobile) and legal
 *   representative's name (法定代表人 is a natural person);
 * - a permit held by a person (holder name, ID number, address; also inside the snapshot a
 *   permit check keeps as evidence) and a natural person's credit profile (subject name, ID
 *   number), as the permits and credit systems return them.
 * Organisations' names, 统一社会信用代码 and registered addresses are public and never masked.
 * Free text (facts, evidence descriptions) is not parsed. 12345 requesters are masked by the
 * work-order module.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, PersonalRule>> = {
  'Party.name': text(personParty, maskName),
  'Party.code': text(personParty, maskIdNumber),
  'Party.address': text(personParty, maskAddress),
  'Party.phone': text(always, maskPhone),
  'Party.legalRepName': text(always, maskName),
  'Permit.holderName': text(personHolder, maskName),
  'Permit.holderCode': text(personHolder, maskIdNumber),
  'Permit.address': text(personHolder, maskAddress),
  'PermitCheck.snapshot': personPermitSnapshot,
  'CreditProfile.subjectName': text(naturalPerson, maskName),
  'CreditProfile.subjectCode': text(naturalPerson, maskIdNumber),
};

// ───────────────────────────── what the policy reads ─────────────────────────────

export interface AgreementInForce {
  id: string;
  agreementNo: string;
  categories: PowerCategory[];
  fields: ReadonlySet<string>;
}

export interface CaseAccess {
  departmentId: string;
  category: PowerCategory;
  /** A transfer (移送) or hand-over (移交) of the case names the caller's department as receiver. */
  transferredToCaller: boolean;
}

/** The data the policy needs (the data-sharing service implements it). */
export interface FieldPolicyStore {
  agreementsInForce(departmentId: string): Promise<AgreementInForce[]>;
  caseAccess(caseIds: readonly string[], departmentId: string): Promise<Map<string, CaseAccess>>;
  /** Whether the department handles, or received by transfer, a case naming the party. */
  partyConcernsDepartment(partyId: string, departmentId: string): Promise<boolean>;
}

// ───────────────────────────── per request ─────────────────────────────

/** What a field belongs to: a case, a party looked up on its own, the partner's own business, or nothing known. */
type Anchor = { kind: 'case'; id: string } | { kind: 'party'; id: string } | { kind: 'own' };

interface RequestState {
  createdAt: number;
  /** The purpose the request stated in its header (X-Purpose / connection params). */
  headerPurpose: string | null;
  /** `purpose` arguments of root fields, by response key. */
  rootPurposes: Map<string, string>;
  /** Loaded for partners: the agreements in force now (not from the authentication cache). */
  agreements: Promise<AgreementInForce[]> | null;
  anchors: Map<string, Anchor>;
  caseAccess: DataLoader<string, CaseAccess | null>;
  partyConcerns: Map<string, Promise<boolean>>;
}

/**
 * How long one operation's view of the agreements is used: a query's whole execution, and a few
 * seconds of a subscription's events (each event re-checks after that).
 */
const STATE_REFRESH_MS = 5_000;

/** The `purpose` argument of the case and party root queries, read here (and audited). */
export const PURPOSE_ARGUMENT =
  '查询事由: why you ask (as the X-Purpose header does). With a role that needs them, personal data are returned in full and audited';
const PURPOSE_MAX = 200;

const states = new WeakMap<HubContext, RequestState>();

function store(context: HubContext): FieldPolicyStore {
  return context.services.dataSharing;
}

function newState(context: HubContext, headerPurpose: string | null): RequestState {
  const principal = context.principal;
  const policyStore = store(context);
  return {
    createdAt: Date.now(),
    headerPurpose,
    rootPurposes: new Map(),
    agreements: readsUnderAgreement(principal) ? policyStore.agreementsInForce(principal.departmentId) : null,
    anchors: new Map(),
    caseAccess: new DataLoader(async (ids) => {
      const found = await policyStore.caseAccess(ids, principal.departmentId);
      return ids.map((id) => found.get(id) ?? null);
    }),
    partyConcerns: new Map(),
  };
}

/** At a root field: a fresh view for this operation (or this subscription event), and its purpose. */
async function prepareRoot(context: HubContext, info: GraphQLResolveInfo, args: Record<string, unknown>): Promise<RequestState> {
  let state = states.get(context);
  if (!state || Date.now() - state.createdAt > STATE_REFRESH_MS) {
    state = newState(context, state ? state.headerPurpose : context.principal.purpose);
    states.set(context, state);
    if (state.agreements) {
      // caseReadScope reads the categories from the principal, which authentication caches for a
      // while: the categories in force now replace them for this operation, so an ADMIN's change
      // applies from the next request. (A per-operation copy: a socket's principal is shared.)
      const agreements = await state.agreements;
      const sharedCategories = [...new Set(agreements.flatMap((a) => a.categories))];
      context.principal = { ...context.principal, sharedCategories };
    }
  }
  const stated = typeof args.purpose === 'string' ? args.purpose.trim().slice(0, PURPOSE_MAX) : '';
  if (stated) {
    state.rootPurposes.set(info.path.key as string, stated);
    // The audit record names every purpose the request stated.
    const recorded = context.principal.purpose;
    const purposes = recorded ? recorded.split('; ') : [];
    if (!purposes.includes(stated)) context.principal = { ...context.principal, purpose: [...purposes, stated].join('; ') };
  }
  return state;
}

function stateOf(context: HubContext): RequestState {
  let state = states.get(context);
  if (!state) {
    state = newState(context, context.principal.purpose);
    states.set(context, state);
  }
  return state;
}

type Path = GraphQLResolveInfo['path'];

function pathKey(path: Path | undefined): string {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.prev) keys.push(p.key);
  return keys.reverse().join('.');
}

function rootKey(path: Path): string {
  let p = path;
  while (p.prev) p = p.prev;
  return String(p.key);
}

/** The nearest enclosing case, party or own-business object of the object a field belongs to. */
function anchorOf(state: RequestState, principal: Principal, info: GraphQLResolveInfo, root: Row): Anchor | null {
  const typeName = info.parentType.name;
  const objectPath = info.path.prev;
  const objectKey = pathKey(objectPath);
  if (typeName === CATALOGUE_ROOT && typeof root.id === 'string') {
    const anchor: Anchor = { kind: 'case', id: root.id };
    state.anchors.set(objectKey, anchor);
    return anchor;
  }
  if (OWN_BUSINESS_TYPES.has(typeName) && (root.fromDepartmentId === principal.departmentId || root.toDepartmentId === principal.departmentId)) {
    const anchor: Anchor = { kind: 'own' };
    state.anchors.set(objectKey, anchor);
    return anchor;
  }
  for (let p = objectPath; p; p = p.prev) {
    const found = state.anchors.get(pathKey(p));
    if (found) return found;
  }
  let anchor: Anchor | null = null;
  if (typeof root.caseId === 'string') anchor = { kind: 'case', id: root.caseId };
  else if (typeName === 'Party' && typeof root.id === 'string') anchor = { kind: 'party', id: root.id };
  if (anchor) state.anchors.set(objectKey, anchor);
  return anchor;
}

async function isOwnCase(state: RequestState, principal: Principal, caseId: string): Promise<CaseAccess | null | 'own'> {
  const access = await state.caseAccess.load(caseId);
  if (access && (access.departmentId === principal.departmentId || access.transferredToCaller)) return 'own';
  return access;
}

// ───────────────────────────── the rules ─────────────────────────────

function noAgreement(principal: Principal): ForbiddenError {
  return new ForbiddenError(`no data-sharing agreement (数据共享协议) of ${principal.dept} is in force: no agreement, no data`, {
    rule: 'NO_AGREEMENT',
    department: principal.dept,
  });
}

function outsideCategories(agreements: AgreementInForce[], category: PowerCategory | null): ForbiddenError {
  return new ForbiddenError(
    `this case${category ? ` (${category})` : ''} is of a category your data-sharing agreement does not share`,
    {
      rule: 'AGREEMENT_CATEGORY',
      ...(category ? { category } : {}),
      agreementIds: agreements.map((a) => a.id),
      agreementNos: agreements.map((a) => a.agreementNo),
      sharedCategories: [...new Set(agreements.flatMap((a) => a.categories))].sort(),
    },
  );
}

/** A partner reading a field under its agreement: nothing (allowed) or the error to answer at that field. */
async function agreementRefusal(
  state: RequestState,
  principal: Principal,
  anchor: Anchor | null,
  path: string,
): Promise<ForbiddenError | null> {
  let category: PowerCategory | null = null;
  if (anchor?.kind === 'own') return null;
  if (anchor?.kind === 'case') {
    const access = await isOwnCase(state, principal, anchor.id);
    if (access === 'own') return null;
    category = access?.category ?? null;
  }
  const agreements = (await state.agreements) ?? [];
  if (agreements.length === 0) return noAgreement(principal);
  const applicable = category ? agreements.filter((a) => a.categories.includes(category)) : agreements;
  if (applicable.length === 0) return outsideCategories(agreements, category);
  if (applicable.some((a) => a.fields.has(path))) return null;
  const first = applicable[0];
  return new ForbiddenError(`${path} is not shared with ${principal.dept} by data-sharing agreement ${first.agreementNo}`, {
    rule: 'AGREEMENT_FIELD',
    field: path,
    agreementId: first.id,
    agreementNo: first.agreementNo,
  });
}

/** Whether the caller's department handles (or received) what the personal data belongs to. */
async function concernsCaller(state: RequestState, context: HubContext, anchor: Anchor | null): Promise<boolean | null> {
  const principal = context.principal;
  if (!anchor || anchor.kind === 'own') return null;
  if (anchor.kind === 'case') return (await isOwnCase(state, principal, anchor.id)) === 'own';
  let answer = state.partyConcerns.get(anchor.id);
  if (!answer) {
    answer = store(context).partyConcernsDepartment(anchor.id, principal.departmentId);
    state.partyConcerns.set(anchor.id, answer);
  }
  return answer;
}

/** Whether unmasking may depend on the department's own cases (an officer who stated a purpose). */
function asksOwnership(state: RequestState, principal: Principal): boolean {
  return (state.headerPurpose !== null || state.rootPurposes.size > 0) && hasRole(principal, 'OFFICER', 'TRANSFER_OFFICER');
}

/** Rethrows a case-scope refusal of a partner as the agreement rule that decided it. */
async function explainRefusal(state: RequestState, principal: Principal, err: unknown): Promise<unknown> {
  if (!state.agreements || !(err instanceof ForbiddenError) || err.details.rule !== 'CASE_SCOPE') return err;
  const agreements = await state.agreements;
  return agreements.length === 0 ? noAgreement(principal) : outsideCategories(agreements, null);
}

/**
 * The global middleware (registered in build-schema.ts): runs for every field resolution,
 * subscription payloads included.
 */
export const enforceFieldPolicy: MiddlewareFn<HubContext> = async ({ root, args, info, context }, next) => {
  if (!info.path.prev) {
    const state = await prepareRoot(context, info, args);
    try {
      return await next();
    } catch (err) {
      throw await explainRefusal(state, context.principal, err);
    }
  }
  const typeName = info.parentType.name;
  const path = governingPath(fieldCatalogue(info.schema), typeName, info.fieldName);
  const personal = PERSONAL_FIELDS[`${typeName}.${info.fieldName}`];
  if (path === undefined && !personal) return next();

  const state = stateOf(context);
  const principal = context.principal;
  const row = (root ?? {}) as Row;
  let anchor: Anchor | null | undefined;
  // A case records itself as the anchor of what lies below it, when the agreement or unmasking by
  // the handling team will ask which case a field belongs to.
  if ((path && state.agreements) || (typeName === CATALOGUE_ROOT && asksOwnership(state, principal))) anchor = anchorOf(state, principal, info, row);
  if (path && state.agreements) {
    const refusal = await agreementRefusal(state, principal, anchor ?? null, path);
    if (refusal) throw refusal;
  }
  const value: unknown = await next();
  if (!personal || !personal.applies(row, value)) return value;

  const purpose = state.rootPurposes.get(rootKey(info.path)) ?? state.headerPurpose;
  let full = false;
  if (purpose) {
    anchor ??= anchorOf(state, principal, info, row);
    full = await mayUnmaskPersonalData(principal, purpose, () => concernsCaller(state, context, anchor ?? null));
  }
  if (!full) return personal.mask(value);
  context.audit.personalFields.add(`${typeName}.${info.fieldName}`);
  return value;
};
